from odoo.exceptions import AccessError
from odoo.tests import tagged
from odoo.tests.common import TransactionCase, new_test_user


@tagged("post_install", "-at_install")
class TestCatalogRoles(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.vendor = cls.env["res.partner"].create({"name": "Shimano Europe"})
        cls.buyer = new_test_user(
            cls.env, "cat_buyer", groups="alltricks_catalog.group_buyer"
        )
        cls.editor = new_test_user(
            cls.env, "cat_editor", groups="alltricks_catalog.group_sheet_editor"
        )

    def test_buyer_creates_purchase_orders(self):
        order = (
            self.env["purchase.order"]
            .with_user(self.buyer)
            .create({"partner_id": self.vendor.id})
        )
        self.assertEqual(order.state, "draft")

    def test_sheet_editor_cannot_buy(self):
        with self.assertRaises(AccessError):
            self.env["purchase.order"].with_user(self.editor).create(
                {"partner_id": self.vendor.id}
            )
