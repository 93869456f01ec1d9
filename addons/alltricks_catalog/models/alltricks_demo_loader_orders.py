from collections import defaultdict

from odoo import models
from odoo.fields import Command

from ..adventureworks import rules
from .alltricks_demo_loader import ensure_records

PURCHASE_ORIGIN = "AdventureWorks demo"
LOW_STOCK_UNITS = 2
PURCHASE_LINES = 6
SALE_ORDER_COUNT = 150
BIKE_ORDER_COUNT = 5


class AlltricksDemoLoaderOrders(models.AbstractModel):
    _name = "alltricks.demo.loader.orders"
    _description = "AdventureWorks demo loader: purchase and sale orders"

    def _load_purchase_orders(self, dataset, warehouse, products, brands):
        """One purchase order per vendor for its products short of stock (at
        most ``LOW_STOCK_UNITS`` in the demo), the first, third... confirmed.
        Skipped when the company already has demo purchase orders."""
        PurchaseOrder = self.env["purchase.order"]
        if PurchaseOrder.search_count(
            [("origin", "=", PURCHASE_ORIGIN), ("company_id", "=", self.env.company.id)]
        ):
            return PurchaseOrder
        quantities = rules.demo_quantities(dataset)
        short = defaultdict(list)
        for product in sorted(dataset.sellable_products(), key=lambda p: p.number):
            if product.id in products and quantities[product.id] <= LOW_STOCK_UNITS:
                category = dataset.category_of(product).name
                short[rules.brand_name(product, category)].append(
                    (products[product.id], product.standard_cost)
                )
        vals_list = [
            self._prepare_purchase_values(warehouse, *brands[name][:2], short[name])
            for name in sorted(short)
        ]
        orders = PurchaseOrder.create(vals_list)
        # receipts go to WH/Input first: no bin to choose yet
        PurchaseOrder.concat(*orders[::2]).with_context(
            avoid_putaway_rules=True
        ).button_confirm()
        return orders

    def _prepare_purchase_values(self, warehouse, brand, vendor, lines):
        return {
            "partner_id": vendor.id,
            # the buyer of the brand, as a replenishment would give it
            "user_id": brand.buyer_id.id,
            "origin": PURCHASE_ORIGIN,
            "picking_type_id": warehouse.in_type_id.id,
            "order_line": [
                Command.create(
                    {
                        "product_id": variant.id,
                        "product_qty": 10,
                        "price_unit": cost,
                    }
                )
                for variant, cost in lines[:PURCHASE_LINES]
            ],
        }

    def _load_sale_orders(self, dataset, warehouse, products):
        """The most recent web orders of AdventureWorks, a few with a bike,
        confirmed so that their delivery pickings exist; an order already
        loaded (same customer reference) is skipped."""
        by_number = {
            product.number: products[product.id]
            for product in dataset.sellable_products()
            if product.id in products
        }
        selected = self._get_orders_to_replay(dataset, by_number)
        customers = self._ensure_customers(
            {line.customer_key for __, lines in selected for line in lines}
        )
        orders = self.env["sale.order"].create(
            [
                {
                    "partner_id": customers[lines[0].customer_key].id,
                    "client_order_ref": number,
                    "warehouse_id": warehouse.id,
                    "order_line": [
                        Command.create(
                            self._prepare_sale_line_values(
                                by_number[line.product_number], line
                            )
                        )
                        for line in lines
                    ],
                }
                for number, lines in selected
            ]
        )
        # the picks leave the bins for the packing zone: no putaway to compute
        orders.with_context(avoid_putaway_rules=True).action_confirm()
        return orders

    def _get_orders_to_replay(self, dataset, by_number):
        """``[(order number, lines)]`` selected and not loaded yet, whose
        products were all loaded."""
        bike_numbers = {
            product.number
            for product in dataset.sellable_products()
            if dataset.category_of(product).name == "Bikes"
        }
        selected = [
            (number, lines)
            for number, lines in rules.select_orders(
                dataset.sales_lines, SALE_ORDER_COUNT, bike_numbers, BIKE_ORDER_COUNT
            )
            if all(line.product_number in by_number for line in lines)
        ]
        loaded = set(
            self.env["sale.order"]
            .search(
                [
                    ("client_order_ref", "in", [number for number, __ in selected]),
                    ("company_id", "=", self.env.company.id),
                ]
            )
            .mapped("client_order_ref")
        )
        return [(number, lines) for number, lines in selected if number not in loaded]

    def _prepare_sale_line_values(self, variant, line):
        # the description is given rather than computed: computing it for a
        # batch of orders is quadratic in the number of lines once pos_sale
        # is installed
        return {
            "product_id": variant.id,
            "name": variant.display_name,
            "product_uom_qty": line.quantity,
            "price_unit": line.unit_price,
        }

    def _ensure_customers(self, customer_keys):
        """``{CustomerKey: res.partner}``, found or created by reference."""
        france = self.env.ref("base.fr")
        partners = ensure_records(
            self.env,
            "res.partner",
            [
                {
                    "ref": f"AW-C{key}",
                    "name": f"AW customer {key}",
                    "country_id": france.id,
                    **rules.customer_address(key),
                }
                for key in sorted(customer_keys)
            ],
            ("ref",),
        )
        return {key: partners[(f"AW-C{key}",)] for key in customer_keys}
