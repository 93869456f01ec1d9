from odoo.exceptions import UserError
from odoo.tests import tagged
from odoo.tests.common import TransactionCase, new_test_user

from .common import ShowroomKioskMixin


@tagged("post_install", "-at_install")
class TestProductArchive(ShowroomKioskMixin, TransactionCase):
    """Every published product is on sale in the point of sale and the showroom
    session stays open all day: a product is archived unless an unpaid order
    of an open session holds it."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_showroom()
        cls.editor = new_test_user(
            cls.env,
            "sr_sheet_editor",
            groups="base.group_user,alltricks_catalog.group_sheet_editor",
        )

    def test_editor_archives_a_product_on_sale_while_the_session_is_open(self):
        template = self.bike.product_tmpl_id
        self.assertTrue(template.available_in_pos)
        self.assertEqual(self.pos_session.state, "opened")

        template.with_user(self.editor).action_archive()

        self.assertFalse(template.active)
        self.assertFalse(self.bike.active)

    def test_product_of_an_unpaid_order_waits_for_its_payment(self):
        order = self._kiosk_order(self.bike, 1)
        self.assertEqual(order.state, "draft")
        template = self.bike.product_tmpl_id.with_user(self.editor)

        for archive in (template.action_archive, self.bike.action_archive):
            with self.assertRaises(UserError) as refusal:
                archive()
            self.assertEqual(
                str(refusal.exception),
                "Showroom Gravel Bike cannot be archived yet: unpaid orders of an "
                "open point of sale session contain it "
                f"({order.tracking_number} (Showroom kiosk)). Take their payment "
                "or cancel them at the point of sale, then archive it again.",
            )
        self.assertTrue(template.active)

        self._pay_at_counter(order)
        template.action_archive()
        self.assertFalse(template.active)

    def test_other_products_of_the_unpaid_order_are_not_held(self):
        self._kiosk_order(self.bike, 1)
        lamp = self._create_item("Showroom Lamp", "3700000000048")
        self._put(lamp, self.bin, 2)
        self.assertTrue(lamp.available_in_pos)

        lamp.product_tmpl_id.with_user(self.editor).action_archive()

        self.assertFalse(lamp.active)
