import logging

from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError

from .stock_picking_batch import PLANNER_GROUP

_logger = logging.getLogger(__name__)
PACKER_GROUP = "alltricks_slotting.group_packer"
# Manager overrides: set only through their actions (checked, then written as
# superuser and logged in the chatter), never by a plain write.
OVERRIDE_FIELDS = frozenset({"alltricks_pack_same_user_ok", "alltricks_rescan_waived"})


def check_override_write(records, vals):
    if records.env.su or OVERRIDE_FIELDS.isdisjoint(vals):
        return
    raise AccessError(
        records.env._(
            "Packing overrides are given by a warehouse manager with the buttons "
            "of the transfer, which log who and when."
        )
    )


class StockPicking(models.Model):
    _inherit = "stock.picking"

    alltricks_pack_same_user_ok = fields.Boolean(
        string="Picker may pack",
        copy=False,
        readonly=True,
        help="Set by a warehouse manager: the user who picked this order may also "
        "pack it. The override is logged in the chatter.",
    )
    alltricks_rescan_waived = fields.Boolean(
        string="Re-scan waived",
        copy=False,
        readonly=True,
        help="Set by a warehouse manager: this packing transfer may be validated "
        "without a complete re-scan. The override is logged in the chatter.",
    )
    alltricks_mismatch_ids = fields.One2many(
        "alltricks.pack.mismatch", "picking_id", string="Packing mismatches"
    )
    alltricks_rescan_required = fields.Boolean(
        string="Re-scan at packing",
        compute="_compute_alltricks_rescan_required",
        help="Packing step of a 3-step delivery: every unit is re-scanned at the "
        "packing station before the transfer is validated.",
    )

    @api.depends("picking_type_id.warehouse_id.delivery_steps")
    def _compute_alltricks_rescan_required(self):
        for picking in self:
            picking.alltricks_rescan_required = picking._is_alltricks_rescan_required()

    def _get_alltricks_pickers(self):
        """Users who picked the goods of this (PACK) transfer."""
        origins = self.move_ids.move_orig_ids
        pickers = origins.move_line_ids.alltricks_picked_by
        return pickers or origins.picking_id.batch_id.user_id

    def _check_alltricks_packer(self):
        self.ensure_one()
        if self.alltricks_pack_same_user_ok:
            return
        if self.env.user not in self._get_alltricks_pickers():
            return
        if self.alltricks_rescan_waived:
            raise UserError(
                self.env._(
                    "You picked %(name)s: another user must validate it, even with "
                    "its re-scan waived. A warehouse manager may allow you on this "
                    "transfer.",
                    name=self.name,
                )
            )
        raise UserError(
            self.env._(
                "You picked %(name)s: another packer must re-scan it. A "
                "warehouse manager may allow you on this transfer.",
                name=self.name,
            )
        )

    def _is_alltricks_rescan_required(self):
        """PACK step of a 3-step delivery: validated after a complete re-scan."""
        self.ensure_one()
        warehouse = self.picking_type_id.warehouse_id
        return (
            warehouse.delivery_steps == "pick_pack_ship"
            and self.picking_type_id == warehouse.pack_type_id
        )

    def action_alltricks_allow_same_packer(self):
        """Manager override: the picker may pack these transfers (logged)."""
        self._alltricks_override(
            "alltricks_pack_same_user_ok",
            self.env._("Only a warehouse manager can let a picker pack."),
            self.env._(
                "%(user)s allowed the picker to pack this transfer on %(when)s."
            ),
        )
        return True

    def action_alltricks_waive_rescan(self):
        """Manager override: validate without a complete re-scan (logged).

        Open packing mismatches are waived with it, each recorded as such.
        """
        self._alltricks_override(
            "alltricks_rescan_waived",
            self.env._("Only a warehouse manager can waive the packing re-scan."),
            self.env._(
                "%(user)s allowed this transfer to be validated without a complete "
                "re-scan on %(when)s."
            ),
        )
        self._alltricks_waive_mismatches()
        return True

    def _alltricks_override(self, field_name, refusal, message):
        """Set the override ``field_name`` and log ``message`` (user, when)."""
        if not self.env.user.has_group(PLANNER_GROUP):
            raise AccessError(refusal)
        values = {
            "user": self.env.user.name,
            "when": fields.Datetime.to_string(fields.Datetime.now()),
        }
        for picking in self:
            picking.sudo()[field_name] = True
            # Posted as the manager: the chatter keeps the author and the date.
            picking.message_post(body=Markup("%s") % (message % values))
            _logger.info(
                "%s: %s set by %s", picking.name, field_name, self.env.user.login
            )

    def _is_alltricks_pack_complete(self):
        lines = self.move_line_ids.filtered(lambda ml: ml.state != "done")
        return bool(lines) and all(not ml._get_alltricks_to_scan() for ml in lines)

    @api.model
    def _check_alltricks_packer_group(self):
        if not self.env.user.has_group(PACKER_GROUP):
            raise AccessError(self.env._("Only packers can use the packing station."))

    def alltricks_pack_state(self):
        self.ensure_one()
        lines = self.move_line_ids.filtered(lambda ml: ml.state != "done")
        return {
            "id": self.id,
            "name": self.name,
            "origin": self.origin or "",
            "state": self.state,
            "lines": [line._get_alltricks_scan_values() for line in lines.sorted("id")],
            "complete": self._is_alltricks_pack_complete(),
            "mismatches": len(self.alltricks_mismatch_ids),
            "open_mismatches": [
                {
                    "id": mismatch.id,
                    "kind": mismatch.kind,
                    "product": mismatch.product_scanned_id.display_name
                    or mismatch.barcode
                    or "",
                }
                for mismatch in self._get_alltricks_open_mismatches().sorted("id")
            ],
        }
