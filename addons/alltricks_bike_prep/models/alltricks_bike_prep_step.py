from odoo import api, fields, models
from odoo.exceptions import UserError

from .alltricks_bike_checklist_step import STEP_KINDS
from .alltricks_bike_prep import WORKFLOW_CONTEXT_KEY, WORKFLOW_TOKEN

# Written by the Done / N/A / Reopen buttons only (or by the superuser).
STEP_WORKFLOW_FIELDS = frozenset({"state", "user_id", "date_done", "work_order_id"})
# What a mechanic may type on a step himself.
STEP_MECHANIC_FIELDS = frozenset({"na_reason"})
# What a step required by law, copied from the checklist, is: fixed for everyone.
LEGAL_STEP_FIELDS = frozenset({"name", "kind", "allow_not_applicable"})
CLOSED_STATES = ("done", "cancel")


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
    allow_not_applicable = fields.Boolean(
        string="May be N/A",
        help="Copied from the checklist: a step required by law may be marked not "
        "applicable only when its checklist line allows it.",
    )
    duration_minutes = fields.Integer(string="Minutes", default=5)
    state = fields.Selection(
        [("todo", "To do"), ("done", "Done"), ("na", "Not applicable")],
        default="todo",
        required=True,
    )
    na_reason = fields.Char(
        string="Reason if N/A",
        help="Why the step does not apply to this bike (e.g. single-speed: no "
        "gears). Needed to mark it not applicable.",
    )
    user_id = fields.Many2one("res.users", string="By", readonly=True)
    date_done = fields.Datetime(string="At", readonly=True)
    from_checklist = fields.Boolean(
        string="From the checklist",
        readonly=True,
        copy=False,
        help="Copied from the checklist of the bike type when the work order got "
        "its steps. Such a step required by law cannot be deleted or changed.",
    )

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su:
            ids = {vals.get("work_order_id") for vals in vals_list}
            work_orders = self.env["alltricks.bike.prep"].browse(
                [i for i in ids if isinstance(i, int)]
            )
            self._check_work_orders_open(work_orders)
            if any(vals.get("from_checklist") for vals in vals_list):
                raise UserError(
                    self.env._(
                        "Steps come from the checklist of the bike type when the "
                        "work order is created: add a step there (Bike workshop > "
                        "Checklists)."
                    )
                )
        return super().create(vals_list)

    def write(self, vals):
        self._check_write(vals)
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_legal_record(self):
        """The checklist of a done bike, and its legal steps, are its record."""
        if self.env.su:
            return
        self._check_work_orders_open(self.work_order_id)
        legal = self.filtered(lambda s: s.from_checklist and s.kind == "legal")
        if legal:
            raise UserError(
                self.env._(
                    "The law requires these steps on every bike, they cannot be "
                    "deleted: %(steps)s. Do them and click Done, or click N/A with "
                    "a reason where the checklist allows it.",
                    steps=", ".join(legal.mapped("name")),
                )
            )

    def _check_work_orders_open(self, work_orders):
        """No step of a done or cancelled work order changes: Reopen it first."""
        closed = work_orders.filtered(lambda w: w.state in CLOSED_STATES)
        if closed:
            raise UserError(
                self.env._(
                    "%(names)s is done or cancelled: its checklist is the record "
                    "of how the bike was prepared and can no longer be changed. A "
                    "workshop manager can Reopen a done work order that has not "
                    "left yet to correct it.",
                    names=", ".join(closed.mapped("name")),
                )
            )

    def _check_write(self, vals):
        """Mechanics tick steps with the buttons and type a reason for N/A; the
        rest of a step comes from the checklist of the bike type. Nothing of a
        step changes once its work order is done or cancelled."""
        if self.env.su:
            return
        self._check_work_orders_open(self.work_order_id)
        if self.env.context.get(WORKFLOW_CONTEXT_KEY) is WORKFLOW_TOKEN:
            return
        if "from_checklist" in vals:
            raise UserError(
                self.env._(
                    "Whether a step comes from the checklist is set when the work "
                    "order gets its steps: it cannot be written."
                )
            )
        if STEP_WORKFLOW_FIELDS.intersection(vals):
            raise UserError(
                self.env._(
                    "Tick a checklist step with its Done, N/A or Reopen button: its "
                    "state, who and when cannot be written directly."
                )
            )
        if self.env.user.has_group("alltricks_bike_prep.group_workshop_manager"):
            self._check_legal_step_write(vals)
            return
        if set(vals) - STEP_MECHANIC_FIELDS:
            raise UserError(
                self.env._(
                    "The name, kind and minutes of a checklist step come from the "
                    "checklist of the bike type: ask the workshop manager to change "
                    "the checklist (Bike workshop > Checklists)."
                )
            )
        closed = self.filtered(lambda s: s.state != "todo")
        if closed:
            raise UserError(
                self.env._(
                    "Reopen the step before changing its reason: %(steps)s.",
                    steps=", ".join(closed.mapped("name")),
                )
            )

    def _check_legal_step_write(self, vals):
        """A step required by law, copied from the checklist, stays what it is."""
        legal = self.filtered(lambda s: s.from_checklist and s.kind == "legal")
        if legal and LEGAL_STEP_FIELDS.intersection(vals):
            raise UserError(
                self.env._(
                    "These steps are required by law on every bike, as the "
                    "checklist of the bike type says: %(steps)s. Their name, kind "
                    "and May be N/A cannot be changed on a work order; change the "
                    "checklist (Bike workshop > Checklists) for the next bikes.",
                    steps=", ".join(legal.mapped("name")),
                )
            )

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
        if state == "na":
            self._check_can_be_not_applicable()

        done = state != "todo"
        vals = {
            "state": state,
            "user_id": self.env.user.id if done else False,
            "date_done": fields.Datetime.now() if done else False,
        }
        if state != "na":
            vals["na_reason"] = False
        self.with_context(**{WORKFLOW_CONTEXT_KEY: WORKFLOW_TOKEN}).write(vals)
        return True

    def _check_can_be_not_applicable(self):
        required = self.filtered(
            lambda s: s.kind == "legal" and not s.allow_not_applicable
        )
        if required:
            raise UserError(
                self.env._(
                    "The law requires this step on every bike, it cannot be marked "
                    "not applicable: %(steps)s. Do it and click Done.",
                    steps=", ".join(required.mapped("name")),
                )
            )
        unexplained = self.filtered(lambda s: not (s.na_reason or "").strip())
        if unexplained:
            raise UserError(
                self.env._(
                    "Type in Reason if N/A why the step does not apply to this bike "
                    "(e.g. single-speed: no gears), then click N/A: %(steps)s.",
                    steps=", ".join(unexplained.mapped("name")),
                )
            )
