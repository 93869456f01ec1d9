from odoo import models


class StockPickingBatch(models.Model):
    _inherit = "stock.picking.batch"

    def _alltricks_release_unpicked(self):
        """An express pick of which nothing was found leaves its cart, reserved
        again by Odoo: it goes straight on a new express cart, first on the
        scanner, instead of waiting for a planning run that never takes it."""
        express = self.picking_ids.filtered(
            lambda p: p.alltricks_express and p.state not in ("done", "cancel")
        )
        result = super()._alltricks_release_unpicked()
        for picking in express.filtered(
            lambda p: not p.batch_id and p.state not in ("done", "cancel")
        ):
            picking._alltricks_put_on_express_cart()
        return result
