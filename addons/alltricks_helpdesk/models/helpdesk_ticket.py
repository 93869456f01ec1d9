from collections import Counter

from markupsafe import Markup, escape

from odoo import api, fields, models
from odoo.exceptions import UserError

AFTER_SALES_TYPES = ("warranty", "defect")

# Context value that creates tickets without routing them, for server code
# only: a client (JSON-RPC) cannot send this object, so its key has no effect.
NO_AUTO_ASSIGN = object()

# Set by the server only: they measure the agents or link the documents the
# after-sales buttons created.
SERVER_FIELDS = (
    "alltricks_received_date",
    "alltricks_answer_deadline",
    "alltricks_first_answer_date",
    "alltricks_answer_late",
    "alltricks_answer_warned",
    "alltricks_return_picking_id",
    "alltricks_repair_id",
)


class HelpdeskTicket(models.Model):
    _inherit = "helpdesk.ticket"

    alltricks_request_type = fields.Selection(
        selection=[
            ("advice", "Advice"),
            ("order", "Order follow-up"),
            ("warranty", "Warranty"),
            ("defect", "Defective product"),
        ],
        string="Request type",
        default="advice",
        required=True,
        tracking=True,
    )
    alltricks_is_after_sales = fields.Boolean(
        string="After-sales", compute="_compute_alltricks_is_after_sales", store=True
    )
    alltricks_sale_order_id = fields.Many2one(
        comodel_name="sale.order",
        string="Order",
        compute="_compute_alltricks_sale_order_id",
        store=True,
        readonly=False,
        index="btree_not_null",
    )
    alltricks_sale_line_id = fields.Many2one(
        comodel_name="sale.order.line",
        string="Order line",
        domain="[('order_id', '=', alltricks_sale_order_id)]",
    )
    alltricks_product_id = fields.Many2one(
        comodel_name="product.product",
        string="Product",
        compute="_compute_alltricks_product_id",
        store=True,
        readonly=False,
    )
    alltricks_brand_id = fields.Many2one(
        related="alltricks_product_id.product_brand_id", string="Brand", store=True
    )
    alltricks_discipline_id = fields.Many2one(
        comodel_name="alltricks.discipline",
        string="Discipline",
        compute="_compute_alltricks_discipline_id",
        store=True,
        readonly=False,
        tracking=True,
    )

    alltricks_received_date = fields.Datetime(
        string="Received on",
        default=fields.Datetime.now,
        required=True,
        readonly=True,
        copy=False,
    )
    alltricks_received_weekday = fields.Selection(
        selection=[
            ("0", "Monday"),
            ("1", "Tuesday"),
            ("2", "Wednesday"),
            ("3", "Thursday"),
            ("4", "Friday"),
            ("5", "Saturday"),
            ("6", "Sunday"),
        ],
        string="Received weekday",
        compute="_compute_alltricks_received_weekday",
        store=True,
    )
    alltricks_answer_deadline = fields.Datetime(
        string="First answer due",
        compute="_compute_alltricks_answer_deadline",
        store=True,
        tracking=True,
        copy=False,
    )
    alltricks_first_answer_date = fields.Datetime(
        string="First answered on", readonly=True, copy=False
    )
    alltricks_answer_late = fields.Boolean(
        string="First answer late",
        readonly=True,
        copy=False,
        help="The first answer came after its deadline, or the deadline passed "
        "without any answer.",
    )
    alltricks_answer_timing = fields.Selection(
        selection=[("on_time", "On time"), ("late", "Late")],
        string="First answer",
        compute="_compute_alltricks_answer_timing",
        store=True,
        help="For the load and breach reports: Late when the first answer came "
        "after its deadline, or the deadline passed without any answer.",
    )
    alltricks_answer_warned = fields.Boolean(readonly=True, copy=False)

    alltricks_brand_decision = fields.Selection(
        selection=[
            ("pending", "Pending"),
            ("accepted", "Accepted"),
            ("refused", "Refused"),
        ],
        string="Brand decision",
        tracking=True,
        copy=False,
    )
    alltricks_brand_note = fields.Text(string="Brand decision note", copy=False)
    alltricks_return_picking_id = fields.Many2one(
        comodel_name="stock.picking", string="Return", readonly=True, copy=False
    )
    alltricks_repair_id = fields.Many2one(
        comodel_name="repair.order", string="Repair", readonly=True, copy=False
    )

    @api.depends("alltricks_request_type")
    def _compute_alltricks_is_after_sales(self):
        for ticket in self:
            ticket.alltricks_is_after_sales = (
                ticket.alltricks_request_type in AFTER_SALES_TYPES
            )

    @api.depends("alltricks_sale_line_id")
    def _compute_alltricks_sale_order_id(self):
        for ticket in self.filtered("alltricks_sale_line_id"):
            ticket.alltricks_sale_order_id = ticket.alltricks_sale_line_id.order_id

    @api.depends("alltricks_sale_line_id")
    def _compute_alltricks_product_id(self):
        for ticket in self.filtered("alltricks_sale_line_id"):
            ticket.alltricks_product_id = ticket.alltricks_sale_line_id.product_id

    @api.depends("alltricks_answer_late")
    def _compute_alltricks_answer_timing(self):
        for ticket in self:
            ticket.alltricks_answer_timing = (
                "late" if ticket.alltricks_answer_late else "on_time"
            )

    @api.depends(
        "alltricks_product_id.categ_id.alltricks_effective_discipline_id",
        "alltricks_sale_order_id.order_line.product_id.categ_id",
    )
    def _compute_alltricks_discipline_id(self):
        # Whoever chose a discipline (customer on the web form, agent) wins.
        for ticket in self.filtered(lambda t: not t.alltricks_discipline_id):
            ticket.alltricks_discipline_id = ticket._get_alltricks_discipline()

    def _get_alltricks_discipline(self):
        """Discipline of the product, else the most frequent in the order."""
        self.ensure_one()
        field = "alltricks_effective_discipline_id"
        discipline = self.alltricks_product_id.categ_id[field]
        if discipline:
            return discipline
        counts = Counter(
            line.product_id.categ_id[field]
            for line in self.alltricks_sale_order_id.order_line
            if line.product_id.categ_id[field]
        )
        if not counts:
            return self.env["alltricks.discipline"]
        return counts.most_common(1)[0][0]

    @api.depends("alltricks_received_date")
    def _compute_alltricks_received_weekday(self):
        response = self.env["alltricks.helpdesk.response"]
        for ticket in self:
            received = ticket.alltricks_received_date
            ticket.alltricks_received_weekday = (
                str(response._to_local(ticket, received).weekday())
                if received
                else False
            )

    @api.depends(
        "alltricks_received_date",
        "team_id.alltricks_cutoff_hour",
        "team_id.alltricks_answer_hours",
    )
    def _compute_alltricks_answer_deadline(self):
        response = self.env["alltricks.helpdesk.response"]
        for ticket in self:
            if ticket.alltricks_first_answer_date:
                continue  # answered: the target no longer moves
            ticket.alltricks_answer_deadline = response._get_answer_deadline(ticket)

    @api.model
    def default_get(self, fields):
        """No assignee by default: the routing chooses one at creation.

        helpdesk_mgmt's auto-assign puts the current user there, and their first
        team with them, which would bypass the routing.
        """
        defaults = super().default_get(fields)
        if defaults.get("user_id") == self.env.uid and not self.env.context.get(
            "default_user_id"
        ):
            del defaults["user_id"]
        return defaults

    def _check_alltricks_server_fields(self, vals):
        """Refuse the response figures and after-sales links from a client."""
        if self.env.su:
            return
        fields_set = [name for name in SERVER_FIELDS if name in vals]
        if fields_set:
            raise UserError(
                self.env._(
                    "%(fields)s: set by Odoo only (reception, first answer and the "
                    "after-sales buttons), they cannot be written on a ticket.",
                    fields=", ".join(
                        self._fields[name]._description_string(self.env)
                        for name in fields_set
                    ),
                )
            )

    def write(self, vals):
        self._check_alltricks_server_fields(vals)
        self._check_alltricks_assignee(vals)
        return super().write(vals)

    @api.model
    def _check_alltricks_assignee(self, vals):
        """Refuse to give a ticket to a user who is not a helpdesk agent."""
        user = self.env["res.users"].sudo().browse(vals.get("user_id") or [])
        if user and not self._is_alltricks_agent(user):
            raise UserError(
                self.env._(
                    "%(user)s is not a helpdesk agent: pick an agent of the team.",
                    user=user.name,
                )
            )

    @api.model
    def _is_alltricks_agent(self, user):
        """A user with helpdesk rights, or an expert of a team."""
        user = user.sudo()
        return bool(
            user.has_group("helpdesk_mgmt.group_helpdesk_user_own")
            or self.env["alltricks.helpdesk.expert"]
            .sudo()
            .search_count([("user_id", "=", user.id)], limit=1)
        )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            self._check_alltricks_server_fields(vals)
        if self.env.context.get("alltricks_no_auto_assign") is NO_AUTO_ASSIGN:
            for vals in vals_list:
                self._check_alltricks_assignee(vals)
            return super().create(vals_list)
        keepers = [self._get_alltricks_keeper(vals) for vals in vals_list]
        for vals, keeper in zip(vals_list, keepers, strict=True):
            if keeper is not None:
                vals["user_id"] = False
            self._check_alltricks_assignee(vals)
        tickets = super().create(vals_list)
        self.env["alltricks.helpdesk.routing"]._route(
            tickets.filtered(lambda t: not t.user_id),
            keepers={
                ticket.id: keeper
                for ticket, keeper in zip(tickets, keepers, strict=True)
                if keeper
            },
        )
        return tickets

    def _get_alltricks_keeper(self, vals):
        """Who may keep a new ticket when they are one of its experts.

        None: the ticket is dispatched by hand to another agent and keeps that
        assignee. Otherwise the ticket goes through the routing, and the user
        returned (the creator who assigns it to themselves, or any creator when
        the company's auto-assign is on) keeps it if they are an expert of its
        discipline. The superuser, OdooBot, the public user and portal users
        never keep or get a ticket.
        """
        creator = self.env.user
        if "user_id" in vals:
            assignee = self.env["res.users"].browse(vals["user_id"] or [])
            if assignee and assignee != creator and self._is_alltricks_staff(assignee):
                return None
            keeper = assignee
        else:
            company = self.env["res.company"].browse(
                vals.get("company_id") or self.env.company.id
            )
            auto = company.sudo().helpdesk_mgmt_ticket_auto_assign
            keeper = creator if auto else self.env["res.users"]
        return keeper if self._is_alltricks_staff(keeper) else self.env["res.users"]

    @api.model
    def _is_alltricks_staff(self, user):
        user = user.sudo()
        return bool(
            user
            and user.active
            and not user.share
            and not user._is_superuser()
            and not user._is_public()
        )

    def message_post(self, **kwargs):
        """Sign an agent's public answer and date the first one."""
        response = self.env["alltricks.helpdesk.response"]
        agent_answer = len(self) == 1 and response._is_agent_answer(
            kwargs.get("message_type", "notification"),
            kwargs.get("subtype_xmlid"),
            kwargs.get("subtype_id"),
        )
        if agent_answer and kwargs.get("body"):
            body = kwargs["body"]
            if kwargs.get("body_is_html"):
                body = Markup(body)
            kwargs["body"] = escape(body) + response._get_signature(self)
        message = super().message_post(**kwargs)
        if agent_answer and not self.alltricks_first_answer_date:
            answered = message.date or fields.Datetime.now()
            deadline = self.alltricks_answer_deadline
            self.sudo().write(
                {
                    "alltricks_first_answer_date": answered,
                    "alltricks_answer_late": bool(deadline and answered > deadline),
                }
            )
        return message

    def action_alltricks_reroute(self):
        """Send the ticket again through the routing, e.g. after the agent
        corrected its discipline or request type."""
        closed = self.filtered("closed")
        if len(closed) == 1:
            raise UserError(
                self.env._(
                    "Ticket %(ticket)s is closed: reopen it before re-routing it.",
                    ticket=closed.number,
                )
            )
        if closed:
            raise UserError(
                self.env._(
                    "Tickets %(tickets)s are closed: reopen them before "
                    "re-routing them.",
                    tickets=", ".join(closed.mapped("number")),
                )
            )
        self.write({"user_id": False})
        self.env["alltricks.helpdesk.routing"]._route(self)
        return True

    def _check_alltricks_after_sales_user(self):
        if self.env.su or self.env.user.has_group(
            "alltricks_helpdesk.group_after_sales"
        ):
            return
        raise UserError(
            self.env._(
                "Only after-sales technicians create returns and repairs: ask "
                "one of them, or a manager for the After-sales technician role."
            )
        )

    def action_alltricks_create_return(self):
        self.ensure_one()
        self._check_alltricks_after_sales_user()
        after_sales = self.env["alltricks.helpdesk.after.sales"]
        picking = after_sales._create_return(self)
        self.sudo().alltricks_return_picking_id = picking
        return self._get_alltricks_form_action(self.alltricks_return_picking_id)

    def action_alltricks_create_repair(self):
        self.ensure_one()
        self._check_alltricks_after_sales_user()
        after_sales = self.env["alltricks.helpdesk.after.sales"]
        repair = after_sales._create_repair(self)
        self.sudo().alltricks_repair_id = repair
        return self._get_alltricks_form_action(self.alltricks_repair_id)

    def _get_alltricks_form_action(self, record):
        return {
            "type": "ir.actions.act_window",
            "res_model": record._name,
            "res_id": record.id,
            "view_mode": "form",
        }

    @api.model
    def _cron_alltricks_check_answer_deadlines(self):
        self.env["alltricks.helpdesk.response"]._check_answer_deadlines()
