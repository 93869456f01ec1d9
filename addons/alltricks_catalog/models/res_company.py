from datetime import datetime, time, timedelta

import pytz

from odoo import api, fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    alltricks_cutoff_parts = fields.Float(
        string="Cut-off for parts",
        default=18.0,
        help="Orders confirmed before this hour leave the same day.",
    )
    alltricks_cutoff_bikes = fields.Float(
        string="Cut-off for complete bikes", default=17.0
    )

    @api.model_create_multi
    def create(self, vals_list):
        companies = super().create(vals_list)
        companies._alltricks_create_default_sheet_rule()
        return companies

    def _alltricks_create_default_sheet_rule(self):
        """Give each of these companies the default sheet rule, unless it has a
        rule without a category already (an archived one included: archiving
        it is how a catalog manager scores such sheets 100 %)."""
        rules = self.env["alltricks.sheet.rule"].sudo().with_context(active_test=False)
        covered = rules.search(
            [("category_id", "=", False), ("company_id", "in", self.ids)]
        ).company_id
        # Whoever creates the company need not be a catalog manager.
        return rules.create(
            [rules._prepare_default_rule_values(company) for company in self - covered]
        )

    def _alltricks_cutoff_hour(self, products):
        """The cut-off hour that applies to an order holding ``products``."""
        self.ensure_one()
        if any(products.mapped("categ_id.alltricks_complete_bike")):
            return self.alltricks_cutoff_bikes
        return self.alltricks_cutoff_parts

    def _alltricks_next_cutoff(self, products, now=None):
        """UTC datetime of the next departure able to take ``products``.

        A departure is on a working day (Monday to Friday) at the cut-off hour of the
        company's timezone; an order placed after today's cut-off leaves at the next
        one.
        """
        self.ensure_one()
        tz = pytz.timezone(self.partner_id.tz or "Europe/Paris")
        now = now or fields.Datetime.now()
        local_now = pytz.utc.localize(now).astimezone(tz)
        hour = self._alltricks_cutoff_hour(products)
        cutoff_time = time(int(hour), round((hour % 1) * 60))
        day = local_now.date()
        while True:
            candidate = tz.localize(datetime.combine(day, cutoff_time))
            if candidate.weekday() < 5 and candidate > local_now:
                return candidate.astimezone(pytz.utc).replace(tzinfo=None)
            day += timedelta(days=1)
