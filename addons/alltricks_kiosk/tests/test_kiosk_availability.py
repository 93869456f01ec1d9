from unittest.mock import patch

from odoo.tests import tagged
from odoo.tests.common import TransactionCase

from .common import ShowroomKioskMixin


@tagged("post_install", "-at_install")
class TestKioskAvailability(ShowroomKioskMixin, TransactionCase):
    """Putting products on sale in the point of sale tells the open kiosk once."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_showroom()
        cls.config.access_token = "showroom-token"

    def _templates(self, name, count):
        return self.env["product.template"].create(
            [
                {"name": f"{name} {index:02d}", "is_storable": True}
                for index in range(count)
            ]
        )

    def _queries_to_make_available(self, templates):
        self.env.flush_all()
        self.env.invalidate_all()
        start = self.env.cr.sql_log_count
        templates._alltricks_make_available_in_pos()
        self.env.flush_all()
        return self.env.cr.sql_log_count - start

    def test_open_kiosk_hears_of_all_products_in_one_message(self):
        templates = self._templates("Bottle cage", 3)
        sent = []
        pos_config_class = type(self.env["pos.config"])
        with patch.object(
            pos_config_class,
            "_notify",
            lambda config, *notification, **kwargs: sent.append((config, notification)),
        ):
            templates._alltricks_make_available_in_pos()

        self.assertEqual(templates.mapped("available_in_pos"), [True] * 3)
        self.assertEqual(templates.mapped("self_order_available"), [True] * 3)
        self.assertEqual(len(sent), 1)
        config, (name, payload) = sent[0]
        self.assertEqual(config, self.config)
        self.assertEqual(name, "PRODUCT_CHANGED")
        self.assertEqual(
            sorted(t["id"] for t in payload["product.template"]), templates.ids
        )

    def test_putting_products_on_sale_costs_no_query_per_product(self):
        warm_up, few, many = (
            self._templates(name, count)
            for name, count in (("Grip", 2), ("Pedal", 2), ("Saddle", 12))
        )
        self._queries_to_make_available(warm_up)

        counts = [self._queries_to_make_available(t) for t in (few, many)]

        self.assertEqual(counts[0], counts[1])
        self.assertEqual((few + many).mapped("available_in_pos"), [True] * 14)
