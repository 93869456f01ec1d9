from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .scan_common import ScanCase

RESCAN = "must be re-scanned unit by unit"


@tagged("post_install", "-at_install")
class TestPackValidation(ScanCase):
    """Odoo's Validate button on a PACK transfer follows the packing station."""

    def test_pack_never_rescanned_is_not_validated_from_the_backend(self):
        product = self.products["A-01-09-1-1"]
        pack = self.picked_pack([(product, 2)]).with_user(self.packer)
        before = self.snapshot(product)

        with self.assertRaisesRegex(UserError, RESCAN):
            pack.button_validate()

        self.assertEqual(pack.state, "assigned")
        self.assertEqual(self.snapshot(product), before)
        pack.alltricks_pack_scan("EAN-A-01-09-1-1")
        with self.assertRaisesRegex(UserError, RESCAN):
            pack.button_validate()
        self.assertEqual(pack.move_line_ids.alltricks_scanned_qty, 1)
        pack.alltricks_pack_scan("EAN-A-01-09-1-1")

        pack.button_validate()

        self.assertEqual(pack.state, "done")
        self.assertEqual(pack.move_ids.quantity, 2)
        self.assertEqual(pack.move_line_ids.alltricks_packed_by, self.packer)

    def test_manager_waiver_lets_the_pack_leave_and_is_logged(self):
        product = self.products["B-02-07-1-1"]
        pack = self.picked_pack([(product, 1)])
        with self.assertRaises(AccessError):
            pack.with_user(self.packer).action_alltricks_waive_rescan()
        with self.assertRaises(AccessError):
            pack.with_user(self.packer).write({"alltricks_rescan_waived": True})
        self.assertFalse(pack.alltricks_rescan_waived)

        pack.with_user(self.manager).action_alltricks_waive_rescan()

        message = pack.message_ids[0]
        self.assertEqual(message.author_id, self.manager.partner_id)
        self.assertIn(
            f"{self.manager.name} allowed this transfer to be validated without a "
            "complete re-scan on",
            message.body,
        )
        pack.with_user(self.packer).button_validate()
        self.assertEqual(pack.state, "done")
        self.assertEqual(pack.move_ids.quantity, 1)
        self.assertEqual(pack.move_line_ids.alltricks_scanned_qty, 0)

    def test_picker_cannot_validate_the_pack_of_his_own_order(self):
        product = self.products["C-01-05-1-1"]
        pack = self.picked_pack([(product, 1)])
        pack.with_user(self.packer).alltricks_pack_scan("EAN-C-01-05-1-1")
        before = self.snapshot(product)

        with self.assertRaisesRegex(UserError, "another packer must re-scan it"):
            pack.with_user(self.picker).button_validate()

        self.assertEqual(pack.state, "assigned")
        self.assertEqual(self.snapshot(product), before)
        pack.with_user(self.manager).action_alltricks_allow_same_packer()
        pack.with_user(self.picker).button_validate()
        self.assertEqual(pack.state, "done")
        self.assertEqual(pack.move_ids.quantity, 1)

    def test_validating_a_pick_from_the_backend_makes_you_its_picker(self):
        product = self.products["A-02-01-1-1"]
        pick = self.make_sale_pick([(product, 1)])
        pick.with_user(self.picker2).button_validate()
        self.assertEqual(pick.state, "done")
        self.assertEqual(pick.move_line_ids.alltricks_picked_by, self.picker2)
        pack = pick.move_ids.move_dest_ids.picking_id
        pack.with_user(self.manager).action_alltricks_waive_rescan()

        with self.assertRaises(UserError) as caught:
            pack.with_user(self.picker2).button_validate()

        self.assertEqual(
            caught.exception.args[0],
            f"You picked {pack.name}: another user must validate it, even with its "
            "re-scan waived. A warehouse manager may allow you on this transfer.",
        )

        self.assertEqual(pack.state, "assigned")
        pack.with_user(self.packer).button_validate()
        self.assertEqual(pack.state, "done")

    def test_other_steps_and_one_step_deliveries_validate_as_in_odoo(self):
        product = self.products["B-01-03-1-1"]
        pack = self.picked_pack([(product, 1)])
        pack.with_user(self.packer).alltricks_pack_scan("EAN-B-01-03-1-1")
        pack.with_user(self.packer).button_validate()
        out = pack.move_ids.move_dest_ids.picking_id
        self.assertFalse(out.alltricks_rescan_required)

        out.with_user(self.picker).button_validate()

        self.assertEqual(out.state, "done")
        self.assertEqual(out.move_ids.quantity, 1)
        one_step = self.env["stock.warehouse"].create(
            {"name": "One step", "code": "OST", "delivery_steps": "ship_only"}
        )
        self.env["stock.quant"]._update_available_quantity(
            product, one_step.lot_stock_id, 3.0
        )
        delivery = self.env["stock.picking"].create(
            {
                "picking_type_id": one_step.out_type_id.id,
                "location_id": one_step.lot_stock_id.id,
                "location_dest_id": self.ref("stock.stock_location_customers"),
                "move_ids": [
                    (
                        0,
                        0,
                        {
                            "product_id": product.id,
                            "product_uom_qty": 2,
                            "location_id": one_step.lot_stock_id.id,
                            "location_dest_id": self.ref(
                                "stock.stock_location_customers"
                            ),
                        },
                    )
                ],
            }
        )
        delivery.action_confirm()
        delivery.action_assign()

        delivery.with_user(self.picker).button_validate()

        self.assertEqual(delivery.state, "done")
        self.assertEqual(delivery.move_ids.quantity, 2)

    def test_scan_results_and_overrides_are_not_written_by_hand(self):
        product = self.products["C-02-02-1-1"]
        pack = self.picked_pack([(product, 2)])
        lines = pack.move_line_ids
        before = self.snapshot(product)

        with self.assertRaises(AccessError):
            lines.with_user(self.packer).write({"alltricks_scanned_qty": 2})
        with self.assertRaises(AccessError):
            lines.with_user(self.packer).write({"alltricks_packed_by": self.packer.id})
        with self.assertRaises(AccessError):
            pack.with_user(self.picker).write({"alltricks_pack_same_user_ok": True})

        self.assertEqual(self.snapshot(product), before)
        self.assertFalse(pack.alltricks_pack_same_user_ok)
        with self.assertRaisesRegex(UserError, RESCAN):
            pack.with_user(self.packer).button_validate()
