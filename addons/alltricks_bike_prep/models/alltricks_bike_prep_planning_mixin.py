from datetime import timedelta

from odoo import api, fields, models


class AlltricksBikePrepPlanningMixin(models.AbstractModel):
    """What the workshop planning shows of a bike work order."""

    _name = "alltricks.bike.prep.planning.mixin"
    _description = "Planning of bike work orders"

    remaining_minutes = fields.Integer(
        string="Work left (min)",
        compute="_compute_remaining_minutes",
        help="Estimated minutes of the checklist steps still to do.",
    )
    is_at_risk = fields.Boolean(
        string="At risk",
        compute="_compute_is_at_risk",
        help="Open, and either due within the company's margin or with more "
        "work left than time before its departure.",
    )

    @api.depends("state", "step_ids.state", "step_ids.duration_minutes")
    def _compute_remaining_minutes(self):
        for work_order in self:
            if work_order.state in ("done", "cancel"):
                # steps left to the buyer stay open on a finished bike
                work_order.remaining_minutes = 0
                continue
            open_steps = work_order.step_ids.filtered(lambda s: s.state == "todo")
            work_order.remaining_minutes = sum(open_steps.mapped("duration_minutes"))

    @api.depends_context("uid")
    @api.depends("state", "date_due", "remaining_minutes")
    def _compute_is_at_risk(self):
        now = fields.Datetime.now()
        for work_order in self:
            if work_order.state not in ("draft", "in_progress"):
                work_order.is_at_risk = False
                continue
            margin = timedelta(
                minutes=work_order.company_id.alltricks_prep_risk_minutes
            )
            time_left = work_order.date_due - now
            work_order.is_at_risk = time_left <= margin or time_left < timedelta(
                minutes=work_order.remaining_minutes
            )
