import logging

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError

from .. import sampling

_logger = logging.getLogger(__name__)


class AlltricksBikePrepQcMixin(models.AbstractModel):
    """Quality control by sampling, mixed into the bike work order."""

    _name = "alltricks.bike.prep.qc.mixin"
    _description = "Quality control of bike work orders"

    qc_state = fields.Selection(
        [
            ("none", "Not sampled"),
            ("pending", "To check"),
            ("passed", "Passed"),
            ("failed", "Failed"),
        ],
        string="Quality check",
        default="none",
        required=True,
        copy=False,
        tracking=True,
        index=True,
    )
    qc_bike_number = fields.Integer(
        string="Mechanic's bike no.",
        readonly=True,
        copy=False,
        help="Rank of this bike among the bikes finished by its mechanic; every "
        "n-th one is checked.",
    )
    is_ready_to_ship = fields.Boolean(
        compute="_compute_is_ready_to_ship",
        help="Done, and its quality check passed when it was sampled.",
    )

    @api.depends("state", "qc_state")
    def _compute_is_ready_to_ship(self):
        for work_order in self:
            work_order.is_ready_to_ship = work_order.state == "done" and (
                work_order.qc_state in ("none", "passed")
            )

    def _get_qc_history(self):
        """Results of the mechanic's checks, oldest first, for ``sampling``."""
        self.ensure_one()
        checks = (
            self.env["alltricks.bike.prep.qc"]
            .sudo()
            .search(
                [
                    ("mechanic_id", "=", self.user_id.id),
                    ("company_id", "=", self.company_id.id),
                ],
                order="date, id",
            )
        )
        return checks.mapped("result")

    def _get_next_bike_number(self):
        self.ensure_one()
        last = self.sudo().search(
            [
                ("user_id", "=", self.user_id.id),
                ("company_id", "=", self.company_id.id),
                ("qc_bike_number", ">", 0),
            ],
            order="qc_bike_number desc",
            limit=1,
        )
        return last.qc_bike_number + 1

    def _decide_quality_check(self):
        for work_order in self:
            if not work_order.qc_bike_number:
                work_order.qc_bike_number = work_order._get_next_bike_number()
            company = work_order.company_id
            due = sampling.is_check_due(
                work_order.qc_bike_number,
                work_order._get_qc_history(),
                company.alltricks_qc_every,
                company.alltricks_qc_streak,
            )
            work_order.qc_state = "pending" if due else "none"
            _logger.debug(
                "%s: bike %s of %s, quality check %s",
                work_order.name,
                work_order.qc_bike_number,
                work_order.user_id.login,
                "due" if due else "not due",
            )

    def _record_quality_check(self, result, reasons=False):
        """Store a check by a workshop manager and apply its outcome."""
        self.ensure_one()
        if not self.env.user.has_group("alltricks_bike_prep.group_workshop_manager"):
            raise AccessError(
                self.env._("Only a workshop manager can record a quality check.")
            )
        if self.state != "done" or self.qc_state != "pending":
            raise UserError(
                self.env._(
                    "%(name)s is not waiting for a quality check.", name=self.name
                )
            )
        if result == sampling.FAILED and not (reasons or "").strip():
            raise UserError(
                self.env._("Say what failed so the mechanic knows what to redo.")
            )
        self.env["alltricks.bike.prep.qc"].create(
            {
                "work_order_id": self.id,
                "mechanic_id": self.user_id.id,
                "result": result,
                "reasons": reasons,
            }
        )
        work_order = self._with_workflow()
        if result == sampling.PASSED:
            work_order.qc_state = "passed"
            return
        work_order.write(
            {"qc_state": "failed", "state": "in_progress", "date_done": False}
        )
        self.message_post(
            body=self.env._("Quality check failed: %(reasons)s", reasons=reasons),
            subtype_xmlid="mail.mt_comment",
            partner_ids=self.user_id.partner_id.ids,
        )
