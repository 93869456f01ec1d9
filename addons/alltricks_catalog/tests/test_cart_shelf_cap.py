from odoo.exceptions import ValidationError
from odoo.tests import tagged

from .common import ShelfCommon


@tagged("post_install", "-at_install")
class TestCartShelfCap(ShelfCommon):
    """The cart holds no more than the shelf, and says so before payment."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # ticked by hand: website_sale_stock no longer caps it, the shelf does
        cls.ticked = cls._create_validated_product("Continental GP5000 700x25")
        cls.ticked.product_tmpl_id.allow_out_of_stock_order = True

    def test_cart_caps_a_ticked_product_at_the_shelf(self):
        self._put_on_shelf(self.ticked, 3)
        cart = self._web_cart()

        added = cart._cart_add(self.ticked.id, 5)
        line = cart.order_line
        self.assertEqual(added["quantity"], 3)
        self.assertEqual(line.product_uom_qty, 3)
        self.assertEqual(
            added["warning"],
            f"Only 3 {self.ticked.display_name} left on our shelves: your cart "
            "holds 3.",
        )

        updated = cart._cart_update_line_quantity(line.id, 7)
        self.assertEqual(line.product_uom_qty, 3)
        self.assertEqual(
            updated["warning"],
            f"You ask for 7 {self.ticked.name} but only 3 is available",
        )
        # the quantity input of the cart page stops at the shelf too
        self.assertEqual(line._get_max_line_qty(), 3)

    def test_cart_adds_nothing_of_a_ticked_product_off_the_shelf(self):
        cart = self._web_cart()

        added = cart._cart_add(self.ticked.id, 2)

        self.assertFalse(cart.order_line)
        self.assertEqual(
            added["warning"],
            f"Sorry, no more {self.ticked.display_name} is left on our shelves "
            "for your cart.",
        )

    def test_short_cart_is_lowered_before_payment(self):
        self._put_on_shelf(self.product, 3)
        self._put_on_shelf(self.ticked, 2)
        cart = self._web_cart()
        cart._cart_add(self.product.id, 3)
        cart._cart_add(self.ticked.id, 2)
        # after the cart was filled, stock leaves the shelves (breakage, a sale)
        self._put_on_shelf(self.product, -2)
        self._put_on_shelf(self.ticked, -2)

        warnings = cart._alltricks_fit_cart_to_shelf()

        self.assertEqual(
            warnings,
            [
                f"You ask for 3 {self.product.name} but only 1 is available",
                f"Sorry, no more {self.ticked.display_name} is left on our "
                "shelves for your cart.",
            ],
        )
        self.assertEqual(cart.order_line.product_id, self.product)
        self.assertEqual(cart.order_line.product_uom_qty, 1)
        self.assertEqual(cart.shop_warning, "\n".join(warnings))
        self.assertEqual(cart.state, "draft")

    def test_ticked_short_cart_cannot_be_paid(self):
        self._put_on_shelf(self.ticked, 3)
        cart = self._web_cart()
        cart._cart_add(self.ticked.id, 3)
        self._put_on_shelf(self.ticked, -2)

        with self.assertRaises(ValidationError) as refusal:
            cart._check_cart_is_ready_to_be_paid()

        self.assertEqual(
            str(refusal.exception),
            f"You ask for 3 {self.ticked.name} but only 1 is available",
        )

    def test_cart_that_fits_is_kept_and_confirms(self):
        self._put_on_shelf(self.product, 3)
        self._put_on_shelf(self.ticked, 3)
        cart = self._web_cart()
        cart._cart_add(self.product.id, 3)
        cart._cart_add(self.ticked.id, 2)

        self.assertEqual(cart._alltricks_fit_cart_to_shelf(), [])
        self.assertEqual(cart.order_line.mapped("product_uom_qty"), [3, 2])
        self.assertFalse(cart.shop_warning)
        cart.action_confirm()
        self.assertEqual(cart.state, "sale")
        self.env.invalidate_all()
        self.assertEqual(self.ticked.alltricks_shelf_qty, 1)
