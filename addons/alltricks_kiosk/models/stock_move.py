from odoo import models


class StockMove(models.Model):
    _inherit = "stock.move"

    def _prepare_alltricks_line_values(self, quant, quantity):
        """Move line reserving ``quantity`` of this move on ``quant``."""
        self.ensure_one()
        return {
            "move_id": self.id,
            "picking_id": self.picking_id.id,
            "product_id": self.product_id.id,
            "product_uom_id": self.product_uom.id,
            "location_id": quant.location_id.id,
            "location_dest_id": self.location_dest_id.id,
            "lot_id": quant.lot_id.id,
            "package_id": quant.package_id.id,
            "owner_id": quant.owner_id.id,
            "quantity": quantity,
        }
