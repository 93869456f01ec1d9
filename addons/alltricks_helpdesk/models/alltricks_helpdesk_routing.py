import logging

from markupsafe import Markup

from odoo import models

from ..support.assignment import Candidate, pick_least_loaded

_logger = logging.getLogger(__name__)


class AlltricksHelpdeskRouting(models.AbstractModel):
    """Puts tickets in the right team, with the least-loaded expert.

    A service model: inherit it to change how teams or experts are chosen.
    """

    _name = "alltricks.helpdesk.routing"
    _description = "Support ticket routing"

    def _route(self, tickets, keepers=None):
        """Give each ticket a team and an expert.

        ``keepers`` maps a ticket id to the user who created it on a call: that
        user keeps the ticket when they are one of its candidate experts,
        whatever their load, since the customer is already talking to them.
        """
        keepers = keepers or {}
        for ticket in tickets:
            team = self._get_target_team(ticket)
            if team and team != ticket.team_id:
                ticket.team_id = team
            experts = self._get_candidate_experts(ticket)
            keeper = experts.filtered(
                lambda e, t=ticket: e.user_id == keepers.get(t.id)
            )[:1]
            expert = keeper or self._pick_expert(ticket, experts)
            if expert:
                ticket.user_id = expert.user_id
            self._post_routing_note(ticket, expert, kept=bool(keeper))

    def _pick_expert(self, ticket, experts):
        """The least-loaded available expert with room, or an empty recordset."""
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
        return expert

    def _get_default_team(self, company):
        """The company's default support team (or one shared by all companies)."""
        return self._search_team(company, "alltricks_default_team")

    def _search_team(self, company, flag):
        return (
            self.env["helpdesk.ticket.team"]
            .sudo()
            .search(
                [(flag, "=", True), ("company_id", "in", [company.id, False])],
                limit=1,
            )
        )

    def _get_target_team(self, ticket):
        """After-sales team for warranty and defects. Otherwise a team with an
        expert of the ticket's discipline: the ticket's own, else the default
        support team, else the first such team. Without discipline the ticket's
        team, else the default support team."""
        if ticket.alltricks_is_after_sales:
            return (
                self._search_team(ticket.company_id, "alltricks_after_sales")
                or ticket.team_id
            )
        default = self._get_default_team(ticket.company_id)
        discipline = ticket.alltricks_discipline_id
        if not discipline:
            return ticket.team_id or default
        # A team is competent when one of its experts has the discipline,
        # available or not: availability only decides who gets the ticket.
        experts = discipline.sudo().expert_ids.filtered(
            lambda e: e.company_id == ticket.company_id
        )
        for team in ticket.team_id.sudo() | default:
            if team in experts.team_id:
                return team
        return experts.team_id.sorted()[:1] or default or ticket.team_id

    def _get_candidate_experts(self, ticket):
        """Experts of the ticket's team able to answer it, in routing order.

        After-sales experts take any discipline; the others only theirs. The
        customer who wrote the ticket never gets it, even if they are staff,
        and neither does the superuser (OdooBot).
        """
        experts = ticket.team_id.sudo().alltricks_expert_ids
        if not ticket.alltricks_is_after_sales:
            if not ticket.alltricks_discipline_id:
                return experts.browse()
            experts = experts.filtered(
                lambda e: ticket.alltricks_discipline_id in e.discipline_ids
            )
        return experts.filtered(
            lambda e: (
                e.user_id.partner_id != ticket.partner_id
                and e.user_id.active
                and not e.user_id.share
                and not e.user_id._is_superuser()
            )
        )

    def _post_routing_note(self, ticket, expert, kept=False):
        ticket.sudo().message_post(
            body=Markup("<p>%s</p>") % self._get_routing_note(ticket, expert, kept),
            subtype_xmlid="mail.mt_note",
            author_id=self.env.ref("base.partner_root").id,
        )

    def _get_routing_note(self, ticket, expert, kept=False):
        """Tell the agents who got the ticket, or what to do when nobody did."""
        discipline = ticket.alltricks_discipline_id.name
        if kept:
            if ticket.alltricks_is_after_sales:
                return self.env._(
                    "Kept by %(agent)s, who created it and is an after-sales expert.",
                    agent=expert.user_id.name,
                )
            return self.env._(
                "Kept by %(agent)s, who created it and is an expert of discipline "
                "%(discipline)s.",
                agent=expert.user_id.name,
                discipline=discipline,
            )
        if expert:
            if ticket.alltricks_is_after_sales:
                return self.env._(
                    "Routed to %(agent)s, after-sales expert.",
                    agent=expert.user_id.name,
                )
            return self.env._(
                "Routed to %(agent)s, expert of discipline %(discipline)s.",
                agent=expert.user_id.name,
                discipline=discipline,
            )
        team = ticket.team_id.display_name
        if ticket.alltricks_is_after_sales:
            reason = self.env._("No after-sales expert available.")
        elif not discipline:
            reason = self.env._(
                "No discipline set: triage by hand. Set the discipline, then "
                "re-route the ticket to give it to an expert."
            )
        else:
            reason = self.env._(
                "No expert available for discipline %(discipline)s.",
                discipline=discipline,
            )
        if team:
            waiting = self.env._(
                "The ticket waits unassigned in team %(team)s.", team=team
            )
        else:
            waiting = self.env._("The ticket waits unassigned, with no team.")
        return f"{reason} {waiting}"
