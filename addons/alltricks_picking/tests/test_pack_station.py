from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .scan_common import ScanCase


@tagged("post_install", "-at_install")
class TestPackStation(ScanCase):
    def test_picker_cannot_pack_his_own_order(self):
        pack = self.picked_pack([(self.products["A-01-09-1-1"], 1)])
        Picking = self.env["stock.picking"].with_user(self.picker)
        self.picker.group_ids |= self.env.ref("alltricks_slotting.group_packer")

        with self.assertRaisesRegex(UserError, "another packer must re-scan it"):
            Picking.alltricks_pack_open(pack.name)
        with self.assertRaisesRegex(UserError, "another packer must re-scan it"):
            pack.with_user(self.picker).alltricks_pack_scan("EAN-A-01-09-1-1")
        self.assertEqual(pack.move_line_ids.alltricks_scanned_qty, 0)
        state = (
            self.env["stock.picking"]
            .with_user(self.packer)
            .alltricks_pack_open(pack.name)
        )
        self.assertEqual(state["id"], pack.id)

    def test_manager_override_lets_the_picker_pack_and_is_logged(self):
        pack = self.picked_pack([(self.products["A-01-09-1-1"], 1)])
        self.picker.group_ids |= self.env.ref("alltricks_slotting.group_packer")
        with self.assertRaises(AccessError):
            pack.with_user(self.packer).action_alltricks_allow_same_packer()

        pack.with_user(self.manager).action_alltricks_allow_same_packer()

        self.assertTrue(pack.alltricks_pack_same_user_ok)
        self.assertIn(
            f"{self.manager.name} allowed the picker to pack", pack.message_ids[0].body
        )
        self.assertEqual(pack.message_ids[0].author_id, self.manager.partner_id)
        result = pack.with_user(self.picker).alltricks_pack_scan("EAN-A-01-09-1-1")
        self.assertTrue(result["ok"])

    def test_wrong_and_extra_units_are_logged_and_change_nothing(self):
        product = self.products["C-01-05-1-1"]
        pack = self.picked_pack([(product, 1)])
        pack = pack.with_user(self.packer)
        pack.alltricks_pack_scan("EAN-C-01-05-1-1")

        wrong = pack.alltricks_pack_scan("EAN-LOOK")
        extra = pack.alltricks_pack_scan("EAN-C-01-05-1-1")

        self.assertFalse(wrong["ok"])
        self.assertFalse(extra["ok"])
        self.assertEqual(pack.move_line_ids.alltricks_scanned_qty, 1)
        log = pack.sudo().alltricks_mismatch_ids.sorted("id")
        self.assertEqual(log.mapped("kind"), ["wrong", "extra"])
        self.assertEqual(log[0].product_scanned_id, self.lookalike)
        self.assertEqual(log[0].product_expected_id, product)
        self.assertEqual(log.picker_id, self.picker)
        self.assertEqual(log.packer_id, self.packer)

    def test_product_label_of_a_tracked_item_asks_for_its_lot(self):
        pack = self.picked_pack([(self.lot_product, 2)]).with_user(self.packer)

        label = pack.alltricks_pack_scan("EAN-FORK")

        self.assertFalse(label["ok"])
        self.assertEqual(
            label["message"], "Fork is tracked: scan its lot or serial number."
        )
        self.assertFalse(pack.sudo().alltricks_mismatch_ids)
        self.assertEqual(pack.move_line_ids.alltricks_scanned_qty, 0)
        self.assertTrue(pack.alltricks_pack_scan("LOT-FORK-1")["ok"])
        self.assertTrue(pack.alltricks_pack_scan("LOT-FORK-1")["ok"])
        pack.alltricks_pack_done()
        self.assertEqual(pack.state, "done")

    def test_typed_reference_is_read_in_any_case_at_packing(self):
        product = self.products["C-01-05-1-1"]
        product.default_code = "SH-CN_HG901"
        self.lookalike.default_code = "SH-CNXHG901"
        pack = self.picked_pack([(product, 1)]).with_user(self.packer)

        wrong = pack.alltricks_pack_scan("sh-cnxhg901")
        right = pack.alltricks_pack_scan("sh-cn_hg901")

        self.assertFalse(wrong["ok"])
        self.assertTrue(right["ok"])
        self.assertEqual(pack.move_line_ids.alltricks_scanned_qty, 1)
        log = pack.sudo().alltricks_mismatch_ids
        self.assertEqual(log.kind, "wrong")
        self.assertEqual(log.product_scanned_id, self.lookalike)

    def test_empty_read_at_packing_logs_no_mismatch(self):
        product = self.products["C-01-05-1-1"]
        pack = self.picked_pack([(product, 1)]).with_user(self.packer)

        result = pack.alltricks_pack_scan("")

        self.assertFalse(result["ok"])
        self.assertEqual(result["message"], "Nothing was read: scan the label again.")
        self.assertFalse(pack.sudo().alltricks_mismatch_ids)
        self.assertEqual(pack.move_line_ids.alltricks_scanned_qty, 0)

    def test_missing_unit_blocks_the_delivery_until_found(self):
        product = self.products["B-02-07-1-1"]
        pack = self.picked_pack([(product, 2)]).with_user(self.packer)
        pack.alltricks_pack_scan("EAN-B-02-07-1-1")

        blocked = pack.alltricks_pack_done()

        self.assertFalse(blocked["ok"])
        self.assertIn("1 unit is missing", blocked["message"])
        self.assertEqual(pack.state, "assigned")
        missing = pack.sudo().alltricks_mismatch_ids
        self.assertEqual(missing.kind, "missing")
        self.assertEqual(missing.quantity, 1)
        with self.assertRaisesRegex(UserError, "must be re-scanned unit by unit"):
            pack.button_validate()

        pack.alltricks_pack_scan("EAN-B-02-07-1-1")
        done = pack.alltricks_pack_done()

        self.assertTrue(done["ok"])
        self.assertEqual(pack.state, "done")
        out = pack.move_ids.move_dest_ids.picking_id
        self.assertEqual(out.picking_type_id, self.warehouse.out_type_id)
        self.assertEqual(done["report"]["report_name"], "stock.report_deliveryslip")
        self.assertEqual(done["report"]["context"]["active_ids"], out.ids)
        self.assertEqual(pack.move_line_ids.alltricks_packed_by, self.packer)

    def test_tote_scan_opens_the_pack_of_that_tote(self):
        pack = self.picked_pack([(self.products["A-02-01-1-1"], 1)])
        pick = pack.move_ids.move_orig_ids.picking_id

        state = (
            self.env["stock.picking"]
            .with_user(self.packer)
            .alltricks_pack_open(f"TOTE-{pick.alltricks_tote}")
        )

        self.assertEqual(state["id"], pack.id)
        # "²" passes str.isdigit() but is no number for int().
        for label in ("TOTE-9", "TOTE-²"):
            with self.assertRaisesRegex(UserError, f"Nothing to pack for {label}"):
                self.env["stock.picking"].with_user(self.packer).alltricks_pack_open(
                    label
                )


