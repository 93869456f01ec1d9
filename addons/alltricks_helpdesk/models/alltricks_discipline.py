from odoo import fields, models


class AlltricksDiscipline(models.Model):
    _name = "alltricks.discipline"
    _description = "Cycling discipline"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    code = fields.Char(required=True, help="Short technical name, e.g. mtb.")
    sequence = fields.Integer(default=10)
    color = fields.Integer()
    active = fields.Boolean(default=True)
    expert_ids = fields.Many2many(
        comodel_name="alltricks.helpdesk.expert",
        relation="alltricks_helpdesk_expert_discipline_rel",
        column1="discipline_id",
        column2="expert_id",
        string="Experts",
    )

    _code_unique = models.Constraint(
        "UNIQUE(code)", "Two disciplines cannot share the same code."
    )
