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

    def _route(self, tickets):
        for ticket in tickets:
            team = self._get_target_team(ticket)
            if team and team != ticket.team_id:
                ticket.team_id = team
            experts = self._get_candidate_experts(ticket)
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
            self._post_routing_note(ticket, expert)

    def _get_target_team(self, ticket):
        """After-sales team for warranty and defects, else the ticket's team,
        else the company's default support team."""
        if ticket.team_id and not ticket.alltricks_is_after_sales:
            return ticket.team_id
        flag = (
            "alltricks_after_sales"
            if ticket.alltricks_is_after_sales
            else "alltricks_default_team"
        )
        team = (
            self.env["helpdesk.ticket.team"]
            .sudo()
            .search(
                [
                    (flag, "=", True),
                    ("company_id", "in", [ticket.company_id.id, False]),
                ],
                limit=1,
            )
        )
        return team or ticket.team_id

    def _get_candidate_experts(self, ticket):
        """Experts of the ticket's team able to answer it, in routing order.

        After-sales experts take any discipline; the others only theirs. The
        customer who wrote the ticket never gets it, even if they are staff.
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
            )
        )

    def _post_routing_note(self, ticket, expert):
        ticket.sudo().message_post(
            body=Markup("<p>%s</p>") % self._get_routing_note(ticket, expert),
            subtype_xmlid="mail.mt_note",
            author_id=self.env.ref("base.partner_root").id,
        )

    def _get_routing_note(self, ticket, expert):
        """Tell the agents who got the ticket, or what to do when nobody did."""
        discipline = ticket.alltricks_discipline_id.name
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
