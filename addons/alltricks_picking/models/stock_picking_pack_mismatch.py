import logging

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError

from .stock_picking_pack import PACKER_GROUP

_logger = logging.getLogger(__name__)


class StockPicking(models.Model):
    _inherit = "stock.picking"

    alltricks_open_mismatch_count = fields.Integer(
        string="Open mismatches",
        compute="_compute_alltricks_open_mismatch_count",
        help="Wrong or extra items scanned at packing and not confirmed as set "
        "aside: the transfer cannot be validated until they are.",
    )

    @api.depends("alltricks_mismatch_ids.blocking")
    def _compute_alltricks_open_mismatch_count(self):
        for picking in self:
            picking.alltricks_open_mismatch_count = len(
                picking._get_alltricks_open_mismatches()
            )

    def _get_alltricks_open_mismatches(self):
        """Wrong or extra items of these transfers still waiting to be set aside.

        Read as superuser: whoever validates a transfer is held by them, even a
        user who may not read the mismatch log.
        """
        return self.sudo().alltricks_mismatch_ids.filtered("blocking")

    def _get_alltricks_open_mismatch_message(self):
        self.ensure_one()
        mismatches = self._get_alltricks_open_mismatches().sorted("id")
        if len(mismatches) == 1:
            return self.env._(
                "Delivery blocked: 1 scanned unit does not belong in %(name)s "
                "(%(product)s). Take it out of the tote, then confirm Set aside on "
                "the pack screen.",
                name=self.name,
                product=mismatches.product_scanned_id.display_name
                or mismatches.barcode
                or "",
            )
        return self.env._(
            "Delivery blocked: %(count)s scanned units do not belong in %(name)s "
            "(first: %(product)s). Take them out of the tote, then confirm Set "
            "aside on the pack screen.",
            count=len(mismatches),
            name=self.name,
            product=(
                mismatches[0].product_scanned_id.display_name
                or mismatches[0].barcode
                or ""
            ),
        )

    def _check_alltricks_set_aside_user(self):
        if not self.env.su and not self.env.user.has_group(PACKER_GROUP):
            raise AccessError(
                self.env._("Only packers can confirm that an item is set aside.")
            )
        for picking in self:
            picking._check_alltricks_packer()

    def _alltricks_set_aside(self, mismatches):
        """The packer confirms the open ``mismatches`` of this transfer are out."""
        self.ensure_one()
        self._check_alltricks_set_aside_user()
        mismatches = mismatches.filtered(lambda m: m.blocking and m.picking_id == self)
        if not mismatches:
            return mismatches

        mismatches._alltricks_resolve("set_aside")
        when = fields.Datetime.to_string(fields.Datetime.now())
        if len(mismatches) == 1:
            body = self.env._(
                "%(user)s set aside 1 unit scanned at packing that did not belong "
                "in this transfer, on %(when)s.",
                user=self.env.user.name,
                when=when,
            )
        else:
            body = self.env._(
                "%(user)s set aside %(count)s units scanned at packing that did not "
                "belong in this transfer, on %(when)s.",
                user=self.env.user.name,
                count=len(mismatches),
                when=when,
            )
        self.message_post(body=body)
        _logger.info(
            "%s: mismatches %s set aside by %s",
            self.name,
            mismatches.ids,
            self.env.user.login,
        )
        return mismatches

    def action_alltricks_set_aside(self):
        """Backend: every open mismatch of these transfers is set aside."""
        self._check_alltricks_set_aside_user()
        open_mismatches = self._get_alltricks_open_mismatches()
        if not open_mismatches:
            raise UserError(
                self.env._("Nothing to set aside: no open packing mismatch.")
            )
        for picking in self:
            picking._alltricks_set_aside(open_mismatches)
        return True

    def alltricks_pack_set_aside(self):
        """Packing station: the wrong or extra items are out of the tote."""
        self.ensure_one()
        self._check_alltricks_pack_open()
        done = self._alltricks_set_aside(self._get_alltricks_open_mismatches())
        if not done:
            message = self.env._("Nothing to set aside: scan every unit.")
        elif len(done) == 1:
            message = self.env._("1 unit set aside: keep it out of the parcel.")
        else:
            message = self.env._(
                "%(count)s units set aside: keep them out of the parcel.",
                count=len(done),
            )
        return {
            "ok": bool(done),
            "message": message,
            "state": self.alltricks_pack_state(),
        }

    def _alltricks_waive_mismatches(self):
        """Manager waiver: open mismatches no longer block (logged, kept)."""
        for picking in self:
            mismatches = picking._get_alltricks_open_mismatches()
            if not mismatches:
                continue
            mismatches._alltricks_resolve("waived")
            when = fields.Datetime.to_string(fields.Datetime.now())
            if len(mismatches) == 1:
                body = self.env._(
                    "%(user)s waived 1 open packing mismatch on %(when)s.",
                    user=self.env.user.name,
                    when=when,
                )
            else:
                body = self.env._(
                    "%(user)s waived %(count)s open packing mismatches on %(when)s.",
                    user=self.env.user.name,
                    count=len(mismatches),
                    when=when,
                )
            picking.message_post(body=body)
