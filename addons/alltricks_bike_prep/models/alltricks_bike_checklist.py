from odoo import fields, models

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
