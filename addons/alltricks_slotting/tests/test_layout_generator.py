from odoo.exceptions import AccessError, UserError
from odoo.fields import Command
from odoo.tests import tagged
from odoo.tests.common import TransactionCase, new_test_user


@tagged("post_install", "-at_install")
class TestLayoutGenerator(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.warehouse = cls.env["stock.warehouse"].create(
            {"name": "Layout test", "code": "LYT"}
        )
        cls.manager = new_test_user(
            cls.env, "slot_manager", groups="alltricks_slotting.group_warehouse_manager"
        )
        cls.picker = new_test_user(
            cls.env, "slot_picker", groups="alltricks_slotting.group_picker"
        )

    def _generator(self, user=None, **values):
        zones = values.pop(
            "zones",
            [("A", "shelf", 2, 3, 2), ("R", "bulky", 1, 2, 1)],
        )
        return (
            self.env["alltricks.layout.generator"]
            .with_user(user or self.manager)
            .create(
                {
                    "warehouse_id": self.warehouse.id,
                    "bays_per_side": 3,
                    "zone_ids": [
                        Command.create(
                            {
                                "code": code,
                                "kind": kind,
                                "aisles": aisles,
                                "levels": levels,
                                "bins_per_level": bins,
                            }
                        )
                        for code, kind, aisles, levels, bins in zones
                    ],
                    **values,
                }
            )
        )

    def _bins(self):
        return self.env["stock.location"].search(
            [("warehouse_id", "=", self.warehouse.id), ("slot_rack_type", "!=", False)]
        )

    def test_generates_every_bin_with_coordinates(self):
        generator = self._generator()
        self.assertEqual(generator.bin_count, 2 * 6 * 3 * 2 + 1 * 6 * 2 * 1)
        generator.action_generate()
        bins = self._bins()
        self.assertEqual(len(bins), 84)
        first = bins.filtered(lambda b: b.name == "A-01-01-1-1")
        self.assertEqual(first.location_id.name, "A")
        self.assertEqual(first.location_id.location_id, self.warehouse.lot_stock_id)
        self.assertEqual(first.slot_side, "left")
        self.assertEqual(first.slot_x, 1.5)
        self.assertEqual(first.slot_y, 1.5)
        self.assertTrue(first.slot_sellable)
        facing = bins.filtered(lambda b: b.name == "A-01-02-1-1")
        self.assertEqual(facing.slot_side, "right")
        self.assertEqual(facing.slot_y, first.slot_y)
        rack = bins.filtered(lambda b: b.slot_zone == "R")
        self.assertEqual(set(rack.mapped("slot_rack_type")), {"bulky"})
        self.assertEqual(set(rack.mapped("slot_aisle_index")), {2})
        self.assertEqual(self.warehouse.slot_aisle_count, 3)
        self.assertEqual(self.warehouse.slot_depot_x_m, 4.5)

    def test_names_sort_in_walking_order(self):
        self._generator().action_generate()
        bins = self._bins().filtered(lambda b: b.slot_zone == "A")
        by_name = bins.sorted("name")
        walk_keys = [(b.slot_aisle, b.slot_depth_index) for b in by_name]
        self.assertEqual(walk_keys, sorted(walk_keys))

    def test_generating_twice_creates_nothing_more(self):
        self._generator().action_generate()
        self._generator().action_generate()
        self.assertEqual(len(self._bins()), 84)

    def test_bad_parameters_are_refused_with_a_message(self):
        generator = self._generator(zones=[("A", "shelf", 0, 3, 2)])
        with self.assertRaisesRegex(UserError, "at least one aisle"):
            generator.action_generate()
        self.assertFalse(self._bins())

    def test_negative_sizes_and_odd_zone_codes_are_refused(self):
        with self.assertRaisesRegex(UserError, "more than 0"):
            self._generator(aisle_pitch_m=0).action_generate()
        with self.assertRaisesRegex(UserError, "capital letters"):
            self._generator(zones=[("a", "shelf", 1, 1, 1)]).action_generate()
        self.assertFalse(self._bins())

    def test_sizes_beyond_real_racks_are_refused(self):
        generator = self._generator()
        generator.zone_ids[0].write({"bin_depth_cm": 1e308, "level_height_cm": 1e308})
        with self.assertRaisesRegex(UserError, "at most 500 cm"):
            generator.action_generate()
        generator.zone_ids[0].write({"bin_depth_cm": 40.0, "level_height_cm": 501.0})
        with self.assertRaisesRegex(UserError, "at most 500 cm"):
            generator.action_generate()
        with self.assertRaisesRegex(UserError, "at most 50.0 m"):
            self._generator(aisle_pitch_m=1e308).action_generate()
        self.assertFalse(self._bins())

    def test_bins_too_small_to_hold_anything_are_refused(self):
        generator = self._generator()
        generator.zone_ids[0].level_height_cm = 5.01
        with self.assertRaisesRegex(
            UserError,
            r"Zone A: its bins would be \S+ cm wide, 40 cm deep and 0\.01 cm high; "
            "each must be at least 5 cm",
        ):
            generator.action_generate()
        generator.zone_ids[0].level_height_cm = 40.0
        # a 9 cm bay shared by the 2 bins of a level of zone A
        generator.bay_width_m = 0.09
        with self.assertRaisesRegex(UserError, "would be 4.5 cm wide"):
            generator.action_generate()
        self.assertFalse(self._bins())

    def test_sizes_that_are_not_numbers_are_refused(self):
        for values in ({"aisle_pitch_m": float("nan")}, {"bay_width_m": float("inf")}):
            with self.assertRaisesRegex(UserError, "is not a number"):
                self._generator(**values).action_generate()
        generator = self._generator()
        generator.zone_ids[1].max_weight_kg = float("nan")
        with self.assertRaisesRegex(UserError, "is not a number"):
            generator.action_generate()
        self.assertFalse(self._bins())

    def test_more_bins_than_one_run_creates_is_refused(self):
        generator = self._generator(
            bays_per_side=99, zones=[("A", "shelf", 99, 9, 9), ("R", "bulky", 1, 1, 1)]
        )
        self.assertEqual(generator.bin_count, 99 * 2 * 99 * 9 * 9 + 2 * 99)

        with self.assertRaisesRegex(
            UserError,
            r"would create 1,587,960 bins, more than the 50,000 one run creates\. "
            "Split it in several zones",
        ):
            generator.action_generate()
        self.assertFalse(self._bins())
        # the same floor, a zone per run
        self._generator(
            bays_per_side=99, zones=[("A", "shelf", 1, 1, 1)]
        ).action_generate()
        self.assertEqual(len(self._bins()), 2 * 99)

    def test_preview_counts_no_bin_for_invalid_numbers(self):
        generator = self._generator(bays_per_side=-3)
        self.assertEqual(generator.bin_count, 0)
        generator = self._generator(
            zones=[("A", "shelf", -2, 3, 2), ("R", "bulky", 1, 2, 1)]
        )
        self.assertEqual(generator.bin_count, 1 * 6 * 2 * 1)
        generator.zone_ids[1].levels = -1
        self.assertEqual(generator.bin_count, 0)

    def test_second_run_keeps_the_geometry_and_the_aisles_of_existing_zones(self):
        self._generator().action_generate()

        with self.assertRaisesRegex(UserError, "Keep the same geometry"):
            self._generator(bays_per_side=1).action_generate()
        with self.assertRaisesRegex(UserError, "Keep the zones A, R first"):
            self._generator(zones=[("W", "shelf", 1, 1, 1)]).action_generate()
        self._generator(
            zones=[
                ("A", "shelf", 2, 3, 2),
                ("R", "bulky", 1, 2, 1),
                ("W", "shelf", 1, 1, 1),
            ]
        ).action_generate()

        added = self._bins().filtered(lambda b: b.slot_zone == "W")
        self.assertEqual(len(added), 6)
        self.assertEqual(set(added.mapped("slot_aisle_index")), {3})
        self.assertEqual(self.warehouse.slot_bays_per_side, 3)
        self.assertEqual(self.warehouse.slot_aisle_count, 4)

    def test_picker_cannot_generate_a_layout(self):
        with self.assertRaises(AccessError):
            self._generator(user=self.picker)


@tagged("post_install", "-at_install")
class TestLayoutGeneratorCompanies(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company_a = cls.env.company
        cls.company_b = cls.env["res.company"].create({"name": "Alltricks Lyon"})
        cls.warehouse_b = (
            cls.env["stock.warehouse"]
            .with_company(cls.company_b)
            .create({"name": "Lyon", "code": "LYN", "company_id": cls.company_b.id})
        )
        companies = [Command.set((cls.company_a | cls.company_b).ids)]
        cls.both = new_test_user(
            cls.env,
            "slot_manager_both",
            groups="alltricks_slotting.group_warehouse_manager",
            company_id=cls.company_a.id,
            company_ids=companies,
        )
        cls.only_a = new_test_user(
            cls.env,
            "slot_manager_a",
            groups="alltricks_slotting.group_warehouse_manager",
            company_id=cls.company_a.id,
            company_ids=[Command.set(cls.company_a.ids)],
        )

    def _generator(self, user, companies):
        return (
            self.env["alltricks.layout.generator"]
            .with_user(user)
            .with_context(allowed_company_ids=companies.ids)
            .create(
                {
                    "warehouse_id": self.warehouse_b.id,
                    "bays_per_side": 2,
                    "zone_ids": [
                        Command.create(
                            {"code": "Z", "aisles": 1, "levels": 1, "bins_per_level": 1}
                        )
                    ],
                }
            )
        )

    def test_bins_of_a_warehouse_of_another_company_belong_to_it(self):
        for companies in (
            self.company_a | self.company_b,
            self.company_b | self.company_a,
        ):
            self._generator(self.both, companies).action_generate()

        bins = self.env["stock.location"].search(
            [
                ("warehouse_id", "=", self.warehouse_b.id),
                ("slot_rack_type", "!=", False),
            ]
        )
        self.assertEqual(len(bins), 4)
        self.assertEqual(bins.company_id, self.company_b)
        self.assertEqual(bins.location_id.company_id, self.company_b)

    def test_warehouse_of_a_company_not_selected_or_not_allowed_is_refused(self):
        with self.assertRaisesRegex(UserError, "select Alltricks Lyon in the company"):
            self._generator(self.both, self.company_a)
        with self.assertRaisesRegex(UserError, "a company you do not work for"):
            self._generator(self.only_a, self.company_a)
        self.assertFalse(
            self.env["stock.location"].search(
                [("warehouse_id", "=", self.warehouse_b.id), ("slot_zone", "=", "Z")]
            )
        )
