from odoo.addons.website_sale.controllers.cart import Cart as WebsiteSaleCart
from odoo.http import request, route


class Cart(WebsiteSaleCart):
    @route()
    def add_to_cart(self, product_template_id, product_id, *args, **kwargs):
        if answer := self._get_alltricks_unsellable_answer(product_id):
            return answer
        return super().add_to_cart(product_template_id, product_id, *args, **kwargs)

    def _get_alltricks_unsellable_answer(self, product_id):
        """The cart answer to an Add to cart on a product the visitor may no
        longer see, or None when he may.

        A product is unpublished as soon as its shelf is empty, while its page
        may still be open in a browser: the visitor is told it sold out, as a
        cart warning, instead of the access error of reading it; nothing is
        added and no cart is created.
        """
        products = request.env["product.product"]
        if not product_id or products.search_count([("id", "=", int(product_id))]):
            return None
        product_sudo = products.sudo().browse(int(product_id)).exists()
        if not product_sudo:
            return None  # core's "does not exist" refusal
        website = request.website
        shelf_qty = product_sudo._get_alltricks_sellable_qty(
            warehouse=website.warehouse_id, company=website.company_id
        )
        if product_sudo.is_storable and product_sudo.uom_id.compare(shelf_qty, 0) <= 0:
            warning = request.env._(
                "Sorry, %(product)s is sold out.", product=product_sudo.display_name
            )
        else:
            warning = request.env._(
                "Sorry, %(product)s is no longer sold on our shop.",
                product=product_sudo.display_name,
            )
        return {
            "cart_quantity": request.cart.cart_quantity if request.cart else 0,
            "notification_info": {"warning": warning},
            "quantity": 0,
            "tracking_info": [],
        }
