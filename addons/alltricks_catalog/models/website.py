from datetime import timedelta

import pytz

from odoo import fields, models
from odoo.tools.misc import format_date


class Website(models.Model):
    _inherit = "website"

    def _product_domain(self):
        """A product exists for sale only once its sheet is validated."""
        domain = super()._product_domain()
        if self.env.context.get("alltricks_published_only"):
            return domain
        return [*domain, ("sheet_state", "=", "validated")]

    def sale_product_domain(self):
        # Visitors' shop queries already require is_published, and only a
        # validated sheet can be published (_check_published_sheet_validated):
        # the sheet term would filter each of the dozen queries of a shop page
        # again for nothing (measured: 8 % of the page at 20,000 products).
        if self.env.user._is_internal() or self.env.context.get(
            "alltricks_published_only"
        ):
            return super().sale_product_domain()
        return self.with_context(alltricks_published_only=True).sale_product_domain()

    def _get_product_available_qty(self, product, **kwargs):
        """The shop offers what lies on the shelf, less what other orders took."""
        if not product.is_storable:
            return super()._get_product_available_qty(product, **kwargs)
        return product.with_context(
            alltricks_shelf_warehouse_id=self.warehouse_id.id,
            alltricks_shelf_company_id=self.company_id.id,
        ).alltricks_shelf_qty

    def _get_alltricks_delivery_promise(self, products, now=None):
        """Sentence telling when ``products`` leave and arrive.

        Departures follow the company cut-off (earlier for complete bikes);
        parcels arrive the working day after they leave.
        """
        self.ensure_one()
        # Shop visitors may read neither the company partner nor categories.
        company = self.sudo().company_id
        products = products.sudo()
        now = now or fields.Datetime.now()
        tz = pytz.timezone(company.partner_id.tz or "Europe/Paris")
        today = pytz.utc.localize(now).astimezone(tz).date()
        departure = company._alltricks_next_cutoff(products, now=now)
        ship_day = pytz.utc.localize(departure).astimezone(tz).date()
        delivery_day = self._get_alltricks_next_working_day(ship_day)
        if ship_day == today:
            hour = company._alltricks_cutoff_hour(products)
            return self.env._(
                "Order before %(hour)s, delivered %(day)s",
                hour=f"{int(hour):02d}:{round((hour % 1) * 60):02d}",
                day=self._get_alltricks_day_label(delivery_day, today),
            )
        return self.env._(
            "Order now, ships %(ship_day)s, delivered %(day)s",
            ship_day=self._get_alltricks_day_label(ship_day, today),
            day=self._get_alltricks_day_label(delivery_day, today),
        )

    def _get_alltricks_next_working_day(self, day):
        day += timedelta(days=1)
        while day.weekday() >= 5:
            day += timedelta(days=1)
        return day

    def _get_alltricks_day_label(self, day, today):
        if day == today + timedelta(days=1):
            return self.env._("tomorrow")
        return format_date(self.env, day, date_format="EEEE")
