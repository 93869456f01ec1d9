from odoo import api, fields, models
from odoo.exceptions import ValidationError


class HelpdeskTicketTeam(models.Model):
    _inherit = "helpdesk.ticket.team"

    alltricks_after_sales = fields.Boolean(
        string="After-sales team",
        help="Warranty and defect tickets of the company go to this team.",
    )
    alltricks_default_team = fields.Boolean(
        string="Default support team",
        help="New tickets with no team (web form, live chat) land here.",
    )
    alltricks_cutoff_hour = fields.Float(
        string="Same-day cut-off",
        default=16.0,
        help="Tickets received on a working day before this hour are answered "
        "the same day; later ones within the working hours below.",
    )
    alltricks_answer_hours = fields.Float(
        string="Answer within (working hours)",
        default=24.0,
    )
    alltricks_warning_hours = fields.Float(
        string="Warn before breach (hours)",
        default=1.0,
        help="The assigned agent gets a warning activity this long before the "
        "first-answer deadline.",
    )
    alltricks_expert_ids = fields.One2many(
        comodel_name="alltricks.helpdesk.expert",
        inverse_name="team_id",
        string="Experts",
    )

    @api.constrains(
        "alltricks_cutoff_hour", "alltricks_answer_hours", "alltricks_warning_hours"
    )
    def _check_alltricks_response_targets(self):
        for team in self:
            if not 0 <= team.alltricks_cutoff_hour <= 24:
                raise ValidationError(
                    self.env._("The cut-off hour must lie between 0 and 24.")
                )
            if team.alltricks_answer_hours <= 0:
                raise ValidationError(
                    self.env._("The answer time must be a positive number of hours.")
                )
            if team.alltricks_warning_hours < 0:
                raise ValidationError(
                    self.env._(
                        "The warning before a breach cannot be negative: set the "
                        "number of hours before the first-answer deadline."
                    )
                )

    def _alltricks_get_calendar(self):
        self.ensure_one()
        return self.resource_calendar_id or self.company_id.resource_calendar_id
