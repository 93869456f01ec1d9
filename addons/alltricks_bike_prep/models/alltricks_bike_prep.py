import logging
import re
from datetime import datetime, time, timedelta

import pytz

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.fields import Domain

_logger = logging.getLogger(__name__)

# French bicycle marking (décret 2020-1439): a 10-character alphanumeric code.
FRAME_MARKING_PATTERN = re.compile(r"[A-Z0-9]{10}")
OPEN_STATES = ("draft", "in_progress")
MAX_RIDER_WEIGHT = 250.0
# Fields of the workflow: only the actions (Start, Mark done, quality check,
# cancellation) write them, by putting this token in the context; a client
# cannot send it (a context from RPC holds JSON values only). The superuser may.
WORKFLOW_FIELDS = frozenset(
    {"state", "date_start", "date_done", "qc_state", "qc_bike_number"}
)
# A new work order starts to do; a later state comes from the buttons.
NEW_WORKFLOW_VALUES = {"state": "draft", "qc_state": "none"}
# What was recorded on a bike once it is done (frame ID registered for the
# buyer, who prepared it, for which rider): changed only after Reopen.
CLOSED_LOCKED_FIELDS = frozenset(
    {
        "frame_marking",
        "user_id",
        "rider_weight",
        "product_id",
        "date_due",
        "company_id",
        "sale_order_id",
        "sale_line_id",
    }
)
WORKFLOW_CONTEXT_KEY = "alltricks_bike_prep_workflow"
WORKFLOW_TOKEN = object()


