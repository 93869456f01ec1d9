import logging
from datetime import timedelta

from odoo import api, fields, models

from ..putaway import velocity_classes

_logger = logging.getLogger(__name__)

# Without a size, a unit counts as a 10 cm cube; without a weight, as 100 g.
DEFAULT_SIDE_CM = 10.0
DEFAULT_WEIGHT_KG = 0.1


class ProductProduct(models.Model):
    _inherit = "product.product"

    slot_velocity_class = fields.Selection(
        [("A", "A - fast mover"), ("B", "B - medium"), ("C", "C - slow mover")],
        string="Velocity class",
        default="C",
        readonly=True,
        index=True,
        help="ABC class from the customer deliveries of the last days (see the "
        "velocity window on the warehouses), updated every night. Fast movers "
        "are put away near packing, at the golden height.",
    )

    @api.model
    def _cron_slot_update_velocity(self):
        """Recompute the ABC class of every storable product from the order lines
        delivered to customers over the longest velocity window of the layouts."""
        windows = self.env["stock.warehouse"].search([]).mapped("slot_velocity_days")
        days = max(windows or [90]) or 90
        since = fields.Datetime.now() - timedelta(days=days)
        groups = self.env["stock.move"]._read_group(
            [
                ("state", "=", "done"),
                ("location_dest_usage", "=", "customer"),
                ("date", ">=", since),
            ],
            ["product_id"],
            ["__count"],
        )
        sold = {product.id: count for product, count in groups}
        products = self.with_context(active_test=False).search(
            [("is_storable", "=", True)]
        )
        sold.update({pid: 0 for pid in set(products.ids) - set(sold)})
        classes = velocity_classes(sold)
        self._write_slot_velocity(classes)
        _logger.info(
            "Velocity classes over %s days: %s products, %s sold",
            days,
            len(classes),
            sum(1 for count in sold.values() if count),
        )

    def _write_slot_velocity(self, classes):
        """Write the classes in one query per class, only where they change."""
        by_class = {}
        products = self.browse(list(classes)).with_context(active_test=False)
        for product in products:
            if product.slot_velocity_class != classes[product.id]:
                by_class.setdefault(classes[product.id], []).append(product.id)
        for velocity, ids in by_class.items():
            self.browse(ids).write({"slot_velocity_class": velocity})

    def _get_slot_size_cm(self):
        """``(length, width, height)`` of one unit set for putaway, in cm;
        None unless all three are set."""
        self.ensure_one()
        template = self.product_tmpl_id
        dims = (
            template.slot_length_cm,
            template.slot_width_cm,
            template.slot_height_cm,
        )
        return dims if all(dims) else None

    def _get_slot_volume_m3(self):
        """Volume of one unit in m³: its putaway size when set (exact for
        small parts, which Odoo's volume rounds to 0.01 m³), else its volume,
        0 when neither is known."""
        dims = self._get_slot_size_cm()
        if dims:
            return dims[0] * dims[1] * dims[2] / 1e6
        return self.volume

    def _get_slot_unit(self):
        """``(length, width, height, weight)`` of one unit in cm and kg."""
        dims = self._get_slot_size_cm()
        if not dims:
            side = (self.volume * 1e6) ** (1 / 3) if self.volume else DEFAULT_SIDE_CM
            dims = (side, side, side)
        return (*dims, self.weight or DEFAULT_WEIGHT_KG)
