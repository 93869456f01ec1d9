from odoo.exceptions import UserError
from odoo.fields import Command
from odoo.tests import HttpCase, new_test_user, tagged

TINY_PNG = (
    b"iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA"
    b"60e6kgAAAABJRU5ErkJggg=="
)


@tagged("post_install", "-at_install")
class TestBikePrepTour(HttpCase):
    """Shop to delivery: the customer and the mechanic parts run in Chromium.

    Payment is not toured: the order is confirmed in Python as a paid web order
    would be, and the quality check and the delivery are done in Python too.
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company = cls.env.company
        # The test database is cloned from a template without its filestore: give
        # the logos the shop serves a content, or their requests log errors.
        cls.company.logo = TINY_PNG
        website = cls.env["website"].get_current_website()
        website.write({"logo": TINY_PNG, "favicon": TINY_PNG})
        cls.company.alltricks_qc_every = 1
        cls.warehouse = cls.env["stock.warehouse"].search(
            [("company_id", "=", cls.company.id)], limit=1
        )
        category = cls.env["product.category"].create(
            {
                "name": "Tour full-suspension bikes",
                "alltricks_complete_bike": True,
                "alltricks_bike_type": "mtb_full",
            }
        )
        cls.bike = cls.env["product.product"].create(
            {
                "name": "Tour Enduro 29",
                "is_storable": True,
                "categ_id": category.id,
                "list_price": 3200.0,
                "alltricks_fork_model": "TourFork 160",
                "alltricks_shock_model": "TourShock X",
            }
        )
        cls.bike.product_tmpl_id.with_context(alltricks_catalog_import=True).write(
            {"sheet_state": "validated", "is_published": True}
        )
        shelf = cls.env["stock.location"].create(
            {
                "name": "TOUR-01-01-1-1",
                "usage": "internal",
                "location_id": cls.warehouse.lot_stock_id.id,
                "slot_rack_type": "shelf",
            }
        )
        cls.env["stock.quant"]._update_available_quantity(cls.bike, shelf, 3)
        cls.env["alltricks.suspension.setting"].create(
            [
                {
                    "component": component,
                    "model_name": model,
                    "weight_min": 70,
                    "weight_max": 80,
                    "pressure_psi": psi,
                    "rebound_clicks": 7,
                    "sag_percent": sag,
                }
                for component, model, psi, sag in (
                    ("fork", "TourFork 160", 75, 20),
                    ("shock", "TourShock X", 180, 30),
                )
            ]
        )
        cls.customer = new_test_user(
            cls.env, "bp_tour_rider", groups="base.group_portal", name="Tour Rider"
        )
        cls.customer.partner_id.write(
            {"street": "1 rue du Test", "city": "Maurepas", "zip": "78310"}
        )
        cls.mechanic = new_test_user(
            cls.env, "bp_tour_mechanic", groups="alltricks_bike_prep.group_mechanic"
        )
        cls.manager = new_test_user(
            cls.env,
            "bp_tour_manager",
            groups="alltricks_bike_prep.group_workshop_manager",
        )
        cls.storekeeper = new_test_user(
            cls.env, "bp_tour_store", groups="stock.group_stock_user"
        )

    def test_customer_gives_the_rider_weight_on_the_cart_page(self):
        self.start_tour(
            "/shop", "alltricks_bike_prep_shop_rider_weight", login="bp_tour_rider"
        )

        order = self.env["sale.order"].search(
            [("partner_id", "=", self.customer.partner_id.id)]
        )
        self.assertEqual(order.order_line.alltricks_rider_weight, 70.0)
        order.action_confirm()  # stands for the payment of the web order
        fork = order.alltricks_bike_prep_ids.suspension_ids.filtered(
            lambda s: s.component == "fork"
        )
        self.assertEqual((fork.source, fork.pressure_psi), ("table", 75.0))

    def test_mechanic_prepares_the_bike_then_it_is_checked_and_delivered(self):
        order = self.env["sale.order"].create(
            {
                "partner_id": self.customer.partner_id.id,
                "order_line": [
                    Command.create(
                        {"product_id": self.bike.id, "alltricks_rider_weight": 70.0}
                    )
                ],
            }
        )
        order.action_confirm()
        work_order = order.alltricks_bike_prep_ids
        self.assertEqual(work_order.user_id, self.mechanic)

        self.start_tour(
            f"/odoo/action-alltricks_bike_prep.alltricks_bike_prep_action/{work_order.id}",
            "alltricks_bike_prep_mechanic",
            login="bp_tour_mechanic",
        )

        self.assertEqual((work_order.state, work_order.qc_state), ("done", "pending"))
        self.assertEqual(work_order.frame_marking, "TOUR123456")
        legal = work_order.step_ids.filtered(lambda s: s.kind == "legal")
        self.assertEqual(set(legal.mapped("user_id")), {self.mechanic})
        self.assertEqual(
            {(s.name.split(":")[0], s.na_reason) for s in legal if s.state != "done"},
            {("Gears", "Single-speed: no gears")},
        )
        delivery = order.picking_ids.with_user(self.storekeeper)
        delivery.move_ids.write({"quantity": 1, "picked": True})
        with self.assertRaisesRegex(UserError, "pass its quality check"):
            delivery.button_validate()

        work_order.with_user(self.manager)._record_quality_check("passed")
        delivery.button_validate()

        self.assertEqual(delivery.state, "done")
        html = (
            self.env["ir.actions.report"]
            .with_user(self.storekeeper)
            ._render_qweb_html("stock.action_report_delivery", delivery.ids)[0]
            .decode()
        )
        self.assertIn("TOUR123456", html)
        self.assertIn("<span>75.0</span>", html)
        self.assertIn("<span>180.0</span>", html)
