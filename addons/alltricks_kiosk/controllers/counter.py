from werkzeug.exceptions import NotFound

from odoo import http
from odoo.http import request
from odoo.tools import consteq


class ShowroomCounterController(http.Controller):
    @http.route(
        "/alltricks_kiosk/counter/<int:config_id>",
        type="http",
        auth="public",
        website=False,
        sitemap=False,
    )
    def counter_screen(self, config_id, access_token="", **kwargs):
        """Public screen above the counter: pickup numbers being picked / ready,
        with a note for an order partly ready or short of units.

        Protected by the point of sale's access token, like the kiosk itself;
        it shows pickup numbers only, no name nor product.
        """
        config = request.env["pos.config"].sudo().browse(config_id).exists()
        if (
            not config
            or not config.alltricks_showroom
            or not access_token
            or not consteq(config.access_token or "", access_token)
        ):
            raise NotFound()
        rows = config._get_alltricks_counter_rows()
        values = {
            "config": config,
            "picking": [row for row in rows if row["column"] == "picking"],
            "ready": [row for row in rows if row["column"] == "ready"],
            "refresh_seconds": 15,
        }
        return request.render("alltricks_kiosk.counter_screen", values)
