import logging

from odoo import api, models

_logger = logging.getLogger(__name__)


class StockQuant(models.Model):
    _inherit = "stock.quant"

    @api.model
    def _update_available_quantity(
        self, product_id, location_id, quantity=False, reserved_quantity=False, **kwargs
    ):
        # Every move done and every reservation goes through here: the one place
        # where the shelf quantity of a product changes.
        result = super()._update_available_quantity(
            product_id,
            location_id,
            quantity=quantity,
            reserved_quantity=reserved_quantity,
            **kwargs,
        )
        if location_id.slot_sellable:
            _logger.debug(
                "Shelf stock of %s changed in %s", product_id.id, location_id.name
            )
            product_id._alltricks_queue_publication_sync()
        return result
