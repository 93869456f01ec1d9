from odoo.addons.alltricks_catalog import post_init_hook
from odoo.exceptions import UserError, ValidationError
from odoo.fields import Domain
from odoo.tests import tagged
from odoo.tests.common import new_test_user

from .common import ShelfCommon


@tagged("post_install", "-at_install")
class TestShopGuards(ShelfCommon):
    """What the shop offers and accepts, whatever was set before or beside it."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.editor = new_test_user(
            cls.env, "guard_editor", groups="alltricks_catalog.group_sheet_editor"
        )

    def test_products_published_before_install_leave_the_shop(self):
        # A product of another module (demo furniture) was published before the
        # sheets existed: its row holds is_published with a draft sheet.
        desk = self.env["product.template"].create(
            {"name": "Corner desk", "type": "consu", "is_storable": True}
        )
        self._put_on_shelf(self.product, 3)
        self._commit_flush()
        self.env.cr.execute(
            "UPDATE product_template SET is_published = TRUE WHERE id = %s", [desk.id]
        )
        self.env.invalidate_all()
        self.assertTrue(desk.is_published)

        post_init_hook(self.env)

        self.assertEqual(desk.sheet_state, "draft")
        self.assertFalse(desk.is_published)
        self.assertTrue(self.product.is_published)
        portal = new_test_user(self.env, "guard_visitor", groups="base.group_portal")
        for_sale = self.env["product.template"].search(
            Domain(self.website.with_user(portal).sale_product_domain())
            & Domain("id", "in", (desk + self.product.product_tmpl_id).ids)
        )
        self.assertEqual(for_sale, self.product.product_tmpl_id)

    def test_draft_sheet_cannot_be_published(self):
        desk = self.env["product.template"].create({"name": "Desk", "type": "consu"})
        with self.assertRaises(ValidationError):
            desk.write({"is_published": True})
        with self.assertRaises(ValidationError):
            self.env["product.template"].create(
                {"name": "Chair", "type": "consu", "is_published": True}
            )

    def test_out_of_stock_flag_does_not_let_the_shop_oversell(self):
        self._put_on_shelf(self.product, 20)
        template = self.product.product_tmpl_id.with_user(self.editor)
        template.write({"allow_out_of_stock_order": True})
        self.assertTrue(self.product.allow_out_of_stock_order)
        order = self._web_order(self.product, 70)

        with self.assertRaises(UserError) as refusal:
            order.action_confirm()

        self.assertEqual(
            str(refusal.exception),
            f"Sorry, only 20 {self.product.display_name} left on our shelves for "
            "70 ordered. Reduce the quantity in your cart, then pay again.",
        )
        self.assertEqual(order.state, "draft")

    def test_negative_quantity_does_not_confirm(self):
        self._put_on_shelf(self.product, 5)
        order = self._web_order(self.product, -3)

        with self.assertRaises(UserError) as refusal:
            order.action_confirm()

        self.assertEqual(
            str(refusal.exception),
            f"-3 {self.product.display_name}: a quantity cannot be negative. "
            "Enter the number of items you want.",
        )
        self.assertEqual(order.state, "draft")

    def test_part_of_a_unit_does_not_confirm(self):
        self._put_on_shelf(self.product, 5)
        order = self._web_order(self.product, 0.5)

        with self.assertRaises(UserError) as refusal:
            order.action_confirm()

        self.assertEqual(
            str(refusal.exception),
            f"{self.product.display_name} is sold by the unit: 0.5 is not a whole "
            "number. Enter a whole number of items.",
        )
        self.assertEqual(order.state, "draft")

    def test_cart_refuses_parts_of_units_and_negative_quantities(self):
        self._put_on_shelf(self.product, 5)
        cart = self._web_cart()

        with self.assertRaises(UserError):
            cart._cart_add(self.product.id, 0.5)
        with self.assertRaises(UserError):
            cart._cart_add(self.product.id, -3)
        self.assertFalse(cart.order_line)

        values = cart._cart_add(self.product.id, 2)
        with self.assertRaises(UserError):
            cart._cart_update_line_quantity(values["line_id"], 1.5)
        self.assertEqual(cart.order_line.product_uom_qty, 2)
        # a negative add on the line in the cart would remove it
        with self.assertRaises(UserError) as refusal:
            cart._cart_add(self.product.id, -3)
        self.assertIn("cannot be negative", str(refusal.exception))
        self.assertEqual(cart.order_line.product_uom_qty, 2)
