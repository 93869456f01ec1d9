from odoo import api, fields, models

from .product_category import BIKE_TYPES


class AlltricksBikeChecklist(models.Model):
    _name = "alltricks.bike.checklist"
    _description = "Workshop checklist of a bike type"
    _order = "bike_type, id"

    name = fields.Char(required=True, translate=True)
    bike_type = fields.Selection(BIKE_TYPES, required=True)
    active = fields.Boolean(default=True)
    step_ids = fields.One2many(
        "alltricks.bike.checklist.step", "checklist_id", string="Steps", copy=True
    )

    _bike_type_unique = models.UniqueIndex(
        "(bike_type) WHERE active IS TRUE",
        "Each bike type has one active checklist: archive the old one first.",
    )

    @api.model_create_multi
    def create(self, vals_list):
        checklists = super().create(vals_list)
        checklists._give_to_work_orders_without_checklist()
        return checklists

    def write(self, vals):
        result = super().write(vals)
        self._give_to_work_orders_without_checklist()
        return result

    def _give_to_work_orders_without_checklist(self):
        """Open work orders of a bike type that had no checklist get this one."""
        bike_types = self.filtered(lambda c: c.active and c.step_ids).mapped(
            "bike_type"
        )
        if bike_types:
            self.env["alltricks.bike.prep"]._give_missing_checklists(
                [("bike_type", "in", bike_types)]
            )
