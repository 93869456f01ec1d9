import logging

from odoo import models

_logger = logging.getLogger(__name__)


class StockPickingBatch(models.Model):
    _inherit = "stock.picking.batch"

    def _alltricks_release_unpicked(self):
        """An express pick of which nothing was found leaves its cart, reserved
        again on sellable stock other than the spots found empty: it goes
        straight on a new express cart, first on the scanner, instead of
        waiting for a planning run that never takes it."""
        express = self.picking_ids.filtered(
            lambda p: p.alltricks_express and p.state not in ("done", "cancel")
        )
        missing = {p.id: p._get_alltricks_missing_locations() for p in express}
        result = super()._alltricks_release_unpicked()
        for picking in express.filtered(
            lambda p: not p.batch_id and p.state not in ("done", "cancel")
        ):
            # Odoo reserved it anywhere, possibly on the spot found empty
            picking.sudo().do_unreserve()
            picking._alltricks_reserve_again(missing[picking.id])
        return result

    def _alltricks_log_order_cancel(self, totes, orders):
        """Post on this express cart the units scanned for kiosk ``orders``
        cancelled at the point of sale: the picker puts them back."""
        self.ensure_one()
        count, detail = self._alltricks_describe_scanned_totes(totes)
        body = self.env._(
            "Order %(orders)s was cancelled at the point of sale by %(user)s while "
            "this cart was picked. Put the %(count)s scanned units back on their "
            "shelf bins: %(detail)s.",
            orders=", ".join(
                o.tracking_number or o.pos_reference or o.name for o in orders
            ),
            user=self.env.user.name,
            count=f"{count:g}",
            detail=detail,
        )
        self.sudo().message_post(
            body=body, partner_ids=self.sudo().user_id.partner_id.ids
        )
        _logger.info(
            "Express cart %s cancelled with %s units to put back", self.name, count
        )
