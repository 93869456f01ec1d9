from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from .alltricks_suspension_setting import COMPONENTS, get_value_problems

VALUE_FIELDS = ("pressure_psi", "rebound_clicks", "sag_percent")


class AlltricksBikePrepSuspension(models.Model):
    """Set-up values of one suspension element of a prepared bike."""

    _name = "alltricks.bike.prep.suspension"
    _description = "Suspension set-up of a bike work order"
    _order = "work_order_id, component"

    work_order_id = fields.Many2one(
        "alltricks.bike.prep", required=True, index=True, ondelete="cascade"
    )
    company_id = fields.Many2one(related="work_order_id.company_id", store=True)
    component = fields.Selection(COMPONENTS, required=True)
    model_name = fields.Char(string="Model", required=True)
    setting_id = fields.Many2one(
        "alltricks.suspension.setting", string="Table row", readonly=True
    )
    source = fields.Selection(
        [("table", "Settings table"), ("manual", "Entered by the mechanic")],
        required=True,
        default="table",
        readonly=True,
    )
    message = fields.Char(readonly=True)
    pressure_psi = fields.Float(string="Pressure (psi)")
    rebound_clicks = fields.Integer(string="Rebound (clicks)")
    sag_percent = fields.Float(string="Sag (%)")
    set_by_id = fields.Many2one("res.users", string="Entered by", readonly=True)
    set_date = fields.Datetime(string="Entered at", readonly=True)

    @api.constrains("pressure_psi", "rebound_clicks", "sag_percent")
    def _check_values(self):
        for line in self:
            problems = get_value_problems(
                self.env,
                line.pressure_psi,
                line.rebound_clicks,
                line.sag_percent,
                allow_empty=True,
            )
            if problems:
                raise ValidationError(
                    self.env._(
                        "%(model)s: enter %(what)s, from the manufacturer's chart.",
                        model=line.model_name,
                        what=", ".join(problems),
                    )
                )

    def write(self, vals):
        # the context key is honoured for the superuser only: a client may send it
        syncing = self.env.su and self.env.context.get("alltricks_suspension_sync")
        if not self.env.su:
            self._check_mechanic_write(vals)
        if not syncing and any(name in vals for name in VALUE_FIELDS):
            vals = dict(
                vals,
                source="manual",
                set_by_id=self.env.user.id,
                set_date=fields.Datetime.now(),
            )
        return super().write(vals)

    def _check_mechanic_write(self, vals):
        """Users type the values of an open work order; the model and the
        table row come from the bike and the settings table."""
        if set(vals) - set(VALUE_FIELDS):
            raise UserError(
                self.env._(
                    "Only the pressure, rebound and sag of a suspension line can be "
                    "typed: its model comes from the bike's product form and its "
                    "table row from the suspension settings."
                )
            )
        closed = self.work_order_id.filtered(lambda w: w.state in ("done", "cancel"))
        if closed:
            raise UserError(
                self.env._(
                    "%(names)s is done or cancelled: its suspension values can no "
                    "longer be changed. A workshop manager can Reopen a done work "
                    "order that has not left yet to correct it.",
                    names=", ".join(closed.mapped("name")),
                )
            )

    @api.model
    def _get_components(self, product):
        template = product.product_tmpl_id
        return [
            (component, model)
            for component, model in (
                ("fork", template.alltricks_fork_model),
                ("shock", template.alltricks_shock_model),
            )
            if model
        ]

    @api.model
    def _sync_for(self, work_orders):
        """Refresh the set-up lines of ``work_orders`` from the settings table.

        Values entered by a mechanic are kept when the table still has no row.
        """
        lines = self.sudo().with_context(alltricks_suspension_sync=True)
        settings = self.env["alltricks.suspension.setting"].sudo()
        for work_order in work_orders:
            existing = {
                line.component: line for line in work_order.sudo().suspension_ids
            }
            for component, model in self._get_components(work_order.product_id):
                line = existing.pop(component, None)
                vals = {"component": component, "model_name": model}
                row = settings._get_for_weight(
                    component, model, work_order.rider_weight
                )
                if row and work_order.rider_weight:
                    vals.update(self._prepare_values_from_row(row))
                else:
                    if line and line.source == "table":
                        # values of another weight range must not stay on the bike
                        vals.update(dict.fromkeys(VALUE_FIELDS, 0))
                    vals.update(
                        setting_id=False,
                        source="manual",
                        message=self._get_manual_reason(work_order, component, model),
                    )
                if line:
                    line.with_context(alltricks_suspension_sync=True).write(vals)
                else:
                    lines.create(dict(vals, work_order_id=work_order.id))
            for line in existing.values():
                line.unlink()

    @api.model
    def _prepare_values_from_row(self, row):
        return {
            "setting_id": row.id,
            "source": "table",
            "message": False,
            "pressure_psi": row.pressure_psi,
            "rebound_clicks": row.rebound_clicks,
            "sag_percent": row.sag_percent,
            "set_by_id": False,
            "set_date": False,
        }

    @api.model
    def _get_manual_reason(self, work_order, component, model):
        settings = self.env["alltricks.suspension.setting"].sudo()
        span = settings._get_weight_span(component, model)
        if not span:
            return self.env._(
                "No settings table for %(model)s: enter pressure, rebound and sag "
                "from the manufacturer's chart.",
                model=model,
            )
        if not work_order.rider_weight:
            return self.env._(
                "Rider weight unknown: ask the customer, or enter the values."
            )
        return self.env._(
            "Rider weight %(weight)s kg is outside the %(model)s table "
            "(%(low)s to %(high)s kg): enter the values yourself.",
            weight=work_order.rider_weight,
            model=model,
            low=span[0],
            high=span[1],
        )

    def _get_missing_value_problems(self):
        """What Mark done asks for: each line's values missing or out of
        bounds, with the reason the table gave none when there is one."""
        problems = []
        for line in self:
            values = get_value_problems(
                self.env, line.pressure_psi, line.rebound_clicks, line.sag_percent
            )
            if not values:
                continue
            problem = self.env._(
                "enter for the %(model)s %(values)s",
                model=line.model_name,
                values=", ".join(values),
            )
            if line.message:
                problem = self.env._(
                    "%(problem)s (%(why)s)", problem=problem, why=line.message
                )
            problems.append(problem)
        return problems
