from odoo.addons.website_sale.controllers import main
from odoo.http import request


class WebsiteSale(main.WebsiteSale):
    def _check_cart(self, order_sudo):
        """Send the customer back to his cart, lowered to the shelf stock, when
        a line exceeds what the shelves still hold: he sees "only N left" before
        paying instead of a refusal after (the confirmation still checks)."""
        if redirection := super()._check_cart(order_sudo):
            return redirection
        if order_sudo._alltricks_fit_cart_to_shelf():
            return request.redirect("/shop/cart")
        return None
