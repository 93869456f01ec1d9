import logging

from odoo import api, fields, models
from odoo.exceptions import UserError

from .floor_guard import check_cart_cancel, check_cart_owner, is_planned_cart

_logger = logging.getLogger(__name__)


class StockPickingBatch(models.Model):
    _inherit = "stock.picking.batch"

    def write(self, vals):
        if vals.get("state") == "cancel":
            check_cart_cancel(self)
        return super().write(vals)

    def action_cancel(self):
        """A warehouse manager cancels a cart; the chatter says what to put back.

        Its transfers leave it (``stock.picking`` resets their scans) and are
        picked again from zero once planned on another cart.
        """
        check_cart_owner(self.filtered("user_id").picking_ids)
        check_cart_cancel(self)
        carts = self.filtered(is_planned_cart)
        scanned = {
            cart: cart.picking_ids._get_alltricks_scanned_totes() for cart in carts
        }

        result = super().action_cancel()

        for cart in carts:
            cart._alltricks_log_cancel(scanned[cart])
        return result

    @api.ondelete(at_uninstall=False)
    def _unlink_except_alltricks_open_cart(self):
        """A cart with transfers is cancelled first: deleting it would keep
        their scans and lose the log of what to put back."""
        if self.env.su:
            return
        carts = self.filtered(lambda b: is_planned_cart(b) and b.picking_ids)
        if carts:
            raise UserError(
                self.env._(
                    "Cancel cart %(cart)s before deleting it: its transfers go back "
                    "to planning and its chatter says what to put back.",
                    cart=carts[0].name,
                )
            )

    def _alltricks_describe_scanned_totes(self, totes):
        """``(units, "tote 1 (WH/PICK/00012): 2, ...")`` of the ``totes`` given
        by ``stock.picking._get_alltricks_scanned_totes``, for the notes that
        say what to put back."""
        count = sum(units for _name, _tote, units in totes)
        detail = ", ".join(
            self.env._(
                "tote %(tote)s (%(name)s): %(units)s",
                tote=tote,
                name=name,
                units=f"{units:g}",
            )
            for name, tote, units in totes
        )
        return count, detail

    def _alltricks_log_cancel(self, totes):
        """Post who cancelled this cart and the scanned units of each tote."""
        self.ensure_one()
        count, detail = self._alltricks_describe_scanned_totes(totes)
        body = self.env._(
            "%(user)s cancelled this cart on %(when)s. Scanned units to put back: "
            "%(count)s%(detail)s. Its transfers will be picked again from zero.",
            user=self.env.user.name,
            when=fields.Datetime.to_string(fields.Datetime.now()),
            count=f"{count:g}",
            detail=f" ({detail})" if detail else "",
        )
        self.message_post(body=body)
        _logger.info(
            "Cart %s cancelled by %s, %s scanned units to put back",
            self.name,
            self.env.user.login,
            count,
        )
