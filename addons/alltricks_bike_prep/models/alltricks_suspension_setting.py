from odoo import api, fields, models
from odoo.exceptions import ValidationError

COMPONENTS = [("fork", "Fork"), ("shock", "Rear shock")]
# Plausible set-up values of an air fork or shock: beyond them the figure is a
# typo (or another unit), not a setting.
MAX_PRESSURE_PSI = 400.0
MAX_SAG_PERCENT = 50.0
MAX_REBOUND_CLICKS = 40


def get_value_problems(env, pressure, rebound, sag, allow_empty=False):
    """What to enter for set-up values out of their bounds; with ``allow_empty``
    a pressure or sag of 0 means "not entered yet" and is accepted."""
    problems = []
    if not (allow_empty and pressure == 0) and not 0 < pressure <= MAX_PRESSURE_PSI:
        problems.append(
            env._(
                "a pressure above 0 and up to %(max)s psi",
                max=int(MAX_PRESSURE_PSI),
            )
        )
    if not 0 <= rebound <= MAX_REBOUND_CLICKS:
        problems.append(
            env._(
                "a rebound of 0 to %(max)s clicks out from fully closed",
                max=MAX_REBOUND_CLICKS,
            )
        )
    if not (allow_empty and sag == 0) and not 0 < sag <= MAX_SAG_PERCENT:
        problems.append(
            env._(
                "a sag above 0 and up to %(max)s %% of the travel",
                max=int(MAX_SAG_PERCENT),
            )
        )
    return problems


class AlltricksSuspensionSetting(models.Model):
    """One row of a manufacturer's set-up chart: a weight range of one model."""

    _name = "alltricks.suspension.setting"
    _description = "Suspension setting by rider weight"
    _order = "component, model_name, weight_min"
    _rec_name = "model_name"

    component = fields.Selection(COMPONENTS, required=True, default="fork")
    model_name = fields.Char(string="Model", required=True, index=True)
    weight_min = fields.Float(
        string="From (kg)", required=True, help="Included in the range."
    )
    weight_max = fields.Float(
        string="To (kg)", required=True, help="Excluded from the range."
    )
    pressure_psi = fields.Float(string="Pressure (psi)", required=True)
    rebound_clicks = fields.Integer(
        string="Rebound (clicks)", help="Clicks out from fully closed."
    )
    sag_percent = fields.Float(string="Sag (%)", required=True)
    active = fields.Boolean(default=True)

    @api.constrains("weight_min", "weight_max", "component", "model_name", "active")
    def _check_weight_range(self):
        for setting in self:
            if not 0 <= setting.weight_min < setting.weight_max:
                raise ValidationError(
                    self.env._(
                        "%(model)s: the weight range must start at 0 kg or more and "
                        "end above its start.",
                        model=setting.model_name,
                    )
                )
            overlapping = self.search_count(
                [
                    ("id", "!=", setting.id),
                    ("component", "=", setting.component),
                    ("model_name", "=ilike", setting.model_name),
                    ("weight_min", "<", setting.weight_max),
                    ("weight_max", ">", setting.weight_min),
                ]
            )
            if overlapping:
                raise ValidationError(
                    self.env._(
                        "%(model)s: the range %(min)s-%(max)s kg overlaps another "
                        "row of the same model.",
                        model=setting.model_name,
                        min=setting.weight_min,
                        max=setting.weight_max,
                    )
                )

    @api.constrains("pressure_psi", "rebound_clicks", "sag_percent")
    def _check_values(self):
        for setting in self:
            problems = get_value_problems(
                self.env,
                setting.pressure_psi,
                setting.rebound_clicks,
                setting.sag_percent,
            )
            if problems:
                raise ValidationError(
                    self.env._(
                        "%(model)s %(low)s-%(high)s kg: enter %(what)s, as in the "
                        "manufacturer's chart.",
                        model=setting.model_name,
                        low=setting.weight_min,
                        high=setting.weight_max,
                        what=", ".join(problems),
                    )
                )

    @api.model
    def _get_for_weight(self, component, model_name, weight):
        """The row whose range [weight_min, weight_max) holds ``weight``."""
        return self.search(
            [
                ("component", "=", component),
                ("model_name", "=ilike", model_name),
                ("weight_min", "<=", weight),
                ("weight_max", ">", weight),
            ],
            limit=1,
        )

    @api.model
    def _get_weight_span(self, component, model_name):
        """(lowest, highest) weight the table covers for a model, or None."""
        rows = self.search(
            [("component", "=", component), ("model_name", "=ilike", model_name)]
        )
        if not rows:
            return None
        return min(rows.mapped("weight_min")), max(rows.mapped("weight_max"))
