from odoo import Command
from odoo.tests import tagged
from odoo.tests.common import TransactionCase

from .common import ShowroomKioskMixin


@tagged("post_install", "-at_install")
class TestKioskCategories(ShowroomKioskMixin, TransactionCase):
    """Products on sale in the point of sale take the kiosk category mapped to
    their product category, unless staff chose one by hand."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_showroom()
        Category = cls.env["product.category"]
        PosCategory = cls.env["pos.category"]
        cls.kiosk_bikes = PosCategory.create({"name": "Kiosk bikes"})
        cls.kiosk_gravel = PosCategory.create({"name": "Kiosk gravel"})
        cls.kiosk_sale = PosCategory.create({"name": "Kiosk sale"})
        cls.bikes = Category.create({"name": "Test bikes"})
        cls.road = Category.create({"name": "Road", "parent_id": cls.bikes.id})
        cls.racing = Category.create({"name": "Racing", "parent_id": cls.road.id})
        cls.gravel = Category.create({"name": "Gravel", "parent_id": cls.bikes.id})
        cls.unmapped = Category.create({"name": "Test spare parts"})

    def _on_sale(self, name, category, **values):
        return self.env["product.template"].create(
            {
                "name": name,
                "categ_id": category.id,
                "available_in_pos": True,
                **values,
            }
        )

    def test_category_takes_the_kiosk_category_of_its_nearest_mapped_parent(self):
        self.bikes.alltricks_kiosk_categ_id = self.kiosk_bikes
        self.gravel.alltricks_kiosk_categ_id = self.kiosk_gravel

        self.assertEqual(
            [
                c.alltricks_kiosk_effective_categ_id
                for c in (self.bikes, self.road, self.racing, self.gravel)
            ],
            [self.kiosk_bikes, self.kiosk_bikes, self.kiosk_bikes, self.kiosk_gravel],
        )
        self.assertFalse(self.unmapped.alltricks_kiosk_effective_categ_id)

    def test_shop_publication_puts_the_product_in_its_kiosk_category(self):
        self.bikes.alltricks_kiosk_categ_id = self.kiosk_bikes
        racer = self._create_item("Racing Bike", "3700000000055")
        racer.categ_id = self.racing
        self.assertFalse(racer.available_in_pos)

        self._put(racer, self.bin, 1)

        self.assertTrue(racer.available_in_pos)
        self.assertEqual(racer.pos_categ_ids, self.kiosk_bikes)
        self.assertTrue(racer.alltricks_pos_categ_auto)
        kiosk = self.config.with_user(
            self.config.self_ordering_default_user_id
        ).load_self_data()
        loaded = {t["id"]: t for t in kiosk["product.template"]}
        self.assertEqual(
            loaded[racer.product_tmpl_id.id]["pos_categ_ids"], self.kiosk_bikes.ids
        )

    def test_mapping_a_category_sorts_the_products_already_on_sale(self):
        racer = self._on_sale("Racing Bike", self.racing)
        gravel = self._on_sale("Gravel Bike", self.gravel)
        off_pos = self._on_sale("Shop-only Bike", self.road, available_in_pos=False)
        self.assertFalse(racer.pos_categ_ids)

        self.bikes.alltricks_kiosk_categ_id = self.kiosk_bikes
        self.assertEqual(
            (racer | gravel).pos_categ_ids, self.kiosk_bikes, "inherited by both"
        )
        self.assertFalse(off_pos.pos_categ_ids)

        self.gravel.alltricks_kiosk_categ_id = self.kiosk_gravel
        self.assertEqual(gravel.pos_categ_ids, self.kiosk_gravel)
        self.assertEqual(racer.pos_categ_ids, self.kiosk_bikes)

        self.bikes.alltricks_kiosk_categ_id = self.kiosk_sale
        self.assertEqual(racer.pos_categ_ids, self.kiosk_sale, "follows the change")
        self.gravel.alltricks_kiosk_categ_id = False
        self.assertEqual(gravel.pos_categ_ids, self.kiosk_sale, "back to the parent")

    def test_point_of_sale_category_chosen_by_hand_is_kept(self):
        chosen = self._on_sale(
            "Chosen Bike", self.racing, pos_categ_ids=[Command.set(self.kiosk_sale.ids)]
        )
        moved = self._on_sale("Moved Bike", self.racing)
        self.bikes.alltricks_kiosk_categ_id = self.kiosk_bikes
        self.assertEqual(moved.pos_categ_ids, self.kiosk_bikes)

        moved.pos_categ_ids = self.kiosk_sale
        self.bikes.alltricks_kiosk_categ_id = self.kiosk_gravel
        self.env["product.category"].search(
            [("id", "child_of", self.bikes.id)]
        )._alltricks_apply_kiosk_categories()

        self.assertEqual(chosen.pos_categ_ids, self.kiosk_sale)
        self.assertEqual(moved.pos_categ_ids, self.kiosk_sale)
        self.assertFalse(moved.alltricks_pos_categ_auto)

    def test_product_moved_to_another_category_follows_its_mapping(self):
        self.bikes.alltricks_kiosk_categ_id = self.kiosk_bikes
        self.unmapped.alltricks_kiosk_categ_id = self.kiosk_sale
        product = self._on_sale("Wheel", self.racing)
        self.assertEqual(product.pos_categ_ids, self.kiosk_bikes)

        product.categ_id = self.unmapped

        self.assertEqual(product.pos_categ_ids, self.kiosk_sale)


@tagged("post_install", "-at_install")
class TestKioskCategoryDeletion(TransactionCase):
    """Point of sale categories are deleted with no session open (core rule)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        PosCategory = cls.env["pos.category"]
        cls.kiosk_bikes = PosCategory.create({"name": "Kiosk bikes"})
        cls.kiosk_gravel = PosCategory.create({"name": "Kiosk gravel"})
        cls.kiosk_sale = PosCategory.create({"name": "Kiosk sale"})
        cls.bikes = cls.env["product.category"].create({"name": "Test bikes"})
        cls.gravel = cls.env["product.category"].create(
            {"name": "Gravel", "parent_id": cls.bikes.id}
        )

    def _on_sale(self, name, category):
        return self.env["product.template"].create(
            {"name": name, "categ_id": category.id, "available_in_pos": True}
        )

    def test_deleted_kiosk_category_falls_back_to_the_parent_mapping(self):
        self.bikes.alltricks_kiosk_categ_id = self.kiosk_bikes
        self.gravel.alltricks_kiosk_categ_id = self.kiosk_gravel
        gravel = self._on_sale("Gravel Bike", self.gravel)
        chosen = self._on_sale("Chosen Bike", self.gravel)
        chosen.pos_categ_ids = self.kiosk_gravel | self.kiosk_sale
        self.assertEqual(gravel.pos_categ_ids, self.kiosk_gravel)

        self.kiosk_gravel.unlink()

        self.assertFalse(self.gravel.alltricks_kiosk_categ_id)
        self.assertEqual(gravel.pos_categ_ids, self.kiosk_bikes)
        self.assertEqual(chosen.pos_categ_ids, self.kiosk_sale, "the rest is kept")
