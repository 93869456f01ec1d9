from odoo import fields, models
from odoo.exceptions import UserError

from .alltricks_bike_checklist_step import STEP_KINDS


class AlltricksBikePrepStep(models.Model):
    _name = "alltricks.bike.prep.step"
    _description = "Checklist step of a bike work order"
    _order = "work_order_id, sequence, id"

    work_order_id = fields.Many2one(
        "alltricks.bike.prep", required=True, index=True, ondelete="cascade"
    )
    company_id = fields.Many2one(related="work_order_id.company_id", store=True)
    sequence = fields.Integer(default=10)
    name = fields.Char(string="Step", required=True)
    kind = fields.Selection(STEP_KINDS, required=True, default="legal")
    duration_minutes = fields.Integer(string="Minutes", default=5)
    state = fields.Selection(
        [("todo", "To do"), ("done", "Done"), ("na", "Not applicable")],
        default="todo",
        required=True,
    )
    user_id = fields.Many2one("res.users", string="By", readonly=True)
    date_done = fields.Datetime(string="At", readonly=True)

    def action_mark_done(self):
        return self._set_state("done")

    def action_mark_not_applicable(self):
        return self._set_state("na")

    def action_reopen(self):
        return self._set_state("todo")

    def _set_state(self, state):
        closed = self.work_order_id.filtered(lambda w: w.state != "in_progress")
        if closed:
            raise UserError(
                self.env._(
                    "Start the work order before ticking its checklist: %(names)s.",
                    names=", ".join(closed.mapped("name")),
                )
            )
        done = state != "todo"
        self.write(
            {
                "state": state,
                "user_id": self.env.user.id if done else False,
                "date_done": fields.Datetime.now() if done else False,
            }
        )
        return True
