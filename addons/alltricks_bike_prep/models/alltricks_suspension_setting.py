from odoo import api, fields, models
from odoo.exceptions import ValidationError

COMPONENTS = [("fork", "Fork"), ("shock", "Rear shock")]


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
