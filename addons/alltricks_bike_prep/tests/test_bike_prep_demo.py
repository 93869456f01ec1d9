from odoo.tests import tagged
from odoo.tools import convert_file

from .common import BikePrepCase


@tagged("post_install", "-at_install")
class TestBikePrepDemo(BikePrepCase):
    """The demo reproduces the suspension example of the usage guide."""

    def test_demo_mountain_bike_takes_the_demo_fork_table(self):
        categories = self.env["product.category"]
        adventure = categories.create({"name": "AdventureWorks"})
        bikes = categories.create(
            {
                "name": "Bikes",
                "parent_id": adventure.id,
                "alltricks_complete_bike": True,
            }
        )
        mountain = categories.create({"name": "Mountain Bikes", "parent_id": bikes.id})
        bike = self.env["product.product"].create(
            {"name": "Mountain-100", "is_storable": True, "categ_id": mountain.id}
        )
        self.env["stock.quant"]._update_available_quantity(bike, self.stock, 2)

        for filename in (
            "demo/alltricks_suspension_setting_demo.xml",
            "demo/alltricks_bike_prep_demo.xml",
        ):
            convert_file(self.env, "alltricks_bike_prep", filename, {}, mode="init")

        self.assertEqual(
            (bike.alltricks_fork_model, bike.alltricks_shock_model),
            ("Demo fork 160", False),
        )
        order = self._create_order([(bike, 1)], weight=70.0)
        order.action_confirm()
        fork = order.alltricks_bike_prep_ids.suspension_ids
        self.assertEqual(
            (
                fork.component,
                fork.source,
                fork.pressure_psi,
                fork.rebound_clicks,
                fork.sag_percent,
            ),
            ("fork", "table", 78.0, 8, 20.0),
        )
