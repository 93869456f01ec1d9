import logging

from odoo import models
from odoo.exceptions import UserError

from .floor_guard import lock_scan
from .stock_picking_pack_find import tote_number

_logger = logging.getLogger(__name__)


class StockPicking(models.Model):
    _inherit = "stock.picking"

    def _get_alltricks_pack_lines(self):
        self.ensure_one()
        lines = self.move_line_ids.filtered(lambda ml: ml.state != "done")
        return lines.sorted("id")

    def alltricks_pack_scan(self, barcode):
        """One unit re-scanned at the packing station.

        A unit of the transfer still to scan counts on its line; anything else
        (another product, one unit too many) is refused and logged as an open
        mismatch: the transfer cannot be validated until the packer confirms
        the item is set aside (``alltricks_pack_set_aside``).
        """
        self.ensure_one()
        self._check_alltricks_pack_open()
        barcode = "" if barcode in (None, False) else str(barcode).strip()
        if not barcode:
            # an empty read is not a wrong item: nothing to log against anyone
            return {
                "ok": False,
                "message": self.env._("Nothing was read: scan the label again."),
                "state": self.alltricks_pack_state(),
            }
        lines = self._get_alltricks_pack_lines()
        # One scan of a transfer at a time (double read): the lock does not
        # wait, the second scan is refused at once.
        lock_scan(
            lines,
            self.env._("Another scan on this transfer is being recorded: scan again."),
        )
        matching = lines.filtered(lambda ml: not ml._get_alltricks_refusal(barcode))
        line = matching.filtered(lambda ml: ml._get_alltricks_to_scan() > 0)[:1]
        if line:
            line._alltricks_add_scanned(1.0, user_field="alltricks_packed_by")
            message = self.env._(
                "%(product)s: %(scanned)s of %(qty)s.",
                product=line.product_id.display_name,
                scanned=f"{line.alltricks_scanned_qty:g}",
                qty=f"{line._get_alltricks_scan_quantity():g}",
            )
            return {
                "ok": True,
                "message": message,
                "state": self.alltricks_pack_state(),
            }
        if matching:
            message = self._alltricks_log_extra(matching[0], barcode)
        elif tracked := self._get_alltricks_tracked_line(lines, barcode):
            # the right item by its product label: ask for its lot, log nothing
            message = tracked._get_alltricks_refusal(barcode)
        elif not self._get_alltricks_scanned_product(barcode):
            message = self._get_alltricks_pack_label_message(barcode)
        else:
            message = self._alltricks_log_wrong(lines, barcode)
        return {"ok": False, "message": message, "state": self.alltricks_pack_state()}

    def _get_alltricks_tracked_line(self, lines, barcode):
        """The line of a lot- or serial-tracked product whose own label (not a
        lot) is ``barcode``."""
        return lines.filtered(
            lambda ml: (
                ml.product_id.tracking != "none"
                and ml.product_id._is_alltricks_scanned_code(barcode)
            )
        )[:1]

    def _get_alltricks_pack_label_message(self, barcode):
        """What to say of a scan that is no product: nothing is logged, it is
        not an item in the tote (a misread, or a cart or tote label scanned
        while this transfer is open)."""
        cart = self.env["stock.picking.batch"].search_count(
            [("name", "=", barcode)], limit=1
        )
        if cart or tote_number(barcode) is not None:
            return self.env._(
                "%(barcode)s is a cart or tote label, not an item: press Done once "
                "this tote is packed, or Other tote, then scan it again.",
                barcode=barcode,
            )
        return self.env._(
            "Unknown barcode %(barcode)s: scan the product label again.",
            barcode=barcode,
        )

    def _check_alltricks_pack_open(self):
        if not self.filtered_domain(self._get_alltricks_pack_domain()):
            raise UserError(
                self.env._(
                    "%(name)s is not a packing transfer ready to pack.", name=self.name
                )
            )
        self._check_alltricks_packer_group()
        self._check_alltricks_packer()

    def _get_alltricks_scanned_product(self, barcode):
        lot = self.env["stock.lot"].search([("name", "=", barcode)], limit=1)
        if lot:
            return lot.product_id
        return self.env["product.product"]._find_alltricks_scanned_product(barcode)

    def _prepare_alltricks_mismatch_values(self, kind, **values):
        pickers = self._get_alltricks_pickers()
        return {
            "kind": kind,
            "picking_id": self.id,
            "picker_id": pickers[:1].id,
            "packer_id": self.env.uid,
            **values,
        }

    def _alltricks_log_extra(self, line, barcode):
        self._alltricks_log_mismatch(
            "extra",
            product_expected_id=line.product_id.id,
            product_scanned_id=line.product_id.id,
            barcode=barcode,
        )
        qty = sum(
            ml._get_alltricks_scan_quantity()
            for ml in self._get_alltricks_pack_lines()
            if ml.product_id == line.product_id
        )
        if line.product_uom_id.compare(qty, 1.0) == 0:
            return self.env._(
                "Extra unit: the one %(product)s of this order is scanned already. "
                "Take this one out of the tote, then confirm Set aside.",
                product=line.product_id.display_name,
            )
        return self.env._(
            "Extra unit: all %(qty)s %(product)s are scanned already. Take this one "
            "out of the tote, then confirm Set aside.",
            qty=f"{qty:g}",
            product=line.product_id.display_name,
        )

    def _alltricks_log_wrong(self, lines, barcode):
        scanned = self._get_alltricks_scanned_product(barcode)
        expected = lines.filtered(lambda ml: ml._get_alltricks_to_scan() > 0) or lines
        self._alltricks_log_mismatch(
            "wrong",
            product_expected_id=expected[:1].product_id.id,
            product_scanned_id=scanned.id,
            barcode=barcode,
        )
        return self.env._(
            "Wrong item: %(scanned)s is not in %(name)s. Take it out of the tote, "
            "then confirm Set aside.",
            scanned=scanned.display_name or barcode,
            name=self.name,
        )

    def _alltricks_log_mismatch(self, kind, **values):
        # The log is append-only and nobody may write it directly: only these
        # pack-scan methods, after their own checks, add to it.
        mismatch = (
            self.env["alltricks.pack.mismatch"]
            .sudo()
            .create(self._prepare_alltricks_mismatch_values(kind, **values))
        )
        _logger.info("%s: packing mismatch %s (%s)", self.name, kind, mismatch.id)
        return mismatch.sudo(False)

    def alltricks_pack_done(self):
        """Validate when every unit matches, else log what is missing.

        A wrong or extra item not set aside yet blocks first: it is still in
        the tote. Returns the delivery slip of the next transfer (OUT) to print.
        """
        self.ensure_one()
        self._check_alltricks_pack_open()
        if self._get_alltricks_open_mismatches():
            return {
                "ok": False,
                "message": self._get_alltricks_open_mismatch_message(),
                "state": self.alltricks_pack_state(),
            }
        lines = self._get_alltricks_pack_lines()
        missing = lines.filtered(lambda ml: ml._get_alltricks_to_scan() > 0)
        if missing or not lines:
            return self._alltricks_pack_block(missing)
        self._alltricks_ship_scanned(lines)
        self.with_context(skip_backorder=True).button_validate()
        slips = self.move_ids.move_dest_ids.picking_id or self
        report = slips._get_alltricks_delivery_slip_action()
        return {"ok": True, "state": self.state, "report": report}

    def _alltricks_ship_scanned(self, lines):
        """The parcel holds what was re-scanned: no line ships more."""
        over = lines.filtered(
            lambda ml: (
                ml.product_uom_id.compare(ml.quantity, ml.alltricks_scanned_qty) > 0
            )
        )
        for line in over:
            # every unit matched the ordered quantity: the checks are done
            line.sudo().quantity = line.alltricks_scanned_qty

    def _get_alltricks_delivery_slip_action(self):
        """The print action the pack station opens once a parcel is closed."""
        return self.env.ref("stock.action_report_delivery").report_action(self)

    def _alltricks_pack_block(self, missing):
        logged = self.alltricks_mismatch_ids.filtered(lambda m: m.kind == "missing")
        for line in missing:
            qty = line._get_alltricks_to_scan()
            known = logged.filtered(
                lambda m, line=line, qty=qty: (
                    m.product_expected_id == line.product_id and m.quantity == qty
                )
            )
            if not known:
                self._alltricks_log_mismatch(
                    "missing", product_expected_id=line.product_id.id, quantity=qty
                )
        count = sum(line._get_alltricks_to_scan() for line in missing)
        if count == 1:
            message = self.env._(
                "Delivery blocked: 1 unit is missing. Look for it in the tote or "
                "call the supervisor."
            )
        else:
            message = self.env._(
                "Delivery blocked: %(count)s units are missing. Look for them in "
                "the tote or call the supervisor.",
                count=f"{count:g}",
            )
        return {"ok": False, "message": message, "state": self.alltricks_pack_state()}

    def button_validate(self):
        self._check_alltricks_pack_validation()
        return super().button_validate()

    def _check_alltricks_pack_validation(self):
        """The packing station's rules hold for Odoo's own Validate button too.

        A PACK transfer of a 3-step delivery leaves only once every unit is
        re-scanned, with no wrong or extra item left to set aside, and never
        validated by the user who picked it, unless a warehouse manager waived
        the re-scan or let the picker pack (both logged). Other operation
        types, and server code running as superuser, are left to Odoo.
        """
        if self.env.su:
            return
        for picking in self:
            if picking.state in ("done", "cancel"):
                continue
            if picking._get_alltricks_open_mismatches():
                raise UserError(picking._get_alltricks_open_mismatch_message())
            if not picking._is_alltricks_rescan_required():
                continue
            complete = picking._is_alltricks_pack_complete()
            if not complete and not picking.alltricks_rescan_waived:
                raise UserError(
                    self.env._(
                        "%(name)s must be re-scanned unit by unit at the packing "
                        "station (Pack (scanner)) before it is validated; a "
                        "warehouse manager may waive the re-scan on the transfer.",
                        name=picking.name,
                    )
                )
            picking._check_alltricks_packer()
