import base64
import csv
import shutil
from itertools import combinations
from pathlib import Path

from odoo.addons.alltricks_catalog.adventureworks import read_dataset
from odoo.addons.alltricks_catalog.models.alltricks_demo_loader import DATA_DIR
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged
from odoo.tests.common import TransactionCase, new_test_user
from odoo.tools import file_open_temporary_directory, mute_logger

DATA = Path(__file__).resolve().parent / "data"
PHOTO_LOGGER = "odoo.addons.alltricks_catalog.models.alltricks_demo_loader_products"
FIXTURE_CODES = [
    "FX-JB-S",
    "FX-JR-S",
    "FX-JB-M",
    "FX-JR-M",
    "FX-JB-L",
    "FX-R900-44",
    "FX-R900-48",
    "FX-F-58",
    "FX-W",
    "FX-B",
    "FX-T",
]
# 2 x 2 aisle sides x 4 bays x 2 levels x 2 bins, and 1 x 2 x 4 x 2 bulky racks
SMALL_LAYOUT = {
    "bays_per_side": 4,
    "zones": [
        {"code": "A", "kind": "shelf", "aisles": 2, "levels": 2, "bins_per_level": 2},
        {
            "code": "R",
            "kind": "bulky",
            "aisles": 1,
            "levels": 2,
            "bins_per_level": 1,
            "bin_depth_cm": 120.0,
            "level_height_cm": 180.0,
            "max_weight_kg": 150.0,
        },
    ],
}


