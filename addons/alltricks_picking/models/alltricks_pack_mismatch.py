from odoo import api, fields, models
from odoo.exceptions import UserError

KINDS = [
    ("wrong", "Wrong item"),
    ("missing", "Missing unit"),
    ("extra", "Extra unit"),
]
RESOLUTIONS = [
    ("set_aside", "Set aside"),
    ("waived", "Waived by a manager"),
]
# An item scanned into the wrong parcel stays in the tote until someone takes it
# out: these kinds hold the delivery until that is confirmed.
BLOCKING_KINDS = ("wrong", "extra")


class AlltricksPackMismatch(models.Model):
    """A difference found at the packing station between picked and re-scanned.

    Append-only log: packers create records through the packing station,
    warehouse managers read and analyse them. A wrong or extra item blocks its
    transfer until the packer confirms it is set aside (or a manager waives
    it); the record stays in the log either way.
    """

    _name = "alltricks.pack.mismatch"
    _description = "Packing mismatch"
    _order = "date desc, id desc"

    date = fields.Datetime(default=fields.Datetime.now, required=True, readonly=True)
    kind = fields.Selection(KINDS, required=True, readonly=True)
    picking_id = fields.Many2one(
        "stock.picking",
        string="Transfer",
        required=True,
        readonly=True,
        index=True,
        ondelete="cascade",
    )
    company_id = fields.Many2one(
        related="picking_id.company_id", store=True, index=True
    )
    picker_id = fields.Many2one("res.users", string="Picker", readonly=True, index=True)
    packer_id = fields.Many2one(
        "res.users",
        string="Packer",
        readonly=True,
        index=True,
        default=lambda self: self.env.user,
    )
    product_expected_id = fields.Many2one(
        "product.product", string="Product expected", readonly=True
    )
    product_scanned_id = fields.Many2one(
        "product.product", string="Product scanned", readonly=True
    )
    barcode = fields.Char(string="Scanned code", readonly=True)
    quantity = fields.Float(digits="Product Unit", default=1.0, readonly=True)
    resolution = fields.Selection(RESOLUTIONS, readonly=True, copy=False)
    resolved_by_id = fields.Many2one(
        "res.users", string="Resolved by", readonly=True, copy=False
    )
    resolved_date = fields.Datetime(string="Resolved on", readonly=True, copy=False)
    blocking = fields.Boolean(
        string="Blocks the delivery",
        compute="_compute_blocking",
        store=True,
        index=True,
        help="A wrong or extra item not confirmed as set aside yet: the transfer "
        "cannot be validated.",
    )

    @api.depends(
        "picking_id.name",
        "kind",
        "product_expected_id.display_name",
        "product_scanned_id.display_name",
        "barcode",
        "quantity",
    )
    def _compute_display_name(self):
        """``WH/PACK/00012 · Wrong item: X instead of Y``: the transfer and what
        was found, as the packer was told."""
        for mismatch in self:
            mismatch.display_name = " · ".join(
                filter(None, [mismatch.picking_id.name, mismatch._get_summary()])
            )

    def _get_summary(self):
        self.ensure_one()
        expected = self.product_expected_id.display_name or ""
        scanned = self.product_scanned_id.display_name or self.barcode or ""
        if self.kind == "wrong":
            return self.env._(
                "Wrong item: %(scanned)s instead of %(expected)s",
                scanned=scanned,
                expected=expected,
            )
        if self.kind == "extra":
            return self.env._("Extra unit: %(product)s", product=scanned or expected)
        if self.kind == "missing" and self.quantity == 1:
            return self.env._("Missing unit: %(product)s", product=expected)
        if self.kind == "missing":
            return self.env._(
                "Missing units: %(qty)s of %(product)s",
                qty=f"{self.quantity:g}",
                product=expected,
            )
        return ""

    @api.depends("kind", "resolution")
    def _compute_blocking(self):
        for mismatch in self:
            mismatch.blocking = (
                mismatch.kind in BLOCKING_KINDS and not mismatch.resolution
            )

    def action_set_aside(self):
        """Backend: the packer confirms these items are out of the tote."""
        open_mismatches = self.filtered("blocking")
        if not open_mismatches:
            raise UserError(
                self.env._(
                    "Nothing to set aside: these mismatches do not block a delivery "
                    "any more."
                )
            )
        for picking in open_mismatches.picking_id:
            picking._alltricks_set_aside(open_mismatches)
        return True

    def _alltricks_resolve(self, resolution):
        """Close these mismatches as ``resolution``: who and when (log kept)."""
        self.sudo().write(
            {
                "resolution": resolution,
                "resolved_by_id": self.env.uid,
                "resolved_date": fields.Datetime.now(),
            }
        )
