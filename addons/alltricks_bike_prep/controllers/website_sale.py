from odoo import http
from odoo.http import request

from ..models.alltricks_bike_prep import MAX_RIDER_WEIGHT


class AlltricksBikePrepCart(http.Controller):
    @http.route(
        "/shop/cart/rider_weight",
        type="http",
        auth="public",
        methods=["POST"],
        website=True,
        sitemap=False,
    )
    def cart_rider_weight(self, line_id, rider_weight, **kwargs):
        """Store the rider weight typed on the cart page for one bike line."""
        order_sudo = request.cart
        if not order_sudo:
            return request.redirect("/shop/cart")
        line = order_sudo.order_line.filtered(lambda ol: str(ol.id) == str(line_id))
        try:
            weight = float(str(rider_weight).replace(",", "."))
        except ValueError:
            weight = -1.0
        if not line.alltricks_needs_rider_weight or not 0 < weight <= MAX_RIDER_WEIGHT:
            return request.redirect("/shop/cart?rider_weight_error=1")
        line.alltricks_rider_weight = weight
        return request.redirect("/shop/cart")
