from odoo import api, fields, models
from odoo.exceptions import ValidationError


class AlltricksHelpdeskExpert(models.Model):
    _name = "alltricks.helpdesk.expert"
    _description = "Support expert"
    _order = "sequence, id"
    _check_company_auto = True

    user_id = fields.Many2one(
        comodel_name="res.users",
        string="Agent",
        required=True,
        ondelete="cascade",
        domain=[("share", "=", False)],
        check_company=True,
    )
    team_id = fields.Many2one(
        comodel_name="helpdesk.ticket.team",
        required=True,
        ondelete="cascade",
        check_company=True,
    )
    company_id = fields.Many2one(
        comodel_name="res.company",
        required=True,
        default=lambda self: self.env.company,
    )
    discipline_ids = fields.Many2many(
        comodel_name="alltricks.discipline",
        relation="alltricks_helpdesk_expert_discipline_rel",
        column1="expert_id",
        column2="discipline_id",
        string="Disciplines",
    )
    sequence = fields.Integer(default=10)
    available = fields.Boolean(
        default=True,
        help="Untick when the agent is away: new tickets skip them.",
    )
    max_load = fields.Integer(
        default=30,
        help="Open tickets above which the agent gets no new ticket; 0: no limit.",
    )
    open_ticket_count = fields.Integer(
        string="Open tickets", compute="_compute_open_ticket_count"
    )

    _user_team_unique = models.Constraint(
        "UNIQUE(user_id, team_id)", "An agent is an expert of a team only once."
    )

    @api.constrains("user_id")
    def _check_user_internal(self):
        for expert in self:
            if expert.user_id.share:
                raise ValidationError(
                    self.env._(
                        "%(user)s is a portal user: only internal users can be "
                        "experts of a team.",
                        user=expert.user_id.name,
                    )
                )

    @api.constrains("max_load")
    def _check_max_load(self):
        for expert in self:
            if expert.max_load < 0:
                raise ValidationError(
                    self.env._(
                        "The maximum load of %(user)s cannot be negative: set a "
                        "number of open tickets, or 0 for no limit.",
                        user=expert.user_id.name,
                    )
                )

    def _compute_open_ticket_count(self):
        loads = self._get_open_ticket_loads()
        for expert in self:
            expert.open_ticket_count = loads.get(expert.user_id.id, 0)

    @api.model_create_multi
    def create(self, vals_list):
        experts = super().create(vals_list)
        experts._add_to_team()
        return experts

    def write(self, vals):
        result = super().write(vals)
        if {"user_id", "team_id"} & set(vals):
            self._add_to_team()
        return result

    def _add_to_team(self):
        # helpdesk_mgmt clears a ticket's user who is not a team member, so an
        # expert must belong to the team's members.
        for expert in self.sudo():
            if expert.user_id not in expert.team_id.user_ids:
                expert.team_id.user_ids = [fields.Command.link(expert.user_id.id)]

    def _get_open_ticket_loads(self):
        """Open tickets assigned to each expert's user, all teams together."""
        groups = (
            self.env["helpdesk.ticket"]
            .sudo()
            ._read_group(
                [
                    ("user_id", "in", self.user_id.ids),
                    ("stage_id.closed", "=", False),
                ],
                groupby=["user_id"],
                aggregates=["__count"],
            )
        )
        return {user.id: count for user, count in groups}
