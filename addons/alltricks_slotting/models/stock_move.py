import logging
from datetime import timedelta

from odoo import api, fields, models
from odoo.fields import Domain

from .stock_move_line import RESERVING, RESERVING_TOKEN

_logger = logging.getLogger(__name__)

# Received goods should be on the shelf within two days.
LATE_PUTAWAY_HOURS = 48


class StockMove(models.Model):
    _inherit = "stock.move"

    slot_awaiting_putaway = fields.Boolean(
        string="Awaiting putaway",
        compute="_compute_slot_awaiting_putaway",
        search="_search_slot_awaiting_putaway",
        help="Received (receipt done) but its putaway transfer is not done yet.",
    )
    slot_putaway_age_hours = fields.Float(
        string="Waiting (hours)",
        compute="_compute_slot_awaiting_putaway",
        digits=(16, 1),
        help="Hours since the goods were received.",
    )
    slot_putaway_late = fields.Boolean(
        string="Late putaway",
        compute="_compute_slot_awaiting_putaway",
        search="_search_slot_putaway_late",
        help="Received more than 48 hours ago and still not put away.",
    )

    def _update_reserved_quantity(self, need, location_id, *args, **kwargs):
        # the lines reserved here are checked against the bin rules when they
        # are placed, moved by hand or validated, never while reserving
        reserving = self.with_context(**{RESERVING: RESERVING_TOKEN})
        return super(StockMove, reserving)._update_reserved_quantity(
            need, location_id, *args, **kwargs
        )

    def _compute_slot_awaiting_putaway(self):
        now = fields.Datetime.now()
        for move in self:
            awaiting = (
                move.state == "done"
                and move.picking_code == "incoming"
                and any(
                    dest.state not in ("done", "cancel") for dest in move.move_dest_ids
                )
            )
            hours = (now - move.date).total_seconds() / 3600 if awaiting else 0.0
            move.slot_awaiting_putaway = awaiting
            move.slot_putaway_age_hours = hours
            move.slot_putaway_late = hours > LATE_PUTAWAY_HOURS

    @api.model
    def _get_slot_awaiting_domain(self):
        return Domain(
            [
                ("state", "=", "done"),
                ("picking_id.picking_type_id.code", "=", "incoming"),
                ("move_dest_ids", "any", [("state", "not in", ("done", "cancel"))]),
            ]
        )

    def _search_slot_awaiting_putaway(self, operator, value):
        if operator != "in":
            return NotImplemented
        domain = self._get_slot_awaiting_domain()
        return domain if True in value else ~domain

    def _search_slot_putaway_late(self, operator, value):
        if operator != "in":
            return NotImplemented
        limit = fields.Datetime.now() - timedelta(hours=LATE_PUTAWAY_HOURS)
        domain = self._get_slot_awaiting_domain() & Domain("date", "<", limit)
        return domain if True in value else ~domain

    @api.model
    def _cron_slot_remind_late_putaway(self):
        """An activity on each putaway transfer holding goods received more than
        48 hours ago, for the warehouse's follow-up user or its managers."""
        late = self.search([("slot_putaway_late", "=", True)])
        pickings = late.move_dest_ids.picking_id.filtered(
            lambda picking: picking.state not in ("done", "cancel")
        )
        todo = self.env.ref("mail.mail_activity_data_todo")
        summary = self.env._("Put away goods received more than 48 hours ago")
        for picking in pickings:
            if picking.activity_ids.filtered(
                lambda activity: activity.summary == summary
            ):
                continue
            user = picking.picking_type_id.warehouse_id._get_slot_follow_up_user()
            picking.activity_schedule(
                activity_type_id=todo.id, summary=summary, user_id=user.id
            )
        _logger.info("Late putaway: transfers to remind: %s", len(pickings))
