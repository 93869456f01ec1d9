from odoo import fields, models
from odoo.exceptions import AccessError
from odoo.tools import escape_psql

from .floor_guard import is_pack_picking

TOTE_PREFIX = "TOTE-"
# Written only by the scanner methods, as superuser once their checks passed: a
# user who could write them would fake a complete pick or re-scan.
SCAN_FIELDS = frozenset(
    {
        "alltricks_scanned_qty",
        "alltricks_missing",
        "alltricks_tote_scanned",
        "alltricks_picked_by",
        "alltricks_packed_by",
    }
)


def tote_code(tote):
    """Label printed on tote ``tote`` of every cart: ``TOTE-3``."""
    return f"{TOTE_PREFIX}{tote}"


def check_scan_write(records, vals_list):
    """Refuse scan results written by hand (RPC, import, form)."""
    if records.env.su or all(SCAN_FIELDS.isdisjoint(vals) for vals in vals_list):
        return
    raise AccessError(
        records.env._(
            "Scanned quantities are recorded by the scanner screens only: scan the "
            "units in Pick (scanner) or Pack (scanner)."
        )
    )


class StockMoveLine(models.Model):
    _inherit = "stock.move.line"

    alltricks_scanned_qty = fields.Float(
        string="Scanned",
        digits="Product Unit",
        copy=False,
        readonly=True,
        help="Units scanned on this line at the picker screen or packing station; "
        "never above the reserved quantity.",
    )
    alltricks_missing = fields.Boolean(
        string="Short pick",
        copy=False,
        readonly=True,
        help="The picker found fewer units than reserved; the rest goes to a "
        "backorder when the cart is validated.",
    )
    alltricks_tote_scanned = fields.Boolean(
        string="Tote scanned",
        copy=False,
        readonly=True,
        help="The picker scanned this line's tote after taking its units.",
    )
    alltricks_picked_by = fields.Many2one(
        "res.users", string="Picked by", copy=False, readonly=True, index=True
    )
    alltricks_packed_by = fields.Many2one(
        "res.users", string="Packed by", copy=False, readonly=True, index=True
    )

    def _get_alltricks_to_scan(self):
        """Units still to scan on this line."""
        self.ensure_one()
        if self.alltricks_missing:
            return 0.0
        target = self._get_alltricks_scan_quantity()
        return max(target - self.alltricks_scanned_qty, 0.0)

    def _get_alltricks_scan_quantity(self):
        """Units to scan on this line: its reserved quantity when picking.

        At packing, units are re-scanned against what was ordered and picked
        (the move's demand, capped by the done quantity of the moves it comes
        from), shared over the move's lines in id order: a quantity written on
        the line cannot make the packer ship more.
        """
        self.ensure_one()
        move = self.move_id
        if not move or not is_pack_picking(self.picking_id):
            return self.quantity
        expected = move.product_uom_qty
        origins = move.move_orig_ids.filtered(lambda m: m.state == "done")
        if origins:
            picked = sum(
                m.product_uom._compute_quantity(m.quantity, move.product_uom)
                for m in origins
            )
            expected = min(expected, picked)
        for line in move.move_line_ids.filtered(lambda ml: ml.state != "done").sorted(
            "id"
        ):
            share = min(
                line.quantity,
                line.product_uom_id.round(
                    move.product_uom._compute_quantity(
                        max(expected, 0.0), line.product_uom_id
                    )
                ),
            )
            if line == self:
                return share
            expected -= line.product_uom_id._compute_quantity(share, move.product_uom)
        return self.quantity

    def _get_alltricks_refusal(self, barcode):
        """Why ``barcode`` is not a unit of this line; False when it is.

        The expected product is scanned by its barcode (untracked products) or
        by the lot/serial reserved on the line: a look-alike product or a lot
        of another product is refused, whatever the quantities.
        """
        self.ensure_one()
        product = self.product_id
        lots = self.env["stock.lot"].search(
            [("name", "=", barcode), ("company_id", "in", [False, self.company_id.id])]
        )
        # Lot names are unique per product only: prefer the expected product's.
        lot = lots.filtered(lambda lot: lot.product_id == product)[:1] or lots[:1]
        if lot:
            return self._get_alltricks_lot_refusal(lot)
        if product._is_alltricks_scanned_code(barcode):
            if product.tracking != "none":
                return self.env._(
                    "%(product)s is tracked: scan its lot or serial number.",
                    product=product.display_name,
                )
            return False
        other = self.env["product.product"]._find_alltricks_scanned_product(barcode)
        if other:
            return self.env._(
                "Wrong item: this is %(scanned)s. Put it back and take %(expected)s.",
                scanned=other.display_name,
                expected=product.display_name,
            )
        return self.env._(
            "Unknown barcode %(barcode)s: scan the product label again.",
            barcode=barcode,
        )

    def _get_alltricks_bin_refusal(self, barcode):
        """ "Wrong bin" when ``barcode`` is another bin of this warehouse."""
        self.ensure_one()
        source = self.location_id
        other = self.env["stock.location"].search(
            [
                ("usage", "=", "internal"),
                ("warehouse_id", "=", source.warehouse_id.id),
                ("id", "!=", source.id),
                "|",
                ("barcode", "=", barcode),
                ("name", "=ilike", escape_psql(barcode)),
            ],
            limit=1,
        )
        if not other:
            return False
        return self.env._(
            "Wrong bin %(scanned)s: this item is in %(bin)s.",
            scanned=other.name,
            bin=source.name,
        )

    def _get_alltricks_lot_refusal(self, lot):
        if lot.product_id != self.product_id:
            return self.env._(
                "Wrong item: lot %(lot)s is %(scanned)s, not %(expected)s.",
                lot=lot.name,
                scanned=lot.product_id.display_name,
                expected=self.product_id.display_name,
            )
        if self.lot_id and lot != self.lot_id:
            return self.env._(
                "Lot %(lot)s is not the one reserved here: take %(reserved)s.",
                lot=lot.name,
                reserved=self.lot_id.name,
            )
        return False

    def _get_alltricks_scan_values(self):
        """What a scanner screen shows of this line."""
        self.ensure_one()
        product = self.product_id
        return {
            "id": self.id,
            "step": self.alltricks_route_seq,
            "bin": self.location_id.name,
            "bin_full": self.location_id.complete_name,
            "product_id": product.id,
            "product": product.name,
            "variant": ", ".join(
                product.product_template_attribute_value_ids.mapped("name")
            ),
            "code": product.default_code or "",
            "lot": self.lot_id.name or "",
            "quantity": self._get_alltricks_scan_quantity(),
            "scanned": self.alltricks_scanned_qty,
            "missing": self.alltricks_missing,
            "done": self.picked,
            "tote_pending": self._is_alltricks_tote_pending(),
            "tote": self.alltricks_tote,
            "tote_code": tote_code(self.alltricks_tote),
            "uom": self.product_uom_id.name,
        }

    def _is_alltricks_tote_pending(self):
        """Picked (or short-picked) with units in the picker's hand that no
        tote scan has put away yet."""
        self.ensure_one()
        return (
            self.picked
            and not self.alltricks_tote_scanned
            and self.product_uom_id.compare(self.alltricks_scanned_qty, 0.0) > 0
        )

    def _alltricks_reset_scan(self):
        """Lines going back to pick (backorder, empty cart) start unscanned.

        A line short-picked with nothing scanned holds no units: it is dropped
        so that the next reservation makes a fresh one.
        """
        empty = self.filtered(
            lambda ml: ml.alltricks_missing and ml.product_uom_id.is_zero(ml.quantity)
        )
        # Called from validation, once the cart's checks passed.
        empty.sudo().unlink()
        (self - empty).sudo().write(
            {
                "alltricks_scanned_qty": 0.0,
                "alltricks_missing": False,
                "alltricks_tote_scanned": False,
                "alltricks_picked_by": False,
                "alltricks_packed_by": False,
                "alltricks_route_seq": 0,
                "alltricks_cart_trip": 0,
                "picked": False,
            }
        )

    def _alltricks_add_scanned(self, quantity, user_field="alltricks_picked_by"):
        """Add ``quantity`` scanned units, capped at the reserved quantity.

        The line is picked (and its picker recorded) when complete; the
        reserved quantity itself never changes here.
        """
        self.ensure_one()
        quantity = min(quantity, self._get_alltricks_to_scan())
        scanned = self.alltricks_scanned_qty + quantity
        vals = {"alltricks_scanned_qty": scanned, user_field: self.env.uid}
        target = self._get_alltricks_scan_quantity()
        if self.product_uom_id.compare(scanned, target) >= 0:
            vals["picked"] = True
        # The callers checked the user, the cart or transfer and the scan.
        self.sudo().write(vals)
