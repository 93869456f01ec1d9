"""First-answer target of tickets: deadline, signature, warnings."""

import logging
from datetime import timedelta

import pytz
from markupsafe import Markup, escape

from odoo import fields, models

from ..support.deadline import first_answer_deadline

_logger = logging.getLogger(__name__)

# Calendar span searched for working time: covers holidays and long weekends.
SEARCH_DAYS = 30


class AlltricksHelpdeskResponse(models.AbstractModel):
    """Service model: inherit it to change the targets or the signature."""

    _name = "alltricks.helpdesk.response"
    _description = "Support first-answer targets"

    def _get_team(self, ticket):
        """The ticket's team, else the default support team whose rules apply
        to the tickets that wait without a team."""
        routing = self.env["alltricks.helpdesk.routing"]
        return ticket.team_id or routing._get_default_team(ticket.company_id)

    def _get_calendar(self, ticket):
        team = self._get_team(ticket)
        return (
            team.resource_calendar_id
            or team.company_id.resource_calendar_id
            or ticket.company_id.resource_calendar_id
        )

    def _get_tz(self, ticket):
        return pytz.timezone(self._get_calendar(ticket).tz or "Europe/Paris")

    def _to_local(self, ticket, utc_naive):
        tz = self._get_tz(ticket)
        return pytz.utc.localize(utc_naive).astimezone(tz).replace(tzinfo=None)

    def _get_answer_deadline(self, ticket):
        """UTC naive deadline from the team's calendar and cut-off."""
        calendar = self._get_calendar(ticket)
        if not (ticket.alltricks_received_date and calendar):
            return False
        tz = self._get_tz(ticket)
        start = pytz.utc.localize(ticket.alltricks_received_date)
        end = start + timedelta(days=SEARCH_DAYS)
        intervals = [
            (
                begin.astimezone(tz).replace(tzinfo=None),
                stop.astimezone(tz).replace(tzinfo=None),
            )
            for begin, stop, _meta in calendar._work_intervals_batch(start, end)[False]
        ]
        team = self._get_team(ticket)
        deadline = first_answer_deadline(
            start.astimezone(tz).replace(tzinfo=None),
            intervals,
            cutoff_hour=team.alltricks_cutoff_hour if team else 16.0,
            hours=team.alltricks_answer_hours if team else 24.0,
        )
        if not deadline:
            _logger.warning(
                "Ticket %s: not enough working time in calendar %s within %s days",
                ticket.number,
                calendar.name,
                SEARCH_DAYS,
            )
            return False
        return tz.localize(deadline).astimezone(pytz.utc).replace(tzinfo=None)

    def _is_agent_answer(self, message_type, subtype_xmlid, subtype_id):
        """A public message written by an internal user."""
        user = self.env.user
        if user.share or user._is_public() or message_type != "comment":
            return False
        comment = self.env.ref("mail.mt_comment")
        return subtype_xmlid == "mail.mt_comment" or subtype_id == comment.id

    def _get_signature(self, ticket):
        user = self.env.user
        expert = ticket.team_id.sudo().alltricks_expert_ids.filtered(
            lambda e: e.user_id == user
        )[:1]
        if expert and ticket.alltricks_discipline_id in expert.discipline_ids:
            role = self.env._(
                "%(discipline)s expert", discipline=ticket.alltricks_discipline_id.name
            )
        else:
            role = ticket.team_id.name or self.env._("Customer service")
        return Markup('<p class="o_alltricks_signature">-- %s, %s, %s</p>') % (
            escape(user.name),
            escape(role),
            escape(ticket.company_id.name),
        )

    def _check_answer_deadlines(self):
        """Warn agents before a breach and flag unanswered tickets past due."""
        now = fields.Datetime.now()
        pending = self.env["helpdesk.ticket"].search(
            [
                ("alltricks_first_answer_date", "=", False),
                ("alltricks_answer_deadline", "!=", False),
                ("stage_id.closed", "=", False),
            ]
        )
        late = pending.filtered(
            lambda t: t.alltricks_answer_deadline <= now and not t.alltricks_answer_late
        )
        late.sudo().write({"alltricks_answer_late": True})
        to_warn = pending.filtered(
            lambda t: (
                not t.alltricks_answer_warned
                and t.alltricks_answer_deadline
                <= now + timedelta(hours=t.team_id.alltricks_warning_hours or 1.0)
            )
        )
        for ticket in to_warn:
            self._schedule_warning(ticket)
        to_warn.sudo().write({"alltricks_answer_warned": True})
        _logger.info(
            "Answer deadlines: %s ticket(s) late, %s warning(s)",
            len(late),
            len(to_warn),
        )

    def _schedule_warning(self, ticket):
        user = ticket.user_id or ticket.team_id.user_id
        local_deadline = self._to_local(ticket, ticket.alltricks_answer_deadline)
        ticket.activity_schedule(
            "mail.mail_activity_data_warning",
            date_deadline=local_deadline.date(),
            summary=self.env._("First answer due soon"),
            note=self.env._(
                "The customer expects a first answer before %(deadline)s.",
                deadline=fields.Datetime.to_string(local_deadline),
            ),
            user_id=(user or self.env.ref("base.user_root")).id,
        )