@tagged("post_install", "-at_install")
class TestPackStationCart(ScanCase):
    """Totes are TOTE-n on every cart: the packer scans the cart's pick list first."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Station = cls.env["stock.picking"].with_user(cls.packer)

    def cart_of(self, pack):
        return pack.move_ids.move_orig_ids.picking_id.batch_id

    def two_carts_with_tote_1(self):
        pack_a = self.picked_pack([(self.products["A-02-01-1-1"], 1)])
        pack_b = self.picked_pack([(self.products["B-01-03-1-1"], 1)])
        totes = (pack_a | pack_b).move_ids.move_orig_ids.picking_id.mapped(
            "alltricks_tote"
        )
        self.assertEqual(totes, [1, 1])
        self.assertNotEqual(self.cart_of(pack_a), self.cart_of(pack_b))
        return pack_a, pack_b

    def assert_refused(self, message, code, cart=None):
        with self.assertRaises(UserError) as refusal:
            self.Station.alltricks_pack_open(code, cart.id if cart else False)
        self.assertEqual(refusal.exception.args[0], message)

    def test_tote_on_two_carts_asks_for_the_cart_first(self):
        pack_a, pack_b = self.two_carts_with_tote_1()

        self.assert_refused(
            "TOTE-1 is on several carts waiting to be packed: scan the cart's pick "
            "list first (the barcode at the top of the sheet), then the tote.",
            "TOTE-1",
        )

        packs = (pack_a | pack_b).sudo()
        self.assertFalse(packs.alltricks_mismatch_ids)
        self.assertEqual(packs.move_line_ids.mapped("alltricks_scanned_qty"), [0, 0])
        self.assertEqual(packs.mapped("state"), ["assigned", "assigned"])

    def test_cart_then_tote_opens_the_tote_of_that_cart(self):
        pack_a, pack_b = self.two_carts_with_tote_1()
        cart_a, cart_b = self.cart_of(pack_a), self.cart_of(pack_b)

        selected = self.Station.alltricks_pack_open(cart_b.name)

        self.assertEqual(
            selected,
            {
                "cart": {"id": cart_b.id, "name": cart_b.name},
                "message": f"Cart {cart_b.name}: scan a tote.",
            },
        )
        opened = self.Station.alltricks_pack_open("TOTE-1", cart_b.id)
        self.assertEqual(opened["id"], pack_b.id)
        self.assertEqual(
            self.Station.alltricks_pack_open("tote-1", cart_a.id)["id"], pack_a.id
        )
        # a transfer or order reference ignores the cart selected
        by_order = self.Station.alltricks_pack_open(pack_a.origin, cart_b.id)
        self.assertEqual(by_order["id"], pack_a.id)

    def test_tote_not_on_the_selected_cart_is_refused(self):
        pack = self.picked_pack([(self.products["A-02-01-1-1"], 1)])
        cart = self.cart_of(pack)

        self.assert_refused(
            f"Cart {cart.name} has no TOTE-2: check the tote label, or scan the "
            "pick list of the cart the tote came on.",
            "TOTE-2",
            cart,
        )
        self.assert_refused(
            f"Cart {cart.name} has no TOTE-²: check the tote label, or scan the "
            "pick list of the cart the tote came on.",
            "TOTE-²",
            cart,
        )

    def test_cart_not_picked_yet_is_refused(self):
        cart = self.take(
            self.plan(self.make_sale_pick([(self.products["C-02-02-1-1"], 1)]))
        )
        self.assertEqual(cart.state, "in_progress")

        message = (
            f"Cart {cart.name} is not picked yet: pack it once its picker has "
            "pressed Done on it."
        )
        self.assert_refused(message, cart.name)
        self.assert_refused(message, "TOTE-1", cart)

    def test_packed_cart_has_nothing_left_to_pack(self):
        pack = self.picked_pack([(self.products["A-01-09-1-1"], 1)])
        cart = self.cart_of(pack)
        pack.with_user(self.packer).alltricks_pack_scan("EAN-A-01-09-1-1")
        self.assertTrue(pack.with_user(self.packer).alltricks_pack_done()["ok"])

        self.assert_refused(
            f"Nothing left to pack on cart {cart.name}: scan the pick list of the "
            "next cart.",
            cart.name,
        )
        self.assert_refused(
            f"TOTE-1 of cart {cart.name} has nothing left to pack: scan another "
            "tote of this cart, or another cart's pick list.",
            "TOTE-1",
            cart,
        )

    def test_unknown_cart_is_refused(self):
        gone = self.env["stock.picking.batch"].create({})
        gone.unlink()

        self.assert_refused(
            "Unknown cart BATCH/99999: scan the barcode at the top of the cart's "
            "pick list again.",
            "BATCH/99999",
        )
        self.assert_refused(
            "The cart selected on this screen no longer exists: scan the pick list "
            "of the cart again.",
            "TOTE-1",
            gone,
        )

    def test_only_packers_select_a_cart_and_never_for_their_own_order(self):
        pack = self.picked_pack([(self.products["A-02-01-1-1"], 1)])
        cart = self.cart_of(pack)
        Picker = self.env["stock.picking"].with_user(self.picker)
        with self.assertRaisesRegex(AccessError, "Only packers can use"):
            Picker.alltricks_pack_open(cart.name)

        self.picker.group_ids |= self.env.ref("alltricks_slotting.group_packer")
        self.assertEqual(Picker.alltricks_pack_open(cart.name)["cart"]["id"], cart.id)
        with self.assertRaisesRegex(UserError, "another packer must re-scan it"):
            Picker.alltricks_pack_open("TOTE-1", cart.id)
        self.assertEqual(pack.move_line_ids.alltricks_scanned_qty, 0)

    def test_pick_list_shows_the_cart_barcode_at_the_top(self):
        self.make_pick([(self.products["C-01-05-1-1"], 1)])
        cart = self.plan()

        html, _ = self.env["ir.actions.report"]._render_qweb_html(
            "stock_picking_batch.report_picking_batch", cart.ids
        )
        html = html.decode()

        pick_list = html[html.index("page-break-after") :]
        barcode = pick_list.index(f'alt="Barcode {cart.name}"')
        self.assertLess(barcode, pick_list.index("RTW/Stock/C-01-05-1-1"))
        self.assertIn("Packing: scan this barcode", pick_list)
