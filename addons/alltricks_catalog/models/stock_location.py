import logging

from odoo import api, models

_logger = logging.getLogger(__name__)


class StockLocation(models.Model):
    _inherit = "stock.location"

    def write(self, vals):
        if not self._get_alltricks_sellability_fields().intersection(vals):
            return super().write(vals)
        was_sellable = {location.id: location.slot_sellable for location in self}
        result = super().write(vals)
        flipped = self.filtered(lambda loc: loc.slot_sellable != was_sellable[loc.id])
        flipped._alltricks_queue_stocked_products_sync()
        return result

    @api.model
    def _get_alltricks_sellability_fields(self):
        """The fields whose change may make a location sellable or not: those
        ``slot_sellable`` depends on, so an addon that extends its compute is
        followed without a second list to keep in step."""
        depends = self.pool.field_depends[self._fields["slot_sellable"]]
        return {path.split(".")[0] for path in depends}

    def _alltricks_queue_stocked_products_sync(self):
        """Publish or unpublish, at commit, the products stocked in these
        locations, whose shelf quantity just changed with their sellability.

        One query finds the products, whatever the number of quants; they go
        through the sync a stock change queues, with the other products of the
        transaction.
        """
        if not self:
            return
        groups = (
            self.env["stock.quant"]
            .sudo()
            ._read_group([("location_id", "in", self.ids)], ["product_id"])
        )
        products = self.env["product.product"].browse(
            [product.id for (product,) in groups]
        )
        _logger.debug(
            "Sellability of locations %s changed: syncing products %s",
            self.ids,
            products.ids,
        )
        # The shelf quantities cached for this request are wrong from now on.
        products.invalidate_recordset(["alltricks_shelf_qty"])
        products._alltricks_queue_publication_sync()
