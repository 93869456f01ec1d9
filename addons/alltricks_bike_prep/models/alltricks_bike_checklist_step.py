from odoo import fields, models

STEP_KINDS = [
    ("legal", "Required by law"),
    ("workshop", "Required by the workshop"),
    ("buyer", "May be left to the buyer"),
]


class AlltricksBikeChecklistStep(models.Model):
    _name = "alltricks.bike.checklist.step"
    _description = "Step of a workshop checklist"
    _order = "checklist_id, sequence, id"

    checklist_id = fields.Many2one(
        "alltricks.bike.checklist", required=True, index=True, ondelete="cascade"
    )
    sequence = fields.Integer(default=10)
    name = fields.Char(required=True, translate=True)
    kind = fields.Selection(STEP_KINDS, required=True, default="legal")
    duration_minutes = fields.Integer(
        string="Minutes", default=5, help="Estimated time, used by the planning."
    )
    allow_not_applicable = fields.Boolean(
        string="May be N/A",
        help="For a step required by law: the mechanic may mark it not applicable, "
        "with a reason, on bikes that lack the part (gears of a single-speed). "
        "Leave it off for brakes, headset, wheels, tyres, torque, lights, "
        "reflectors and bell: every bike needs them.",
    )

    def _prepare_work_order_step_values(self):
        self.ensure_one()
        return {
            "sequence": self.sequence,
            "name": self.name,
            "kind": self.kind,
            "duration_minutes": self.duration_minutes,
            "allow_not_applicable": self.allow_not_applicable,
            "from_checklist": True,
        }
