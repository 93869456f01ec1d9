from odoo import models


class AccountMove(models.Model):
    _inherit = "account.move"

    def _get_alltricks_bike_preps(self):
        """Finished work orders of the bikes invoiced, for the printed invoice."""
        self.ensure_one()
        sale_lines = self.sudo().invoice_line_ids.sale_line_ids
        return sale_lines.alltricks_bike_prep_ids.filtered(lambda w: w.state == "done")
