from odoo.exceptions import AccessError
from odoo.tests import tagged
from odoo.tests.common import TransactionCase, new_test_user


@tagged("post_install", "-at_install")
class TestKioskCategoryRights(TransactionCase):
    """Point of sale administrators map product categories to kiosk categories;
    nobody else does, and the mapping gives them nothing else of a category."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company_b = cls.env["res.company"].create({"name": "Alltricks Lyon"})
        cls.kiosk_bikes = cls.env["pos.category"].create({"name": "Kiosk bikes"})
        cls.bikes = cls.env["product.category"].create({"name": "Test bikes"})
        cls.lyon_bike = cls.env["product.template"].create(
            {
                "name": "Lyon Bike",
                "categ_id": cls.bikes.id,
                "available_in_pos": True,
                "company_id": cls.company_b.id,
            }
        )
        cls.pos_manager = new_test_user(
            cls.env,
            "kc_pos_manager",
            groups="base.group_user,point_of_sale.group_pos_manager",
        )
        cls.product_manager = new_test_user(
            cls.env,
            "kc_product_manager",
            groups="base.group_user,product.group_product_manager",
        )
        cls.counter = new_test_user(
            cls.env, "kc_counter", groups="alltricks_kiosk.group_showroom_staff"
        )

    def test_pos_manager_maps_a_category_for_every_company(self):
        self.assertFalse(self.pos_manager.has_group("product.group_product_manager"))

        self.bikes.with_user(
            self.pos_manager
        ).alltricks_kiosk_categ_id = self.kiosk_bikes

        self.assertEqual(self.bikes.alltricks_kiosk_categ_id, self.kiosk_bikes)
        # categories are shared: so is the mapping, even for products the
        # manager's company does not see
        self.assertEqual(self.lyon_bike.pos_categ_ids, self.kiosk_bikes)

    def test_pos_manager_cannot_change_anything_else_of_a_category(self):
        category = self.bikes.with_user(self.pos_manager)

        with self.assertRaisesRegex(AccessError, "ask a product manager"):
            category.write(
                {"name": "Renamed", "alltricks_kiosk_categ_id": self.kiosk_bikes.id}
            )

        self.assertEqual(self.bikes.name, "Test bikes")
        self.assertFalse(self.bikes.alltricks_kiosk_categ_id)
        with self.assertRaises(AccessError):
            self.env["product.category"].with_user(self.pos_manager).create(
                {"name": "New"}
            )

    def test_product_manager_cannot_map_a_category(self):
        category = self.bikes.with_user(self.product_manager)
        category.name = "Bikes renamed"

        with self.assertRaisesRegex(AccessError, "Only point of sale administrators"):
            category.alltricks_kiosk_categ_id = self.kiosk_bikes

        self.assertFalse(self.bikes.alltricks_kiosk_categ_id)
        self.assertFalse(self.lyon_bike.pos_categ_ids)

    def test_counter_staff_read_but_cannot_map_a_category(self):
        self.bikes.alltricks_kiosk_categ_id = self.kiosk_bikes
        category = self.bikes.with_user(self.counter)

        self.assertEqual(category.alltricks_kiosk_effective_categ_id, self.kiosk_bikes)
        with self.assertRaises(AccessError):
            category.alltricks_kiosk_categ_id = False

        self.assertEqual(self.bikes.alltricks_kiosk_categ_id, self.kiosk_bikes)


@tagged("post_install", "-at_install")
class TestKioskCategoryDemo(TransactionCase):
    """The demo kiosk groups the AdventureWorks catalog by its top categories."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Category = cls.env["product.category"]
        # the tree alltricks_catalog's demo loader builds
        root = Category.search(
            [("name", "=", "All"), ("parent_id", "=", False)], limit=1
        ) or Category.create({"name": "All"})
        cls.adventureworks = Category.create(
            {"name": "AdventureWorks", "parent_id": root.id}
        )
        cls.tops = {
            name: Category.create({"name": name, "parent_id": cls.adventureworks.id})
            for name in ("Bikes", "Components")
        }
        cls.road = Category.create(
            {"name": "Road Bikes", "parent_id": cls.tops["Bikes"].id}
        )
        cls.road_bike = cls.env["product.template"].create(
            {"name": "Road-150", "categ_id": cls.road.id, "available_in_pos": True}
        )

    def test_demo_maps_each_top_category_to_a_kiosk_category_once(self):
        Category = self.env["product.category"]

        created = Category._alltricks_setup_demo_kiosk_categories()

        self.assertEqual(created.mapped("name"), ["Bikes", "Components"])
        self.assertEqual(
            [self.tops[n].alltricks_kiosk_categ_id.name for n in self.tops],
            ["Bikes", "Components"],
        )
        self.assertEqual(self.road_bike.pos_categ_ids.name, "Bikes")
        self.assertEqual(
            self.env.ref("alltricks_kiosk.pos_category_demo_bikes"),
            self.tops["Bikes"].alltricks_kiosk_categ_id,
        )

        self.tops["Bikes"].alltricks_kiosk_categ_id = False
        self.assertFalse(Category._alltricks_setup_demo_kiosk_categories())
        self.assertFalse(self.tops["Bikes"].alltricks_kiosk_categ_id)
