"""First-answer target of a ticket: deadline, first answer, breach, warning."""

import logging
from datetime import timedelta

import pytz
from markupsafe import Markup, escape

from odoo import api, fields, models

from ..support.deadline import first_answer_deadline

_logger = logging.getLogger(__name__)

# Calendar span searched for working time: covers holidays and long weekends.
SEARCH_DAYS = 30


class HelpdeskTicket(models.Model):
    _inherit = "helpdesk.ticket"

    alltricks_received_date = fields.Datetime(
        string="Received on", default=fields.Datetime.now, required=True, copy=False
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
    alltricks_answer_warned = fields.Boolean(readonly=True, copy=False)

    @api.depends("alltricks_received_date")
    def _compute_alltricks_received_weekday(self):
        for ticket in self:
            received = ticket.alltricks_received_date
            ticket.alltricks_received_weekday = (
                str(ticket._alltricks_to_local(received).weekday())
                if received
                else False
            )

    @api.depends(
        "alltricks_received_date",
        "team_id.alltricks_cutoff_hour",
        "team_id.alltricks_answer_hours",
    )
    def _compute_alltricks_answer_deadline(self):
        for ticket in self:
            if ticket.alltricks_first_answer_date:
                continue  # answered: the target no longer moves
            ticket.alltricks_answer_deadline = ticket._get_alltricks_answer_deadline()

    def _alltricks_get_tz(self):
        calendar = self.team_id._alltricks_get_calendar() if self.team_id else None
        calendar = calendar or self.env.company.resource_calendar_id
        return pytz.timezone(calendar.tz or "Europe/Paris")

    def _alltricks_to_local(self, utc_naive):
        tz = self._alltricks_get_tz()
        return pytz.utc.localize(utc_naive).astimezone(tz).replace(tzinfo=None)

    def _get_alltricks_answer_deadline(self):
        """UTC naive deadline from the team's calendar and cut-off."""
        self.ensure_one()
        team = self.team_id
        calendar = team._alltricks_get_calendar() if team else None
        calendar = calendar or self.company_id.resource_calendar_id
        if not (self.alltricks_received_date and calendar):
            return False
        tz = pytz.timezone(calendar.tz or "Europe/Paris")
        start = pytz.utc.localize(self.alltricks_received_date)
        end = start + timedelta(days=SEARCH_DAYS)
        intervals = [
            (
                begin.astimezone(tz).replace(tzinfo=None),
                stop.astimezone(tz).replace(tzinfo=None),
            )
            for begin, stop, _meta in calendar._work_intervals_batch(start, end)[False]
        ]
        deadline = first_answer_deadline(
            start.astimezone(tz).replace(tzinfo=None),
            intervals,
            cutoff_hour=team.alltricks_cutoff_hour if team else 16.0,
            hours=team.alltricks_answer_hours if team else 24.0,
        )
        if not deadline:
            _logger.warning(
                "Ticket %s: no working time in calendar %s within %s days",
                self.number,
                calendar.name,
                SEARCH_DAYS,
            )
            return False
        return tz.localize(deadline).astimezone(pytz.utc).replace(tzinfo=None)

    # ------------------------------------------------------------------
    # Answers: signature and first-answer time
    # ------------------------------------------------------------------

    def _alltricks_is_agent_answer(self, message_type, subtype_xmlid, subtype_id):
        user = self.env.user
        if user.share or user._is_public() or message_type != "comment":
            return False
        comment = self.env.ref("mail.mt_comment")
        return subtype_xmlid == "mail.mt_comment" or subtype_id == comment.id

    def _get_alltricks_signature(self):
        user = self.env.user
        expert = self.team_id.sudo().alltricks_expert_ids.filtered(
            lambda e: e.user_id == user
        )[:1]
        if expert and self.alltricks_discipline_id in expert.discipline_ids:
            role = self.env._(
                "%(discipline)s expert", discipline=self.alltricks_discipline_id.name
            )
        else:
            role = self.team_id.name or self.env._("Customer service")
        return Markup('<p class="o_alltricks_signature">-- %s, %s, %s</p>') % (
            escape(user.name),
            escape(role),
            escape(self.company_id.name),
        )

    def message_post(self, **kwargs):
        agent_answer = len(self) == 1 and self._alltricks_is_agent_answer(
            kwargs.get("message_type", "notification"),
            kwargs.get("subtype_xmlid"),
            kwargs.get("subtype_id"),
        )
        if agent_answer and kwargs.get("body"):
            body = kwargs["body"]
            if kwargs.get("body_is_html"):
                body = Markup(body)
            kwargs["body"] = escape(body) + self._get_alltricks_signature()
        message = super().message_post(**kwargs)
        if agent_answer and not self.alltricks_first_answer_date:
            self._alltricks_record_first_answer(message.date or fields.Datetime.now())
        return message

    def _alltricks_record_first_answer(self, answered):
        deadline = self.alltricks_answer_deadline
        self.sudo().write(
            {
                "alltricks_first_answer_date": answered,
                "alltricks_answer_late": bool(deadline and answered > deadline),
            }
        )

    # ------------------------------------------------------------------
    # Cron
    # ------------------------------------------------------------------

    @api.model
    def _cron_alltricks_check_answer_deadlines(self):
        """Warn agents before a breach and flag unanswered tickets past due."""
        now = fields.Datetime.now()
        pending = self.search(
            [
                ("alltricks_first_answer_date", "=", False),
                ("alltricks_answer_deadline", "!=", False),
                ("stage_id.closed", "=", False),
            ]
        )
        late = pending.filtered(
            lambda t: t.alltricks_answer_deadline <= now and not t.alltricks_answer_late
        )
        late.write({"alltricks_answer_late": True})
        to_warn = pending.filtered(
            lambda t: (
                not t.alltricks_answer_warned
                and t.alltricks_answer_deadline
                <= now + timedelta(hours=t.team_id.alltricks_warning_hours or 1.0)
            )
        )
        for ticket in to_warn:
            ticket._alltricks_schedule_warning()
        to_warn.write({"alltricks_answer_warned": True})
        _logger.info(
            "Answer deadlines: %s ticket(s) late, %s warning(s)",
            len(late),
            len(to_warn),
        )

    def _alltricks_schedule_warning(self):
        self.ensure_one()
        user = self.user_id or self.team_id.user_id
        self.activity_schedule(
            "mail.mail_activity_data_warning",
            date_deadline=self._alltricks_to_local(
                self.alltricks_answer_deadline
            ).date(),
            summary=self.env._("First answer due soon"),
            note=self.env._(
                "The customer expects a first answer before %(deadline)s.",
                deadline=fields.Datetime.to_string(
                    self._alltricks_to_local(self.alltricks_answer_deadline)
                ),
            ),
            user_id=(user or self.env.ref("base.user_root")).id,
        )
