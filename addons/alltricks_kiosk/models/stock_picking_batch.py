from odoo import models


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
