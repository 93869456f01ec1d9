import logging

from odoo import api, fields, models
from odoo.exceptions import UserError

from .floor_guard import (
    PLANNER_GROUP,
    check_cart_add,
    check_cart_owner,
    check_cart_unreserve,
    is_pack_picking,
    is_validation_detach,
)

_logger = logging.getLogger(__name__)


class StockPicking(models.Model):
    _inherit = "stock.picking"

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            check_cart_add(self.browse(), vals.get("batch_id"))
        return super().create(vals_list)

    def write(self, vals):
        check_cart_owner(self)
        leaving = self.browse()
        if "batch_id" in vals:
            check_cart_add(self, vals["batch_id"])
            leaving = self._get_alltricks_leaving(vals["batch_id"])
        # A cart's cancel sets its state before its transfers leave: it logs
        # every tote at once. Odoo cancels a cart whose last transfer leaves.
        carts = {
            picking: picking.batch_id
            for picking in leaving
            if picking.batch_id.state != "cancel"
        }
        totes = {picking: picking._get_alltricks_scanned_totes() for picking in leaving}

        result = super().write(vals)

        if leaving:
            leaving._alltricks_reset_cart_scans()
            logged = leaving.filtered(lambda p: p in carts)
            for picking in logged.filtered(lambda p: p._is_alltricks_logged_leave()):
                picking._alltricks_log_leave(carts[picking], totes[picking])
            # Odoo cancels an emptied batch only when its transfers go to another.
            emptied = self.env["stock.picking.batch"].union(*carts.values())
            emptied.filtered(lambda b: not b.picking_ids).sudo().write(
                {"state": "cancel"}
            )
        return result

    def _get_alltricks_leaving(self, batch_id):
        """Open transfers that a write of ``batch_id`` takes off their cart."""
        return self.filtered(
            lambda p: (
                p.batch_id.alltricks_cart_type_id
                and p.batch_id.id != batch_id
                and p.state not in ("done", "cancel")
            )
        )

    def _is_alltricks_validation_detach(self):
        """Odoo's validation takes this transfer off its batch (part validated,
        or empty at the batch's validation)."""
        self.ensure_one()
        return is_validation_detach(self) or any(
            move.state == "done" for move in self.move_ids
        )

    def _is_alltricks_logged_leave(self):
        """A user took this transfer off a cart still being picked."""
        self.ensure_one()
        return not (self.env.su or self._is_alltricks_validation_detach())

    def _get_alltricks_scanned_totes(self):
        """``(transfer, tote, units)`` of these open transfers with units scanned."""
        result = []
        for picking in self.filtered(lambda p: p.state not in ("done", "cancel")):
            lines = picking.move_line_ids.filtered(lambda ml: ml.state != "done")
            units = sum(lines.mapped("alltricks_scanned_qty"))
            if units:
                result.append((picking.name, picking.alltricks_tote, units))
        return result

    def _alltricks_reset_cart_scans(self):
        """These transfers left their cart: picked again from zero, reserved.

        What was scanned sits in the cart's tote, not on the next cart: the
        next picker must find every line to pick.
        """
        lines = self.move_line_ids.filtered(lambda ml: ml.state != "done")
        dropped = lines.filtered(
            lambda ml: ml.alltricks_missing and ml.product_uom_id.is_zero(ml.quantity)
        )
        lines._alltricks_reset_scan()
        # Odoo reserves no more on a move still marked picked.
        self.move_ids.filtered(
            lambda m: m.picked and m.state not in ("done", "cancel")
        ).sudo().write({"picked": False})
        if dropped:
            self.sudo().action_assign()
        _logger.info("Transfers %s left their cart, scans reset", self.ids)

    def _alltricks_log_leave(self, cart, totes):
        """Post on ``cart`` who took this transfer off and what to put back."""
        units = sum(units for _name, _tote, units in totes)
        cart.message_post(
            body=self.env._(
                "%(user)s took %(name)s off this cart on %(when)s. Scanned units to "
                "put back from tote %(tote)s: %(units)s. It will be picked again "
                "from zero.",
                user=self.env.user.name,
                name=self.name,
                when=fields.Datetime.to_string(fields.Datetime.now()),
                tote=self.alltricks_tote,
                units=f"{units:g}",
            )
        )

    def unlink(self):
        # Before Odoo cancels the moves: a refusal must leave the cart whole.
        check_cart_owner(self)
        return super().unlink()

    def do_unreserve(self):
        check_cart_owner(self)
        check_cart_unreserve(self)
        return super().do_unreserve()

    def action_cancel(self):
        check_cart_owner(self)
        self._check_alltricks_pack_cancel()
        return super().action_cancel()

    def _get_alltricks_pack_in_progress(self):
        """PACK transfers with open mismatches or units re-scanned already."""
        return self.filtered(
            lambda p: (
                p.state not in ("done", "cancel")
                and is_pack_picking(p)
                and (
                    p._get_alltricks_open_mismatches()
                    or any(p.sudo().move_line_ids.mapped("alltricks_scanned_qty"))
                )
            )
        )

    def _check_alltricks_pack_cancel(self):
        """A parcel being packed is cancelled by a warehouse manager (logged).

        Its tote holds scanned units, maybe items to set aside: cancelling it
        from the pack station would lose track of them.
        """
        if self.env.su:
            return
        started = self._get_alltricks_pack_in_progress()
        if not started:
            return
        if not self.env.user.has_group(PLANNER_GROUP):
            raise UserError(
                self.env._(
                    "%(name)s is being packed (units re-scanned or items to set "
                    "aside): finish it, or ask a warehouse manager to cancel it.",
                    name=started[0].name,
                )
            )
        for picking in started:
            picking.message_post(
                body=self.env._(
                    "%(user)s cancelled this transfer while it was being packed "
                    "(open mismatches: %(count)s) on %(when)s.",
                    user=self.env.user.name,
                    count=len(picking._get_alltricks_open_mismatches()),
                    when=fields.Datetime.to_string(fields.Datetime.now()),
                )
            )
            _logger.info(
                "%s: cancelled while being packed by %s",
                picking.name,
                self.env.user.login,
            )
