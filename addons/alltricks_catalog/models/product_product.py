import operator as py_operator

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

PUBLICATION_QUEUE = "alltricks_catalog.publication_product_ids"
SHELF_QTY_OPERATORS = {
    "=": py_operator.eq,
    "!=": py_operator.ne,
    "<": py_operator.lt,
    "<=": py_operator.le,
    ">": py_operator.gt,
    ">=": py_operator.ge,
}


class ProductProduct(models.Model):
    _inherit = "product.product"

    alltricks_shelf_qty = fields.Float(
        string="Shelf quantity",
        compute="_compute_alltricks_shelf_qty",
        search="_search_alltricks_shelf_qty",
        digits="Product Unit",
        help="On the shelves (bins, showroom) and not reserved for an order, in "
        "the warehouse or company given in context.",
    )

    @api.constrains("weight")
    def _check_alltricks_weight(self):
        for product in self:
            if product.weight < 0:
                raise ValidationError(
                    self.env._(
                        "The weight of %(product)s cannot be negative: enter the "
                        "weight measured on the scale.",
                        product=product.display_name,
                    )
                )

    @api.depends_context("alltricks_shelf_warehouse_id", "alltricks_shelf_company_id")
    def _compute_alltricks_shelf_qty(self):
        # A computed field reads the products shown together (a shop page) in
        # one query, as core does for free_qty; checks that decide a sale call
        # _get_alltricks_sellable_qty, which always reads the database.
        context = self.env.context
        quantities = self._get_alltricks_sellable_quantities(
            warehouse=self.env["stock.warehouse"].browse(
                context.get("alltricks_shelf_warehouse_id")
            ),
            company=self.env["res.company"].browse(
                context.get("alltricks_shelf_company_id")
            ),
        )
        for product in self:
            product.alltricks_shelf_qty = quantities.get(product.id, 0.0)

    def _search_alltricks_shelf_qty(self, operator, value):
        """Filter products on their shelf quantity (in the warehouse or company
        of the context, as the field), e.g. "Shelf quantity > 0"."""
        compare = SHELF_QTY_OPERATORS.get(operator)
        if not compare or isinstance(value, bool):
            return NotImplemented
        try:
            value = float(value)
        except (TypeError, ValueError):
            raise UserError(
                self.env._(
                    "Shelf quantity is compared with a number, not %(value)r: "
                    "enter a quantity such as 0 or 5.",
                    value=value,
                )
            ) from None
        context = self.env.context
        warehouse = self.env["stock.warehouse"].browse(
            context.get("alltricks_shelf_warehouse_id")
        )
        company = self.env["res.company"].browse(
            context.get("alltricks_shelf_company_id")
        )
        groups = (
            self.env["stock.quant"]
            .sudo()
            ._read_group(
                self._get_alltricks_shelf_quant_domain(warehouse, company),
                ["product_id"],
                ["quantity:sum", "reserved_quantity:sum"],
            )
        )
        on_shelf = {
            product.id: product.uom_id.round(quantity - reserved)
            for product, quantity, reserved in groups
        }
        matching = [pid for pid, qty in on_shelf.items() if compare(qty, value)]
        if compare(0.0, value):
            # products with no sellable quant hold 0 on the shelf
            return ["|", ("id", "in", matching), ("id", "not in", list(on_shelf))]
        return [("id", "in", matching)]

    def _get_alltricks_sellable_domain(self, warehouse=None, company=None):
        """Quants of these products the shop may sell."""
        return [
            ("product_id", "in", self.ids),
            *self._get_alltricks_shelf_quant_domain(warehouse, company),
        ]

    @api.model
    def _get_alltricks_shelf_quant_domain(self, warehouse=None, company=None):
        """Quants in sellable locations only (bins, showroom)."""
        domain = [("location_id.slot_sellable", "=", True)]
        if warehouse:
            # Shop visitors (public, portal) may not read warehouses.
            view_location = warehouse.sudo().view_location_id
            domain.append(("location_id", "child_of", view_location.id))
        elif company:
            domain.append(("company_id", "=", company.id))
        return domain

    def _get_alltricks_sellable_quantities(self, warehouse=None, company=None):
        """Return {product id: quantity on the shelf not reserved for an order}.

        Stock waiting in input, quality, packing or output is not counted, nor
        are incoming purchase quantities: a customer only buys what a picker can
        take from a bin today.
        """
        if not self.ids:
            return {}
        groups = (
            self.env["stock.quant"]
            .sudo()
            ._read_group(
                self._get_alltricks_sellable_domain(warehouse, company),
                ["product_id"],
                ["quantity:sum", "reserved_quantity:sum"],
            )
        )
        result = dict.fromkeys(self.ids, 0.0)
        for product, quantity, reserved in groups:
            result[product.id] = product.uom_id.round(quantity - reserved)
        return result

    def _get_alltricks_sellable_qty(self, warehouse=None, company=None):
        self.ensure_one()
        return self._get_alltricks_sellable_quantities(warehouse, company)[self.id]

    def _alltricks_lock_shelf_stock(self):
        """Lock these products, then their sellable quants, in id order.

        Two payments for the same product then run one after the other; the
        second one either sees the reservation of the first or fails with a
        serialisation error and is retried with a fresh snapshot.
        """
        if not self.ids:
            return
        cr = self.env.cr
        cr.execute(
            "SELECT id FROM product_product WHERE id IN %s ORDER BY id "
            "FOR NO KEY UPDATE",
            [tuple(self.ids)],
        )
        cr.execute(
            "SELECT quant.id FROM stock_quant quant "
            "JOIN stock_location location ON location.id = quant.location_id "
            "WHERE quant.product_id IN %s AND location.slot_sellable "
            "ORDER BY quant.id FOR NO KEY UPDATE OF quant",
            [tuple(self.ids)],
        )
        self.env["stock.quant"].invalidate_model(["quantity", "reserved_quantity"])
        self.invalidate_model(["alltricks_shelf_qty"])

    def _alltricks_queue_publication_sync(self):
        """Sync the publication of these products once, just before COMMIT.

        The shelf stock of a product changes once per move line: a putaway of
        thousands of lines would otherwise read the stock of each product as
        its line is done. The products are gathered for the transaction and
        synced together in the flush that precedes COMMIT (savepoints flush
        too), so the publication is committed with the stock that decides it.
        """
        precommit = self.env.cr.precommit
        if PUBLICATION_QUEUE not in precommit.data:
            precommit.data[PUBLICATION_QUEUE] = set()
            precommit.add(self.browse()._alltricks_run_publication_sync)
        precommit.data[PUBLICATION_QUEUE].update(self.ids)

    @api.model
    def _alltricks_run_publication_sync(self):
        product_ids = self.env.cr.precommit.data.pop(PUBLICATION_QUEUE, set())
        products = self.sudo().browse(sorted(product_ids)).exists()
        products.product_tmpl_id._alltricks_sync_publication()
