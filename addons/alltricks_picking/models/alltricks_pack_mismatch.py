from odoo import fields, models

KINDS = [
    ("wrong", "Wrong item"),
    ("missing", "Missing unit"),
    ("extra", "Extra unit"),
]


class AlltricksPackMismatch(models.Model):
    """A difference found at the packing station between picked and re-scanned.

    Append-only log: packers create records through the packing station,
    warehouse managers read and analyse them.
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
