import logging

from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import UserError

from ..support.assignment import Candidate, pick_least_loaded

_logger = logging.getLogger(__name__)

AFTER_SALES_TYPES = ("warranty", "defect")


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

    @api.depends(
        "alltricks_product_id.categ_id.alltricks_discipline_id",
        "alltricks_sale_order_id.order_line.product_id.categ_id",
    )
    def _compute_alltricks_discipline_id(self):
        # Whoever chose a discipline (customer on the web form, agent) wins.
        for ticket in self.filtered(lambda t: not t.alltricks_discipline_id):
            ticket.alltricks_discipline_id = ticket._get_alltricks_discipline()

    def _get_alltricks_discipline(self):
        """Discipline of the product, else the most frequent in the order."""
        self.ensure_one()
        product_discipline = self.alltricks_product_id.categ_id.alltricks_discipline_id
        if product_discipline:
            return product_discipline
        disciplines = self.alltricks_sale_order_id.order_line.product_id.categ_id
        disciplines = disciplines.mapped("alltricks_discipline_id")
        lines = self.alltricks_sale_order_id.order_line
        return max(
            disciplines,
            key=lambda d: len(
                lines.filtered(
                    lambda line: line.product_id.categ_id.alltricks_discipline_id == d
                )
            ),
            default=disciplines,
        )

    @api.model_create_multi
    def create(self, vals_list):
        tickets = super().create(vals_list)
        if not self.env.context.get("alltricks_no_auto_assign"):
            tickets.filtered(lambda t: not t.user_id)._alltricks_route()
        return tickets

    def action_alltricks_reroute(self):
        """Send the ticket again through the routing, e.g. after the agent
        corrected its discipline or request type."""
        closed = self.filtered("closed")
        if closed:
            raise UserError(
                self.env._(
                    "Ticket %(tickets)s is closed: reopen it before re-routing it.",
                    tickets=", ".join(closed.mapped("number")),
                )
            )
        self.with_context(alltricks_rerouting=True).write({"user_id": False})
        self._alltricks_route()
        return True

    def _alltricks_route(self):
        """Put each ticket in the right team, with the least-loaded expert."""
        for ticket in self:
            team = ticket._get_alltricks_target_team()
            if team and team != ticket.team_id:
                ticket.team_id = team
            experts = ticket._get_alltricks_candidate_experts()
            loads = experts._get_open_ticket_loads()
            key = pick_least_loaded(
                Candidate(
                    key=expert.id,
                    load=loads.get(expert.user_id.id, 0),
                    max_load=expert.max_load,
                    available=expert.available,
                )
                for expert in experts
            )
            expert = experts.browse(key)
            _logger.debug(
                "Ticket %s routed to team %s, expert %s among %s (loads %s)",
                ticket.number,
                ticket.team_id.id,
                expert.user_id.id,
                experts.ids,
                loads,
            )
            if expert:
                ticket.user_id = expert.user_id
            ticket._post_alltricks_routing_note(expert)

    def _get_alltricks_target_team(self):
        """After-sales team for warranty and defects, else the ticket's team,
        else the company's default support team."""
        self.ensure_one()
        if self.team_id and not self.alltricks_is_after_sales:
            return self.team_id
        flag = (
            "alltricks_after_sales"
            if self.alltricks_is_after_sales
            else "alltricks_default_team"
        )
        team = (
            self.env["helpdesk.ticket.team"]
            .sudo()
            .search(
                [(flag, "=", True), ("company_id", "in", [self.company_id.id, False])],
                limit=1,
            )
        )
        return team or self.team_id

    def _get_alltricks_candidate_experts(self):
        """Experts of the ticket's team able to answer it, in routing order.

        After-sales experts take any discipline; the others only theirs. The
        customer who wrote the ticket never gets it, even if they are staff.
        """
        self.ensure_one()
        experts = self.team_id.sudo().alltricks_expert_ids
        if not self.alltricks_is_after_sales:
            if not self.alltricks_discipline_id:
                return experts.browse()
            experts = experts.filtered(
                lambda e: self.alltricks_discipline_id in e.discipline_ids
            )
        return experts.filtered(
            lambda e: (
                e.user_id.partner_id != self.partner_id
                and e.user_id.active
                and not e.user_id.share
            )
        )

    def _post_alltricks_routing_note(self, expert):
        self.ensure_one()
        discipline = self.alltricks_discipline_id.name or self.env._("none")
        if expert:
            body = self.env._(
                "Routed to %(agent)s, expert of discipline %(discipline)s.",
                agent=expert.user_id.name,
                discipline=discipline,
            )
        else:
            body = self.env._(
                "No expert available for discipline %(discipline)s: the ticket "
                "waits unassigned in team %(team)s.",
                discipline=discipline,
                team=self.team_id.display_name or self.env._("(no team)"),
            )
        self.sudo().message_post(
            body=Markup("<p>%s</p>") % body,
            subtype_xmlid="mail.mt_note",
            author_id=self.env.ref("base.partner_root").id,
        )