class DemoLoaderCase(TransactionCase):
    """The loader is an installation step: it runs as the superuser, in a
    company of its own so that the main warehouse is left alone."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company = cls.env["res.company"].create({"name": "Alltricks demo test"})
        cls.loader = cls.env["alltricks.demo.loader"].with_company(cls.company)
        cls.warehouse = cls.env["stock.warehouse"].search(
            [("company_id", "=", cls.company.id)]
        )

    @classmethod
    def _quants(cls):
        return cls.env["stock.quant"].search(
            [
                ("product_id.default_code", "in", FIXTURE_CODES),
                ("location_id.usage", "=", "internal"),
            ]
        )

    @classmethod
    def _products(cls):
        return (
            cls.env["product.product"]
            .with_context(active_test=False)
            .search([("default_code", "in", FIXTURE_CODES)])
        )


@tagged("post_install", "-at_install")
class TestDemoLoaderGoodData(DemoLoaderCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.counts = cls.loader.load_adventureworks(
            path=str(DATA / "good"), layout=SMALL_LAYOUT
        )
        cls.products = {p.default_code: p for p in cls._products()}

    def test_counts_of_created_records(self):
        self.assertEqual(
            self.counts,
            {
                "bins": 80,
                "templates": 6,
                "variants": 11,
                "quants": len(self._quants()),
                "purchase orders": 3,
                "sale orders": 4,
            },
        )

    def test_warehouse_receives_in_two_steps_and_ships_in_three(self):
        self.assertEqual(self.warehouse.name, "Maurepas")
        self.assertEqual(self.warehouse.reception_steps, "two_steps")
        self.assertEqual(self.warehouse.delivery_steps, "pick_pack_ship")
        showroom = self.env["stock.location"].search(
            [
                ("location_id", "=", self.warehouse.lot_stock_id.id),
                ("name", "=", "Showroom"),
            ]
        )
        self.assertTrue(showroom.slot_is_showroom)
        self.assertTrue(showroom.slot_sellable)

    def test_sizes_and_colours_of_a_model_are_variants_of_one_template(self):
        jersey = self.products["FX-JB-S"].product_tmpl_id
        self.assertEqual(jersey.name, "FX Jersey")
        self.assertEqual(
            sorted(jersey.product_variant_ids.mapped("default_code")),
            ["FX-JB-L", "FX-JB-M", "FX-JB-S", "FX-JR-M", "FX-JR-S"],
        )
        self.assertEqual(
            sorted(jersey.attribute_line_ids.mapped("attribute_id.name")),
            ["Color", "Size"],
        )
        self.assertEqual(self.products["FX-JB-S"].lst_price, 50.0)
        self.assertEqual(self.products["FX-JR-S"].lst_price, 52.0)
        bike = self.products["FX-R900-44"].product_tmpl_id
        self.assertEqual(bike, self.products["FX-R900-48"].product_tmpl_id)
        self.assertEqual(bike.attribute_line_ids.attribute_id.name, "Size")
        self.assertEqual(self.products["FX-W"].product_tmpl_id.product_variant_count, 1)

    def test_product_data_is_converted(self):
        bike = self.products["FX-R900-44"]
        self.assertEqual(bike.weight, 9.07)  # 20 lb
        self.assertEqual(self.products["FX-F-58"].weight, 1.05)  # 1050 g
        self.assertEqual(self.products["FX-B"].weight, 0.0)
        self.assertEqual(self.products["FX-JB-S"].barcode, "2000000090016")
        self.assertEqual(bike.with_company(self.company).standard_price, 800.0)
        self.assertTrue(bike.is_storable)
        self.assertEqual(
            bike.categ_id.complete_name, "All / AdventureWorks / Bikes / Road Bikes"
        )
        self.assertTrue(bike.categ_id.alltricks_complete_bike)
        self.assertFalse(self.products["FX-W"].categ_id.alltricks_complete_bike)
        self.assertEqual(bike.public_categ_ids.display_name, "Bikes / Road Bikes")
        self.assertEqual(bike.product_brand_id.name, "Adventure Works")
        self.assertEqual(self.products["FX-W"].product_brand_id.name, "AW Road")
        self.assertEqual(bike.seller_ids.partner_id.name, "Adventure Works Supplies")
        self.assertNotIn("FX-BOLT", self._products().mapped("default_code"))

    def test_products_keep_their_box_size_for_later_receipts_and_carts(self):
        bike, jersey = self.products["FX-R900-44"], self.products["FX-JB-S"]

        self.assertEqual(bike._get_slot_unit()[:3], (140.0, 80.0, 25.0))
        self.assertEqual(jersey._get_slot_unit()[:3], (30.0, 25.0, 5.0))
        self.assertAlmostEqual(bike._get_slot_volume_m3(), 0.28)
        self.assertAlmostEqual(jersey._get_slot_volume_m3(), 0.00375)

    def test_stock_is_scaled_and_put_away_in_bins(self):
        on_hand = {}
        for quant in self._quants():
            code = quant.product_id.default_code
            on_hand[code] = on_hand.get(code, 0) + quant.quantity
            self.assertEqual(quant.location_id.warehouse_id, self.warehouse)
            expected = "bulky" if code[:4] in ("FX-R", "FX-W", "FX-T") else "shelf"
            self.assertEqual(quant.location_id.slot_rack_type, expected, code)
        self.assertEqual(
            on_hand,
            {
                "FX-JB-S": 20,
                "FX-JR-S": 5,
                "FX-JB-M": 7,
                "FX-JR-M": 3,
                "FX-R900-44": 2,
                "FX-R900-48": 3,
                "FX-W": 12,
                "FX-B": 1,
                "FX-T": 20,
            },
        )

    def test_categories_of_rack_goods_are_bulky_for_later_receipts(self):
        bulky = {
            code: self.products[code].categ_id._get_slot_bulky_ids()
            >= set(self.products[code].categ_id.ids)
            for code in ("FX-R900-44", "FX-W", "FX-T", "FX-JB-S", "FX-B")
        }

        self.assertEqual(
            bulky,
            {
                "FX-R900-44": True,
                "FX-W": True,
                "FX-T": True,
                "FX-JB-S": False,
                "FX-B": False,
            },
        )

    def test_variants_of_a_template_never_in_same_or_adjacent_bay(self):
        quants = self._quants()
        for first, second in combinations(quants, 2):
            if (
                first.product_id == second.product_id
                or first.product_id.product_tmpl_id != second.product_id.product_tmpl_id
            ):
                continue
            a, b = first.location_id, second.location_id
            if (a.slot_aisle_index, a.slot_side) == (b.slot_aisle_index, b.slot_side):
                self.assertGreater(abs(a.slot_depth_index - b.slot_depth_index), 1)

    def test_orders_are_replayed_and_purchases_cover_short_products(self):
        orders = self.env["sale.order"].search([("company_id", "=", self.company.id)])
        self.assertEqual(
            orders.mapped("client_order_ref"),
            ["SO90004", "SO90003", "SO90002", "SO90001"],
        )
        self.assertEqual(set(orders.mapped("state")), {"sale"})
        self.assertEqual(len(orders.partner_id), 3)
        self.assertEqual(orders.partner_id[0].country_id.code, "FR")
        # later steps (pack, ship) are created when the pick is done
        self.assertEqual(
            orders.picking_ids.picking_type_id, self.warehouse.pick_type_id
        )
        self.assertEqual(len(orders.picking_ids), 4)
        first = orders.filtered(lambda order: order.client_order_ref == "SO90001")
        self.assertEqual(
            first.order_line.product_id.mapped("default_code"), ["FX-JB-S", "FX-B"]
        )
        purchases = self.env["purchase.order"].search(
            [("company_id", "=", self.company.id)]
        )
        self.assertEqual(
            sorted(purchases.order_line.product_id.mapped("default_code")),
            ["FX-B", "FX-F-58", "FX-JB-L", "FX-R900-44"],
        )
        self.assertEqual(
            sorted(purchases.mapped("state")), ["draft", "purchase", "purchase"]
        )
        for purchase in purchases:
            brand = purchase.order_line.product_id.product_brand_id
            self.assertTrue(purchase.user_id, purchase.name)
            self.assertEqual(purchase.user_id, brand.buyer_id, purchase.name)

    def test_buyers_are_created(self):
        buyers = self.env["res.users"].search([("login", "in", ["buyer1", "buyer4"])])
        self.assertEqual(len(buyers), 2)
        self.assertTrue(buyers[0].has_group("alltricks_catalog.group_buyer"))

    def test_second_load_creates_nothing(self):
        quants = self._quants()
        counts = self.loader.load_adventureworks(
            path=str(DATA / "good"), layout=SMALL_LAYOUT
        )
        self.assertEqual(set(counts.values()), {0})
        self.assertEqual(len(self._products()), 11)
        self.assertEqual(self._quants(), quants)
        self.assertEqual(
            self.env["sale.order"].search_count([("company_id", "=", self.company.id)]),
            4,
        )


@tagged("post_install", "-at_install")
class TestDemoLoaderBadData(DemoLoaderCase):
    def test_malformed_row_is_refused_naming_file_and_line(self):
        bins = self.env["stock.location"].search_count(
            [("slot_rack_type", "!=", False)]
        )
        with self.assertRaisesRegex(
            UserError, r"Product\.csv line 5: Weight 'abc' is not a number"
        ):
            self.loader.load_adventureworks(path=str(DATA / "bad"), layout=SMALL_LAYOUT)
        self.assertFalse(self._products())
        self.assertFalse(self._quants())
        self.assertEqual(
            self.env["stock.location"].search_count([("slot_rack_type", "!=", False)]),
            bins,
        )
        self.assertNotEqual(self.warehouse.name, "Maurepas")

    def test_missing_folder_is_refused(self):
        with self.assertRaisesRegex(
            UserError, "ProductCategory.csv: the file is missing"
        ):
            self.loader.load_adventureworks(path=str(DATA / "nowhere"))

    def test_only_an_administrator_loads_demo_data(self):
        buyer = new_test_user(
            self.env, "demo_loader_buyer", groups="alltricks_catalog.group_buyer"
        )
        with self.assertRaises(AccessError):
            self.loader.with_user(buyer).load_adventureworks(path=str(DATA / "good"))


@tagged("post_install", "-at_install")
class TestDemoLoaderPhotos(DemoLoaderCase):
    """The fixture loaded with photos taken from the shipped ones: the bikes
    and the blue jerseys have one; the red jerseys, whose AdventureWorks
    photo is the "no image available" placeholder, are not in the list."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        shipped = read_dataset(DATA_DIR).photos
        cls.bike_photo = Path(shipped["BK-R50B-58"]).read_bytes()  # Road-650 Black
        cls.jersey_photo = Path(shipped["LJ-0192-S"]).read_bytes()  # blue jersey
        folder = Path(cls.enterClassContext(file_open_temporary_directory(cls.env)))
        shutil.copytree(DATA / "good", folder, dirs_exist_ok=True)
        (folder / "photos").mkdir()
        (folder / "photos" / "bike.png").write_bytes(cls.bike_photo)
        (folder / "photos" / "jersey.png").write_bytes(cls.jersey_photo)
        (folder / "photos" / "broken.png").write_bytes(b"not an image")
        with (folder / "photos" / "photos.csv").open("w", newline="") as handle:
            csv.writer(handle).writerows(
                [
                    ("ProductNumber", "Photo"),
                    ("FX-R900-44", "bike.png"),
                    ("FX-R900-48", "bike.png"),
                    ("FX-JB-S", "jersey.png"),
                    ("FX-JB-M", "jersey.png"),
                    ("FX-JB-L", "jersey.png"),
                    ("FX-W", "missing.png"),
                    ("FX-T", "broken.png"),
                ]
            )
        # missing.png and broken.png log a warning, checked by a test below
        with mute_logger(PHOTO_LOGGER):
            cls.counts = cls.loader.load_adventureworks(
                path=str(folder), layout=SMALL_LAYOUT
            )
        cls.folder = folder
        cls.products = {p.default_code: p for p in cls._products()}

    def _image(self, record):
        return record.image_1920 and base64.b64decode(record.image_1920)

    def test_product_with_a_photo_shows_it_and_scores_full(self):
        bike = self.products["FX-R900-44"].product_tmpl_id.with_company(self.company)

        self.assertEqual(self._image(bike), self.bike_photo)
        self.assertEqual(self._image(self.products["FX-R900-48"]), self.bike_photo)
        self.assertFalse(bike.sheet_rule_id.category_id)
        self.assertEqual(bike.sheet_rule_id.title_min_length, 10)
        self.assertEqual(bike.sheet_score, 100)
        self.assertFalse(bike.sheet_missing)

    def test_placeholder_colour_shows_no_other_colour_photo(self):
        jersey = self.products["FX-JB-S"].product_tmpl_id

        self.assertFalse(jersey.image_1920)
        for code in ("FX-JB-S", "FX-JB-M", "FX-JB-L"):
            self.assertEqual(self._image(self.products[code]), self.jersey_photo)
        for code in ("FX-JR-S", "FX-JR-M", "FX-B"):
            self.assertFalse(self.products[code].image_1920, code)
        frame = self.products["FX-F-58"].product_tmpl_id.with_company(self.company)
        self.assertFalse(frame.image_1920)
        self.assertEqual(frame.sheet_score, 50)
        self.assertIn("At least one image", frame.sheet_missing)

    def test_unreadable_photo_is_logged_and_the_load_goes_on(self):
        reader = self.env["alltricks.demo.loader.products"]

        self.assertEqual(self.counts["variants"], 11)
        self.assertFalse(self.products["FX-W"].image_1920)
        self.assertFalse(self.products["FX-T"].image_1920)
        for name in ("missing.png", "broken.png"):
            with self.assertLogs(PHOTO_LOGGER, "WARNING") as logs:
                self.assertFalse(
                    reader._read_photo_file(str(self.folder / "photos" / name))
                )
            self.assertIn(
                f"Demo photo {self.folder / 'photos' / name} not", logs.output[0]
            )

    def test_shipped_photos_are_readable_and_skip_the_placeholder(self):
        dataset = read_dataset(DATA_DIR)
        finished = {product.number for product in dataset.sellable_products()}
        reader = self.env["alltricks.demo.loader.products"]

        self.assertLessEqual(set(dataset.photos), finished)
        self.assertEqual(len(dataset.photos), 157)
        self.assertEqual(len(set(dataset.photos.values())), 41)
        for path in set(dataset.photos.values()):
            self.assertTrue(reader._read_photo_file(path), path)
        # the AWC Logo Cap shows "No Image Available" in AdventureWorks
        self.assertIn("CA-1098", finished)
        self.assertNotIn("CA-1098", dataset.photos)
