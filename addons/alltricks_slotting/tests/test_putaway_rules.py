from odoo.exceptions import UserError, ValidationError
from odoo.fields import Command
from odoo.tests import tagged

from .common import SlottingPutawayCase


@tagged("post_install", "-at_install")
class TestPutawayRules(SlottingPutawayCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.pads = cls._product("Brake pads")
        cls.grips = cls._product("Grips")
        wheels = cls.env["product.category"].create(
            {"name": "Wheels", "slot_bulky": True}
        )
        rear = cls.env["product.category"].create(
            {"name": "Rear wheels", "parent_id": wheels.id}
        )
        cls.wheel = cls._product("Rear wheel 29", size=30.0, categ_id=rear.id)

    def test_a_line_too_big_for_any_bin_stays_in_stock_with_a_message(self):
        crate = self._product("Workbench crate", size=200.0)
        picking = self._receive([(crate, 2), (self.pads, 4)])

        line = self._lines_of(picking, crate)
        self.assertEqual(len(line), 1)
        self.assertEqual(line.quantity, 2.0)
        self.assertEqual(line.location_dest_id, self.stock)
        self.assertIn("too big", line.slot_putaway_warning)
        self.assertIn("fits no shelf bin", line.slot_putaway_warning)
        self.assertEqual(self._bins_of(picking, self.pads).slot_zone, "A")
        message = picking.message_ids[:1]
        self.assertIn("Workbench crate", message.body)
        self.assertIn("store them by hand", message.body)

    def test_bulky_goods_only_go_to_bulky_racks(self):
        picking = self._receive([(self.wheel, 1), (self.pads, 1)])

        self.assertEqual(self._bins_of(picking, self.wheel).slot_rack_type, "bulky")
        self.assertEqual(self._bins_of(picking, self.pads).slot_rack_type, "shelf")

    def test_bin_chosen_by_hand_that_holds_another_product_is_refused(self):
        picking = self._receive([(self.pads, 4), (self.grips, 4)])
        grips_bin = self._bins_of(picking, self.grips)
        line = self._lines_of(picking, self.pads).with_user(self.picker)

        with self.assertRaises(UserError) as refusal:
            line.location_dest_id = grips_bin
        self.assertEqual(
            refusal.exception.args[0],
            f"Brake pads cannot go to {grips_bin.display_name}:\n"
            "- it holds, or is about to receive, another product: Grips.\nChoose "
            "another bin, or set the destination "
            f"back to {self.stock.display_name} and let putaway choose.",
        )
        self.env.invalidate_all()
        self.assertNotEqual(line.location_dest_id, grips_bin)

    def test_putaway_context_key_sent_by_a_client_does_not_skip_the_rules(self):
        front = self._product(
            "Front wheel 29", size=30.0, categ_id=self.wheel.categ_id.id
        )
        picking = self._receive([(self.wheel, 1), (front, 1)])
        wheel_bin = self._bins_of(picking, self.wheel)
        line = self._lines_of(picking, front)
        front_bin = line.location_dest_id
        self.assertEqual(wheel_bin.slot_rack_type, "bulky")
        # what a client sends over RPC: a plain value in its context
        rpc = {"slot_putaway_planned": True}

        # assertRaises (not ...Regex) rolls back what the refused call wrote
        with self.assertRaises(UserError) as refusal:
            line.with_user(self.picker).with_context(**rpc).write(
                {"location_dest_id": wheel_bin.id}
            )
        self.assertIn("holds, or is about to receive", refusal.exception.args[0])
        self.env.invalidate_all()
        self.assertEqual(line.location_dest_id, front_bin)
        with self.assertRaises(UserError) as refusal:
            line.with_user(self.picker).with_context(**rpc).copy(
                {"location_dest_id": wheel_bin.id, "quantity": 1.0}
            )
        self.assertIn("holds, or is about to receive", refusal.exception.args[0])
        self.env.invalidate_all()
        self.assertEqual(self._lines_of(picking, front).location_dest_id, front_bin)

    def test_shelf_product_by_hand_in_a_bulky_rack_is_refused(self):
        picking = self._receive([(self.pads, 4)])
        rack = self.env["stock.location"].search(
            [("warehouse_id", "=", self.warehouse.id), ("slot_zone", "=", "R")],
            limit=1,
        )
        line = self._lines_of(picking, self.pads).with_user(self.picker)

        with self.assertRaisesRegex(UserError, "bulky racks, and only they do"):
            line.location_dest_id = rack

    def test_free_bin_chosen_by_hand_is_accepted(self):
        picking = self._receive([(self.pads, 4)])
        line = self._lines_of(picking, self.pads).with_user(self.picker)
        free = self.env["stock.location"].search(
            [
                ("warehouse_id", "=", self.warehouse.id),
                ("slot_zone", "=", "A"),
                ("id", "!=", line.location_dest_id.id),
            ],
            order="name desc",
            limit=1,
        )

        line.location_dest_id = free
        picking.with_user(self.picker).button_validate()
        self.assertEqual(self.pads.with_context(location=free.id).qty_available, 4.0)


@tagged("post_install", "-at_install")
class TestPutawayCapacity(SlottingPutawayCase):
    zone_a = ("A", "shelf", 1, 2, 1, 5)

    def test_bin_of_five_units_never_holds_more_after_several_receipts(self):
        product = self._product("Valve caps")
        for qty in (3, 3, 4, 2):
            picking = self._receive([(product, qty)])
            picking.button_validate()

        quants = self.env["stock.quant"].search(
            [("product_id", "=", product.id), ("location_id.slot_zone", "=", "A")]
        )
        # each receipt tops up the bin the previous one went to (the latest move
        # line, even when all receipts share one second), then opens a new bin
        self.assertEqual(sorted(quants.mapped("quantity")), [2.0, 5.0, 5.0])

    def test_topping_up_bin_by_hand_over_its_maximum_is_refused(self):
        product = self._product("Spoke nipples")
        self._receive([(product, 4)]).button_validate()
        full = self.env["stock.quant"].search(
            [("product_id", "=", product.id), ("location_id.slot_zone", "=", "A")]
        )
        picking = self._receive([(product, 3)])
        line = self._lines_of(picking, product)

        with self.assertRaisesRegex(UserError, "more units than its maximum"):
            line.with_user(self.picker).location_dest_id = full.location_id


@tagged("post_install", "-at_install")
class TestPutawaySeparation(SlottingPutawayCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        size = cls.env["product.attribute"].create(
            {
                "name": "Frame size",
                "value_ids": [Command.create({"name": n}) for n in ("S", "M", "L")],
            }
        )
        template = cls.env["product.template"].create(
            {
                "name": "Jersey",
                "is_storable": True,
                "weight": 0.5,
                "slot_length_cm": 10.0,
                "slot_width_cm": 10.0,
                "slot_height_cm": 10.0,
                "attribute_line_ids": [
                    Command.create(
                        {"attribute_id": size.id, "value_ids": size.value_ids.ids}
                    )
                ],
            }
        )
        cls.sizes = template.product_variant_ids
        cls.short_cage = cls._product("Derailleur short cage")
        cls.long_cage = cls._product("Derailleur long cage")
        cls.env["alltricks.lookalike.group"].create(
            {
                "name": "Short vs long cage",
                "product_ids": [Command.set((cls.short_cage | cls.long_cage).ids)],
            }
        )

    def _assert_apart(self, products, picking):
        gap = self.warehouse.slot_separation_bay_gap
        bins = [self._bins_of(picking, product) for product in products]
        for k, first in enumerate(bins):
            for second in bins[k + 1 :]:
                same_side = (first.slot_aisle_index, first.slot_side) == (
                    second.slot_aisle_index,
                    second.slot_side,
                )
                distance = abs(first.slot_depth_index - second.slot_depth_index)
                self.assertFalse(
                    same_side and distance <= gap,
                    f"{first.name} and {second.name} hold look-alikes",
                )

    def _receive_and_check(self, products):
        picking = self._receive([(product, 30) for product in products])
        self.assertFalse(any(picking.move_line_ids.mapped("slot_putaway_warning")))
        self._assert_apart(self.sizes, picking)
        self._assert_apart(self.short_cage | self.long_cage, picking)

    def test_look_alikes_are_kept_apart_in_line_order(self):
        self._receive_and_check([*self.sizes, self.short_cage, self.long_cage])

    def test_look_alikes_are_kept_apart_in_reverse_order(self):
        products = [*self.sizes, self.short_cage, self.long_cage]
        self._receive_and_check(products[::-1])

    def test_look_alikes_are_kept_apart_across_receipts(self):
        self._receive([(self.sizes[0], 30), (self.short_cage, 30)])
        picking = self._receive(
            [(self.long_cage, 30), (self.sizes[2], 30), (self.sizes[1], 30)]
        )
        self.assertFalse(any(picking.move_line_ids.mapped("slot_putaway_warning")))
        first = self.env["stock.move.line"].search(
            [("product_id", "in", (self.sizes | self.short_cage | self.long_cage).ids)]
        )
        engine, _data = self.warehouse._get_slot_putaway_engine(
            self.stock, self.env["product.product"]
        )
        self.assertEqual(engine.audit().separation, ())
        self.assertEqual(len(first.location_dest_id), 5)


@tagged("post_install", "-at_install")
class TestTransferStraightIntoBin(SlottingPutawayCase):
    """Internal transfers whose destination is itself a bin never go through
    putaway: the bin rules still hold when they are validated."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.pads = cls._product("Brake pads")
        cls.grips = cls._product("Grips")
        frames = cls.env["product.category"].create(
            {"name": "Frames", "slot_bulky": True}
        )
        cls.frame = cls._product("Frame 54", size=30.0, categ_id=frames.id)

    def _stored(self, product, qty):
        picking = self._receive([(product, qty)])
        picking.button_validate()
        return self._bins_of(picking, product)

    def _transfer(self, product, source, target, qty=1.0):
        """A validated internal transfer of ``qty`` from ``source`` to ``target``
        done by a picker, as on the transfer form."""
        env = self.env(user=self.picker)
        picking = env["stock.picking"].create(
            {
                "picking_type_id": self.warehouse.int_type_id.id,
                "location_id": source.id,
                "location_dest_id": target.id,
                "move_ids": [
                    Command.create(
                        {
                            "product_id": product.id,
                            "product_uom_qty": qty,
                            "location_id": source.id,
                            "location_dest_id": target.id,
                        }
                    )
                ],
            }
        )
        picking.action_confirm()
        picking.action_assign()
        picking.move_ids.write({"quantity": qty, "picked": True})
        picking.button_validate()
        return picking

    def _empty_shelf_bin(self):
        taken = self.env["stock.quant"].search([]).location_id
        return self.env["stock.location"].search(
            [
                ("warehouse_id", "=", self.warehouse.id),
                ("slot_zone", "=", "A"),
                ("id", "not in", taken.ids),
            ],
            order="name desc",
            limit=1,
        )

    def _quantity(self, product, location):
        return product.with_context(location=location.id).qty_available

    def test_bulky_product_into_a_shelf_bin_of_another_product_is_refused(self):
        rack = self._stored(self.frame, 1)
        shelf = self._stored(self.pads, 4)
        self.assertEqual(rack.slot_rack_type, "bulky")

        with self.assertRaises(UserError) as refusal:
            self._transfer(self.frame, rack, shelf)
        message = refusal.exception.args[0]
        self.assertEqual(
            message.splitlines(),
            [
                f"Frame 54 cannot go to {shelf.display_name}:",
                "- bulky goods go to bulky racks, and only they do: This product "
                f"goes to a bulky rack, {shelf.name} is not one.",
                "- it holds, or is about to receive, another product: Brake pads.",
                "Choose another bin, or set the destination back to "
                f"{self.stock.display_name} and let putaway choose.",
            ],
        )
        self.assertEqual(self._quantity(self.frame, shelf), 0.0)
        self.assertEqual(self._quantity(self.frame, rack), 1.0)

    def test_product_into_the_bin_of_another_product_is_refused(self):
        source = self._stored(self.grips, 4)
        shelf = self._stored(self.pads, 4)

        with self.assertRaisesRegex(UserError, "another product: Brake pads"):
            self._transfer(self.grips, source, shelf)

    def test_moving_stock_to_an_empty_bin_or_its_own_product_is_accepted(self):
        source = self._stored(self.pads, 4)
        empty = self._empty_shelf_bin()

        self._transfer(self.pads, source, empty, qty=2.0)
        self.assertEqual(self._quantity(self.pads, empty), 2.0)
        self._transfer(self.pads, source, empty, qty=2.0)
        self.assertEqual(self._quantity(self.pads, empty), 4.0)
        self.assertEqual(self._quantity(self.pads, source), 0.0)

    def test_line_written_straight_into_a_bin_of_another_product_is_refused(self):
        source = self._stored(self.grips, 4)
        shelf = self._stored(self.pads, 4)
        empty = self._empty_shelf_bin()
        env = self.env(user=self.picker)
        picking = env["stock.picking"].create(
            {
                "picking_type_id": self.warehouse.int_type_id.id,
                "location_id": source.id,
                "location_dest_id": empty.id,
                "move_ids": [
                    Command.create(
                        {
                            "product_id": self.grips.id,
                            "product_uom_qty": 4,
                            "location_id": source.id,
                            "location_dest_id": empty.id,
                        }
                    )
                ],
            }
        )
        picking.action_confirm()
        picking.action_assign()

        with self.assertRaisesRegex(UserError, "another product: Brake pads"):
            picking.move_line_ids.location_dest_id = shelf
        with self.assertRaisesRegex(UserError, "another product: Brake pads"):
            picking.move_line_ids.copy({"location_dest_id": shelf.id, "quantity": 1})


@tagged("post_install", "-at_install")
class TestPutawayQuantity(SlottingPutawayCase):
    """A unit of 10 cm and 0.5 kg: 30 fill a 15 kg bin of zone A."""

    def test_larger_quantity_than_the_bin_holds_is_refused(self):
        pads = self._product("Brake pads")
        picking = self._receive([(pads, 4)])
        line = self._lines_of(picking, pads).with_user(self.manager)
        target = line.location_dest_id

        with self.assertRaises(UserError) as refusal:
            line.write({"quantity": 5000})
        message = refusal.exception.args[0]
        self.assertTrue(
            message.startswith(f"Brake pads cannot go to {target.display_name}:\n"),
            message,
        )
        self.assertIn("- it would be overloaded (weight)", message)
        self.assertTrue(
            message.endswith(
                f"Choose another bin, or set the destination back to "
                f"{self.stock.display_name} and let putaway choose."
            ),
            message,
        )
        self.env.invalidate_all()
        self.assertEqual(line.quantity, 4.0)

        line.write({"quantity": 30})
        self.assertEqual(line.quantity, 30.0)
        line.write({"quantity": 2})
        self.assertEqual(line.quantity, 2.0)
        self.assertEqual(line.location_dest_id, target)


@tagged("post_install", "-at_install")
class TestProductUnitSize(SlottingPutawayCase):
    def test_negative_unit_size_is_refused(self):
        pads = self._product("Brake pads")
        for fname, label in (
            ("slot_length_cm", "Unit length (cm)"),
            ("slot_width_cm", "Unit width (cm)"),
            ("slot_height_cm", "Unit height (cm)"),
        ):
            with self.assertRaises(ValidationError) as refusal:
                pads.write({fname: -5})
            self.assertEqual(
                refusal.exception.args[0],
                f"Brake pads: {label} cannot be negative. Enter the size of one "
                "packed unit in centimetres, or leave it at 0 to let putaway use a "
                "cube of the product volume.",
            )
            self.assertEqual(pads[fname], 10.0)
        with self.assertRaisesRegex(ValidationError, "Unit height"):
            self._product("Bad size", slot_height_cm=-1.0)
        pads.product_tmpl_id.slot_length_cm = 0.0
        self.assertEqual(pads.slot_length_cm, 0.0)