class AlltricksBikePrep(models.Model):
    _name = "alltricks.bike.prep"
    _description = "Bike preparation work order"
    _inherit = [
        "mail.thread",
        "mail.activity.mixin",
        "alltricks.bike.prep.qc.mixin",
        "alltricks.bike.prep.planning.mixin",
    ]
    _order = "date_due, id"
    _check_company_auto = True

    name = fields.Char(
        string="Reference", required=True, readonly=True, copy=False, default="/"
    )
    state = fields.Selection(
        [
            ("draft", "To do"),
            ("in_progress", "In progress"),
            ("done", "Done"),
            ("cancel", "Cancelled"),
        ],
        default="draft",
        required=True,
        copy=False,
        index=True,
        tracking=True,
        group_expand=True,
    )
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda s: s.env.company
    )
    sale_order_id = fields.Many2one(
        "sale.order", string="Sale order", readonly=True, index=True, check_company=True
    )
    sale_line_id = fields.Many2one(
        "sale.order.line", string="Order line", readonly=True, index="btree_not_null"
    )
    partner_id = fields.Many2one(
        related="sale_order_id.partner_id", string="Customer", store=True
    )
    product_id = fields.Many2one(
        "product.product", string="Bike", required=True, readonly=True
    )
    bike_type = fields.Selection(
        related="product_id.categ_id.alltricks_bike_type", store=True
    )
    date_due = fields.Datetime(
        string="Due",
        required=True,
        index=True,
        tracking=True,
        help="Departure of the bike: the next bike cut-off after the order was "
        "confirmed.",
    )
    user_id = fields.Many2one(
        "res.users",
        string="Mechanic",
        index=True,
        tracking=True,
        domain=lambda s: [("all_group_ids", "in", s._get_mechanic_group().ids)],
    )
    date_start = fields.Datetime(string="Started", readonly=True, copy=False)
    date_done = fields.Datetime(string="Finished", readonly=True, copy=False)
    frame_marking = fields.Char(
        string="Frame marking ID",
        copy=False,
        tracking=True,
        help="The 10-character code engraved or stuck on the frame, registered "
        "for the buyer as French law requires for new bikes.",
    )
    rider_weight = fields.Float(string="Rider weight (kg)", tracking=True)
    step_ids = fields.One2many(
        "alltricks.bike.prep.step", "work_order_id", string="Checklist"
    )
    suspension_ids = fields.One2many(
        "alltricks.bike.prep.suspension", "work_order_id", string="Suspension"
    )
    qc_check_ids = fields.One2many(
        "alltricks.bike.prep.qc", "work_order_id", string="Quality checks"
    )
    picking_ids = fields.Many2many(
        "stock.picking", string="Transfers", compute="_compute_picking_ids"
    )

    _frame_marking_unique = models.Constraint(
        "UNIQUE(frame_marking)",
        "This frame marking ID is already given to another bike: check the label.",
    )

    @api.depends("sale_line_id.move_ids.picking_id")
    def _compute_picking_ids(self):
        for work_order in self:
            moves = work_order.sale_line_id.move_ids.filtered(
                lambda m: m.state != "cancel" and m.picking_code != "incoming"
            )
            work_order.picking_ids = moves.picking_id

    @api.constrains("frame_marking")
    def _check_frame_marking(self):
        for work_order in self.filtered("frame_marking"):
            if not FRAME_MARKING_PATTERN.fullmatch(work_order.frame_marking):
                raise ValidationError(
                    self.env._(
                        "The frame marking ID %(code)s is not valid: type the 10 "
                        "letters and digits printed on the frame label (no spaces "
                        "or dashes).",
                        code=work_order.frame_marking,
                    )
                )

    @api.constrains("rider_weight")
    def _check_rider_weight(self):
        for work_order in self:
            if not 0 <= work_order.rider_weight <= MAX_RIDER_WEIGHT:
                raise ValidationError(
                    self.env._(
                        "Enter the rider weight of %(name)s in kilograms, between 0 "
                        "(unknown) and %(max)s.",
                        name=work_order.name,
                        max=int(MAX_RIDER_WEIGHT),
                    )
                )

    @api.constrains("user_id", "company_id")
    def _check_user_is_mechanic(self):
        mechanic_group = self._get_mechanic_group()
        for work_order in self.filtered("user_id"):
            user = work_order.user_id
            if (
                user.share
                or mechanic_group not in user.all_group_ids
                or work_order.company_id not in user.company_ids
            ):
                raise ValidationError(
                    self.env._(
                        "%(user)s is not a mechanic of %(company)s and cannot be "
                        "given %(name)s: choose a user with the Bike workshop / "
                        "Mechanic role, or leave the mechanic empty.",
                        user=user.name,
                        company=work_order.company_id.name,
                        name=work_order.name,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("name", "/") == "/":
                vals["name"] = (
                    self.env["ir.sequence"].next_by_code("alltricks.bike.prep") or "/"
                )
            self._normalize_frame_marking(vals)
            self._check_workflow_write(
                {
                    name: vals[name]
                    for name in WORKFLOW_FIELDS.intersection(vals)
                    if vals[name] and vals[name] != NEW_WORKFLOW_VALUES.get(name)
                }
            )
        work_orders = super().create(vals_list)
        for work_order in work_orders.filtered(lambda w: not w.user_id):
            work_order.user_id = work_order._get_least_loaded_mechanic()
        work_orders._create_checklist_steps()
        work_orders.suspension_ids._sync_for(work_orders)
        return work_orders

    def write(self, vals):
        self._check_workflow_write(vals)
        self._check_closed_write(vals)
        self._normalize_frame_marking(vals)
        result = super().write(vals)
        if "rider_weight" in vals or "product_id" in vals:
            self.suspension_ids._sync_for(self)
        return result

    @api.ondelete(at_uninstall=False)
    def _unlink_except_started(self):
        if any(w.state not in ("draft", "cancel") for w in self):
            raise UserError(
                self.env._("Only work orders to do or cancelled can be deleted.")
            )

    def _check_workflow_write(self, vals):
        written = WORKFLOW_FIELDS.intersection(vals)
        if not written or self.env.su or self._is_workflow_env():
            return
        raise UserError(
            self.env._(
                "The state of a work order changes through its buttons only (Start, "
                "Mark done, Record quality check): %(fields)s cannot be written "
                "directly.",
                fields=", ".join(
                    self._fields[name]._description_string(self.env)
                    for name in sorted(written)
                ),
            )
        )

    def _check_closed_write(self, vals):
        written = CLOSED_LOCKED_FIELDS.intersection(vals)
        if not written or self.env.su or self._is_workflow_env():
            return
        closed = self.filtered(lambda w: w.state in ("done", "cancel"))
        if closed:
            raise UserError(
                self.env._(
                    "%(names)s is done or cancelled: %(fields)s can no longer be "
                    "changed. A workshop manager can Reopen a done work order "
                    "that has not left yet to correct it.",
                    names=", ".join(closed.mapped("name")),
                    fields=", ".join(
                        self._fields[name]._description_string(self.env)
                        for name in sorted(written)
                    ),
                )
            )

    def _is_workflow_env(self):
        return self.env.context.get(WORKFLOW_CONTEXT_KEY) is WORKFLOW_TOKEN

    def _with_workflow(self):
        """These work orders, allowed to write their workflow fields."""
        return self.with_context(**{WORKFLOW_CONTEXT_KEY: WORKFLOW_TOKEN})

    @api.model
    def _normalize_frame_marking(self, vals):
        if vals.get("frame_marking"):
            vals["frame_marking"] = vals["frame_marking"].strip().upper()

    @api.model
    def _get_mechanic_group(self):
        return self.env.ref("alltricks_bike_prep.group_mechanic")

    def _get_day_bounds(self):
        """UTC bounds of the company's local day holding ``date_due``."""
        self.ensure_one()
        tz = pytz.timezone(self.company_id.partner_id.tz or "Europe/Paris")
        local_day = pytz.utc.localize(self.date_due).astimezone(tz).date()
        start = tz.localize(datetime.combine(local_day, time.min))
        end = tz.localize(datetime.combine(local_day + timedelta(days=1), time.min))
        return (
            start.astimezone(pytz.utc).replace(tzinfo=None),
            end.astimezone(pytz.utc).replace(tzinfo=None),
        )

    def _get_least_loaded_mechanic(self):
        """The mechanic with the fewest work orders due the same day.

        Workshop managers are left out: they check quality; one who also works on
        bikes can be assigned by hand. Ties go to the oldest user.
        """
        self.ensure_one()
        manager_group = self.env.ref("alltricks_bike_prep.group_workshop_manager")
        mechanics = (
            self._get_mechanic_group()
            .sudo()
            .all_user_ids.filtered(
                lambda u: (
                    not u.share
                    and self.company_id in u.company_ids
                    and manager_group not in u.all_group_ids
                )
            )
            .sorted("id")
        )
        if not mechanics:
            return mechanics
        start, end = self._get_day_bounds()
        groups = self.sudo()._read_group(
            [
                ("user_id", "in", mechanics.ids),
                ("state", "!=", "cancel"),
                ("date_due", ">=", start),
                ("date_due", "<", end),
            ],
            ["user_id"],
            ["__count"],
        )
        load = {user.id: count for user, count in groups}
        mechanic = min(mechanics, key=lambda u: load.get(u.id, 0))
        _logger.debug("%s assigned to %s (load %s)", self.name, mechanic.login, load)
        return mechanic

    def _get_checklist(self):
        """The active checklist of the bike type (none when the bike's category
        has no bike type or that type has no active checklist)."""
        self.ensure_one()
        if not self.bike_type:
            return self.env["alltricks.bike.checklist"]
        return (
            self.env["alltricks.bike.checklist"]
            .sudo()
            .search([("bike_type", "=", self.bike_type)], limit=1)
        )

    def _create_checklist_steps(self):
        step_vals = []
        for work_order in self:
            for step in work_order._get_checklist().step_ids:
                vals = step._prepare_work_order_step_values()
                step_vals.append(dict(vals, work_order_id=work_order.id))
        self.env["alltricks.bike.prep.step"].sudo().create(step_vals)

    def action_start(self):
        for work_order in self:
            if work_order.state != "draft":
                raise UserError(
                    self.env._(
                        "%(name)s is already started or closed.", name=work_order.name
                    )
                )
            work_order._ensure_checklist_steps()
            work_order._with_workflow().write(
                {
                    "state": "in_progress",
                    "date_start": fields.Datetime.now(),
                    "user_id": work_order.user_id.id or self.env.user.id,
                }
            )
        return True

    def action_done(self):
        for work_order in self:
            work_order._check_can_finish()
        work_orders = self._with_workflow()
        work_orders.write({"state": "done", "date_done": fields.Datetime.now()})
        work_orders._decide_quality_check()
        return True

    def action_reopen(self):
        """Back to In progress, for a workshop manager to correct a done bike
        that has not been delivered; the chatter keeps the trace."""
        if not self.env.user.has_group("alltricks_bike_prep.group_workshop_manager"):
            raise AccessError(
                self.env._("Only a workshop manager can reopen a done work order.")
            )
        for work_order in self:
            if work_order.state != "done":
                raise UserError(
                    self.env._(
                        "%(name)s is not done: only a done work order can be reopened.",
                        name=work_order.name,
                    )
                )
            if work_order.qc_state == "pending":
                raise UserError(
                    self.env._(
                        "%(name)s is waiting for its quality check: record it "
                        "(Failed sends it back to the mechanic) instead of "
                        "reopening.",
                        name=work_order.name,
                    )
                )
            shipped = work_order.picking_ids.filtered(
                lambda p: p.state == "done" and p.picking_type_code == "outgoing"
            )
            if shipped:
                raise UserError(
                    self.env._(
                        "%(name)s cannot be reopened: the bike has left with "
                        "%(pickings)s.",
                        name=work_order.name,
                        pickings=", ".join(shipped.mapped("name")),
                    )
                )
            work_order._with_workflow().write(
                {"state": "in_progress", "date_done": False, "qc_state": "none"}
            )
            work_order.message_post(
                body=self.env._(
                    "Reopened by %(user)s to correct it: it must be marked done "
                    "again before it can leave.",
                    user=self.env.user.name,
                ),
                subtype_xmlid="mail.mt_note",
            )
        return True

    def _check_can_finish(self):
        self.ensure_one()
        problems = []
        if self.state != "in_progress":
            problems.append(self.env._("start the work order first"))
        if not self.frame_marking:
            problems.append(self.env._("enter the frame marking ID"))
        problems += self._get_checklist_problems()
        problems += self.suspension_ids._get_missing_value_problems()
        if problems:
            raise UserError(
                self.env._(
                    "%(name)s cannot be marked done yet: %(todo)s.",
                    name=self.name,
                    todo="; ".join(problems),
                )
            )

    def _get_checklist_problems(self):
        """What keeps the checklist from being complete: steps left to do (those
        the buyer may do apart), steps skipped that the law requires."""
        self.ensure_one()
        if not self.step_ids:
            return [self._get_missing_checklist_problem()]
        problems = []
        open_steps = self.step_ids.filtered(
            lambda s: s.state == "todo" and s.kind != "buyer"
        )
        if open_steps:
            problems.append(
                self.env._(
                    "finish or mark not applicable: %(steps)s",
                    steps=", ".join(open_steps.mapped("name")),
                )
            )
        skipped = self.step_ids.filtered(
            lambda s: (
                s.state == "na"
                and s.kind == "legal"
                and not (s.allow_not_applicable and (s.na_reason or "").strip())
            )
        )
        if skipped:
            problems.append(
                self.env._(
                    "reopen and do the steps the law requires (not applicable is "
                    "not allowed for them, or has no reason): %(steps)s",
                    steps=", ".join(skipped.mapped("name")),
                )
            )
        return problems

    def _ensure_checklist_steps(self):
        """Copy the checklist onto open work orders that have none yet: their
        category got its bike type (or its type a checklist) after they were
        created."""
        self.filtered(
            lambda w: w.state in OPEN_STATES and not w.step_ids
        )._create_checklist_steps()

    @api.model
    def _give_missing_checklists(self, domain):
        """Copy their checklist onto the open work orders of ``domain`` that
        have none; returns those work orders."""
        work_orders = self.sudo().search(
            Domain.AND(
                [domain, [("state", "in", OPEN_STATES), ("step_ids", "=", False)]]
            )
        )
        work_orders._create_checklist_steps()
        work_orders = work_orders.filtered("step_ids")
        if work_orders:
            _logger.info("Checklists copied onto work orders %s", work_orders.ids)
        return work_orders

    def _get_missing_checklist_problem(self):
        self.ensure_one()
        category = self.product_id.categ_id
        if not self.bike_type:
            return self.env._(
                "the bike has no checklist because its product category "
                "%(category)s has no bike type: ask the workshop manager to set "
                "the Bike type of %(category)s (Bike workshop > Bike types), then "
                "work through the checklist that appears",
                category=category.display_name,
            )
        return self.env._(
            "%(bike_type)s bikes have no active checklist: ask the workshop manager "
            "to create one (Bike workshop > Checklists), then work through it",
            bike_type=dict(self._fields["bike_type"]._description_selection(self.env))[
                self.bike_type
            ],
        )

    def _action_cancel(self):
        """Cancel the open work orders (those already done stay done)."""
        self.filtered(lambda w: w.state in OPEN_STATES)._with_workflow().write(
            {"state": "cancel"}
        )
