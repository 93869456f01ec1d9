from odoo.fields import Command
from odoo.tests.common import TransactionCase, new_test_user


class BikePrepCase(TransactionCase):
    """A bike shop: a full-suspension bike, a part, two mechanics, a manager."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True))
        cls.company = cls.env.company
        cls.company.write({"alltricks_qc_every": 5, "alltricks_qc_streak": 3})
        cls.warehouse = cls.env["stock.warehouse"].search(
            [("company_id", "=", cls.company.id)], limit=1
        )
        cls.stock = cls.warehouse.lot_stock_id
        categories = cls.env["product.category"]
        bikes = categories.create(
            {"name": "Test bikes", "alltricks_complete_bike": True}
        )
        cls.categ_full = categories.create(
            {
                "name": "Test full",
                "parent_id": bikes.id,
                "alltricks_bike_type": "mtb_full",
            }
        )
        cls.categ_parts = categories.create({"name": "Test parts"})
        cls.bike = cls.env["product.product"].create(
            {
                "name": "Enduro 29 test",
                "is_storable": True,
                "categ_id": cls.categ_full.id,
                "list_price": 3000.0,
                "alltricks_fork_model": "TestFork 160",
                "alltricks_shock_model": "TestShock X",
            }
        )
        cls.part = cls.env["product.product"].create(
            {
                "name": "Chain test",
                "is_storable": True,
                "categ_id": cls.categ_parts.id,
                "list_price": 30.0,
            }
        )
        quants = cls.env["stock.quant"]
        for product in (cls.bike, cls.part):
            quants._update_available_quantity(product, cls.stock, 20)
        cls._create_settings()
        cls.mechanic = new_test_user(
            cls.env,
            "bp_mechanic_a",
            groups="alltricks_bike_prep.group_mechanic",
            name="Mechanic A",
        )
        cls.mechanic_b = new_test_user(
            cls.env,
            "bp_mechanic_b",
            groups="alltricks_bike_prep.group_mechanic",
            name="Mechanic B",
        )
        cls.manager = new_test_user(
            cls.env, "bp_manager", groups="alltricks_bike_prep.group_workshop_manager"
        )
        cls.salesman = new_test_user(
            cls.env, "bp_salesman", groups="sales_team.group_sale_salesman"
        )
        cls.storekeeper = new_test_user(
            cls.env, "bp_storekeeper", groups="stock.group_stock_user"
        )
        cls.customer = cls.env["res.partner"].create({"name": "Rider test"})

    @classmethod
    def _create_settings(cls):
        rows = [
            ("fork", "TestFork 160", 60, 70, 65, 8, 20),
            ("fork", "TestFork 160", 70, 80, 75, 7, 20),
            ("fork", "TestFork 160", 80, 90, 85, 6, 20),
            ("shock", "TestShock X", 60, 70, 160, 9, 30),
            ("shock", "TestShock X", 70, 80, 180, 8, 30),
            ("shock", "TestShock X", 80, 90, 200, 7, 30),
        ]
        cls.env["alltricks.suspension.setting"].create(
            [
                {
                    "component": component,
                    "model_name": model,
                    "weight_min": low,
                    "weight_max": high,
                    "pressure_psi": psi,
                    "rebound_clicks": clicks,
                    "sag_percent": sag,
                }
                for component, model, low, high, psi, clicks, sag in rows
            ]
        )

    @classmethod
    def _create_order(cls, lines, weight=75.0):
        """A sale order by the salesman; ``lines`` is [(product, qty)]."""
        return (
            cls.env["sale.order"]
            .with_user(cls.salesman)
            .create(
                {
                    "partner_id": cls.customer.id,
                    "order_line": [
                        Command.create(
                            {
                                "product_id": product.id,
                                "product_uom_qty": qty,
                                "alltricks_rider_weight": weight
                                if product.categ_id.alltricks_complete_bike
                                else 0.0,
                            }
                        )
                        for product, qty in lines
                    ],
                }
            )
        )

    @classmethod
    def _create_mechanic_work_order(cls):
        """The work order of a confirmed one-bike order, given to the mechanic,
        with quality checks left to sampling (none on the first bikes)."""
        cls.company.alltricks_qc_every = 1000
        order = cls._create_order([(cls.bike, 1)])
        order.action_confirm()
        work_order = order.alltricks_bike_prep_ids.sudo()
        work_order.user_id = cls.mechanic
        return work_order

    @classmethod
    def _finish(cls, work_order, frame="AB12CD34EF"):
        """The mechanic of ``work_order`` prepares the bike completely."""
        work_order = work_order.with_user(work_order.user_id)
        if work_order.state == "draft":
            work_order.action_start()
        work_order.frame_marking = frame
        work_order.step_ids.filtered(lambda s: s.state == "todo").action_mark_done()
        work_order.action_done()
        return work_order
