import logging
import time
from pathlib import Path

from odoo import api, models
from odoo.exceptions import AccessError, UserError
from odoo.fields import Command

from ..adventureworks import DataError, read_dataset, rules

_logger = logging.getLogger(__name__)

DATA_DIR = Path(__file__).resolve().parent.parent / "demo" / "adventureworks"
BUYER_COUNT = 4


def ensure_records(env, model_name, vals_list, keys):
    """``{key: record}`` for ``vals_list``, creating the missing records.

    A record matches a values dict when its ``keys`` fields are equal; one
    search on the first key, one batched create.
    """
    model = env[model_name].with_context(active_test=False)

    def record_key(record):
        return tuple(
            record[name].id
            if isinstance(record[name], models.BaseModel)
            else record[name]
            for name in keys
        )

    wanted = {tuple(vals[name] for name in keys): vals for vals in vals_list}
    first_values = list({key[0] for key in wanted})
    found = {
        record_key(record): record
        for record in model.search([(keys[0], "in", first_values)])
    }
    missing = [vals for key, vals in wanted.items() if key not in found]
    for record in model.create(missing):
        found[record_key(record)] = record
    return {key: found[key] for key in wanted}


class AlltricksDemoLoader(models.AbstractModel):
    """Builds the Maurepas demo warehouse from the AdventureWorks sample data.

    Steps, each idempotent (records are looked up by code, name or reference
    before being created, in one search per step): warehouse and bin layout,
    categories, brands with their vendor and buyer, products, stock put away
    in the bins, open purchase orders, confirmed customer orders. See
    readme/DESCRIPTION.md for what is loaded and demo/adventureworks/README.md
    for the data rules.
    """

    _name = "alltricks.demo.loader"
    _description = "AdventureWorks demo data loader"

    @api.model
    def load_adventureworks(self, path=None, layout=None):
        """Load the data set found in ``path`` (default: the copy shipped in
        demo/adventureworks) into the current company's main warehouse.

        ``layout`` holds values for ``alltricks.layout.generator`` (a ``zones``
        list of zone values may replace its default zones); by default the full
        layout is generated. Returns the number of records created per kind.
        """
        if not self.env.is_system():
            raise AccessError(self.env._("Only an administrator loads demo data."))
        started = time.perf_counter()
        directory = Path(path) if path else DATA_DIR
        try:
            dataset = read_dataset(directory)
        except DataError as error:
            raise UserError(
                self.env._(
                    "The AdventureWorks data was not loaded, nothing changed. "
                    "%(error)s. Correct the file and load it again.",
                    error=error,
                )
            ) from error

        loader = self.with_context(tracking_disable=True, mail_create_nolog=True)
        with self.env.cr.savepoint():
            counts = loader._load_dataset(dataset, layout)

        _logger.info(
            "AdventureWorks demo data loaded from %s in %.1f s; created: %s",
            directory,
            time.perf_counter() - started,
            ", ".join(f"{count} {kind}" for kind, count in counts.items()),
        )
        return counts

    def _load_dataset(self, dataset, layout):
        warehouse = self._setup_warehouse()
        bin_count = self._generate_layout(warehouse, layout)
        categories = self._load_categories(dataset)
        brands = self._load_brands(dataset)
        catalog = self.env["alltricks.demo.loader.products"]
        templates, products = catalog._load_products(dataset, categories, brands)
        quants = catalog._load_stock(dataset, warehouse, products)
        orders = self.env["alltricks.demo.loader.orders"]
        purchases = orders._load_purchase_orders(dataset, warehouse, products, brands)
        sales = orders._load_sale_orders(dataset, warehouse, products)
        return {
            "bins": bin_count,
            "templates": len(templates),
            "variants": len(templates.product_variant_ids),
            "quants": len(quants),
            "purchase orders": len(purchases),
            "sale orders": len(sales),
        }

    # Warehouse

    def _setup_warehouse(self):
        company = self.env.company
        warehouse = self.env["stock.warehouse"].search(
            [("company_id", "=", company.id)], order="id", limit=1
        )
        if not warehouse:
            raise UserError(
                self.env._(
                    "Company %(company)s has no warehouse: create one first.",
                    company=company.name,
                )
            )
        values = self._prepare_warehouse_values()
        changed = {
            name: value for name, value in values.items() if warehouse[name] != value
        }
        if changed:
            warehouse.write(changed)
        ensure_records(
            self.env,
            "stock.location",
            [
                {
                    "name": "Showroom",
                    "location_id": warehouse.lot_stock_id.id,
                    "usage": "internal",
                    "slot_is_showroom": True,
                }
            ],
            ("name", "location_id"),
        )
        return warehouse

    def _prepare_warehouse_values(self):
        return {
            "name": "Maurepas",
            "reception_steps": "two_steps",
            "delivery_steps": "pick_pack_ship",
        }

    def _generate_layout(self, warehouse, layout):
        """Run the layout generator; returns the number of bins created."""
        values = dict(layout or {})
        zones = values.pop("zones", None)
        if zones:
            values["zone_ids"] = [Command.create(zone) for zone in zones]
        before = self._count_bins(warehouse)
        generator = self.env["alltricks.layout.generator"].create(
            {"warehouse_id": warehouse.id, **values}
        )
        generator.action_generate()
        return self._count_bins(warehouse) - before

    def _count_bins(self, warehouse):
        return self.env["stock.location"].search_count(
            [("warehouse_id", "=", warehouse.id), ("slot_rack_type", "!=", False)]
        )

    # Catalog

    def _load_categories(self, dataset):
        """AdventureWorks subcategory id -> (product.category, public category)."""
        all_category = ensure_records(
            self.env,
            "product.category",
            [{"name": "All", "parent_id": False}],
            ("name", "parent_id"),
        )[("All", False)]
        root = ensure_records(
            self.env,
            "product.category",
            [{"name": "AdventureWorks", "parent_id": all_category.id}],
            ("name", "parent_id"),
        )[("AdventureWorks", all_category.id)]
        tops, internal = self._ensure_category_tree(dataset, "product.category", root)
        __, public = self._ensure_category_tree(dataset, "product.public.category")
        for category in tops.values():
            if category.name == "Bikes" and not category.alltricks_complete_bike:
                category.alltricks_complete_bike = True
        self._flag_bulky_categories(dataset, internal)
        return {key: (internal[key], public[key]) for key in internal}

    def _flag_bulky_categories(self, dataset, internal):
        """Mark bulky the categories whose goods the loader shelves in the
        racks (bikes, frames, wheels, tyres), so receipts go there too."""
        bulky = self.env["product.category"]
        for sub_id, category in internal.items():
            sub = dataset.subcategories[sub_id]
            top = dataset.categories[sub.category_id]
            if rules.is_bulky(top.name, sub.name) and not category.slot_bulky:
                bulky |= category
        bulky.slot_bulky = True

    def _ensure_category_tree(self, dataset, model_name, root=None):
        """``({category id: record}, {subcategory id: record})``, categories
        under ``root`` (top level without one) and subcategories under them."""
        root_id = root.id if root else False
        tops = ensure_records(
            self.env,
            model_name,
            [
                {"name": c.name, "parent_id": root_id}
                for c in dataset.categories.values()
            ],
            ("name", "parent_id"),
        )
        top_by_id = {
            category.id: tops[category.name, root_id]
            for category in dataset.categories.values()
        }
        subcategories = dataset.subcategories.values()
        subs = ensure_records(
            self.env,
            model_name,
            [
                {"name": sub.name, "parent_id": top_by_id[sub.category_id].id}
                for sub in subcategories
            ],
            ("name", "parent_id"),
        )
        return top_by_id, {
            sub.id: subs[sub.name, top_by_id[sub.category_id].id]
            for sub in subcategories
        }

    def _load_brands(self, dataset):
        """Brand name -> (product.brand, vendor, delivery delay in days)."""
        names = sorted(
            {
                rules.brand_name(product, dataset.category_of(product).name)
                for product in dataset.sellable_products()
            }
        )
        vendors = ensure_records(
            self.env,
            "res.partner",
            [{"name": f"{name} Supplies", "is_company": True} for name in names],
            ("name",),
        )
        brands = ensure_records(
            self.env,
            "product.brand",
            [
                {"name": name, "partner_id": vendors[(f"{name} Supplies",)].id}
                for name in names
            ],
            ("name",),
        )
        self._assign_buyers([brands[(name,)] for name in names])
        return {
            name: (brands[(name,)], vendors[(f"{name} Supplies",)], 3 + 2 * index)
            for index, name in enumerate(names)
        }

    def _assign_buyers(self, brands):
        """Four demo buyers; brands go round-robin to them when the catalog has
        the buyer field."""
        group = self.env.ref("alltricks_catalog.group_buyer")
        users = ensure_records(
            self.env,
            "res.users",
            [
                {
                    "name": f"Buyer {index}",
                    "login": f"buyer{index}",
                    "group_ids": [Command.link(group.id)],
                }
                for index in range(1, BUYER_COUNT + 1)
            ],
            ("login",),
        )
        if "buyer_id" not in self.env["product.brand"]._fields:
            return
        buyers = [users[(f"buyer{index}",)] for index in range(1, BUYER_COUNT + 1)]
        for index, brand in enumerate(brands):
            if not brand.buyer_id:
                brand.buyer_id = buyers[index % len(buyers)]
