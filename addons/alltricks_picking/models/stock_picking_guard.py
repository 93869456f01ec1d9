import logging

from odoo import api, fields, models
from odoo.exceptions import UserError

from .floor_guard import (
    PLANNER_GROUP,
    check_cart_add,
    check_cart_owner,
    is_pack_picking,
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
        if "batch_id" in vals:
            check_cart_add(self, vals["batch_id"])
        return super().write(vals)

    def unlink(self):
        # Before Odoo cancels the moves: a refusal must leave the cart whole.
        check_cart_owner(self)
        return super().unlink()

    def do_unreserve(self):
        check_cart_owner(self)
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
