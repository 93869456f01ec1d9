import base64
import io
import logging
from collections import Counter, defaultdict

from PIL import Image

from odoo import models
from odoo.addons.alltricks_slotting.putaway import (
    Bin,
    BinContent,
    IncomingLine,
    plan_putaway,
    velocity_classes,
)
from odoo.fields import Command
from odoo.tools import file_open

from ..adventureworks import rules
from ..adventureworks.reader import PHOTO_EXTENSIONS
from .alltricks_demo_loader import ensure_records

_logger = logging.getLogger(__name__)

MIN_UNIT_WEIGHT_KG = 0.1


class AlltricksDemoLoaderProducts(models.AbstractModel):
    _name = "alltricks.demo.loader.products"
    _description = "AdventureWorks demo loader: products and stock"

    # Products

    def _load_products(self, dataset, categories, brands):
        """Templates created, and ``{ProductID: product.product}`` of every
        sellable product, new or found by internal reference."""
        sellable = dataset.sellable_products()
        found = (
            self.env["product.product"]
            .with_context(active_test=False)
            .search([("default_code", "in", [product.number for product in sellable])])
        )
        by_number = {variant.default_code: variant for variant in found}
        families = [
            members
            for members in rules.group_families(sellable).values()
            if not any(member.number in by_number for member in members)
        ]
        values = self._ensure_attribute_values(families)
        images = self._read_photos(dataset, families)
        vals_list = []
        for members in families:
            vals = self._prepare_template_values(
                dataset, members, categories, brands, values
            )
            vals["image_1920"] = self._get_template_image(members, images)
            vals_list.append(vals)
        templates = (
            self.env["product.template"]
            .with_context(alltricks_catalog_import=True)
            .create(vals_list)
        )
        for template, members in zip(templates, families, strict=True):
            by_number.update(self._complete_variants(template, members, images))
        products = {
            product.id: by_number[product.number]
            for product in sellable
            if product.number in by_number
        }
        return templates, products

    def _ensure_attribute_values(self, families):
        """``{(attribute name, value name): product.attribute.value}``."""
        needed = defaultdict(set)
        for members in families:
            for name, names in rules.variant_attributes(members).items():
                needed[name].update(names)
        attributes = ensure_records(
            self.env,
            "product.attribute",
            [{"name": name, "create_variant": "always"} for name in sorted(needed)],
            ("name",),
        )
        values = ensure_records(
            self.env,
            "product.attribute.value",
            [
                {"name": value, "attribute_id": attributes[(name,)].id}
                for name in sorted(needed)
                for value in sorted(needed[name], key=rules.size_sort_key)
            ],
            ("name", "attribute_id"),
        )
        return {
            (name, value): values[value, attributes[(name,)].id]
            for name in needed
            for value in needed[name]
        }

    def _prepare_template_values(self, dataset, members, categories, brands, values):
        first = members[0]
        category, public_category = categories[first.subcategory_id]
        brand, vendor, delay = brands[
            rules.brand_name(first, dataset.category_of(first).name)
        ]
        attributes = rules.variant_attributes(members)
        base_price, __ = rules.price_extras(members, attributes)
        vals = {
            "name": dataset.models[first.model_id].name if attributes else first.name,
            "type": "consu",
            "is_storable": True,
            "sale_ok": True,
            "purchase_ok": True,
            "categ_id": category.id,
            "public_categ_ids": [Command.set(public_category.ids)],
            "product_brand_id": brand.id,
            "list_price": base_price,
            "seller_ids": [
                Command.create(
                    {
                        "partner_id": vendor.id,
                        "price": first.standard_cost,
                        "delay": delay,
                    }
                )
            ],
            "attribute_line_ids": [
                Command.create(
                    {
                        "attribute_id": values[name, names[0]].attribute_id.id,
                        "value_ids": [Command.set([values[name, v].id for v in names])],
                    }
                )
                for name, names in attributes.items()
            ],
        }
        length, width, height = self._get_unit_box(dataset, first)
        vals.update(slot_length_cm=length, slot_width_cm=width, slot_height_cm=height)
        if "sheet_state" in self.env["product.template"]._fields:
            vals["sheet_state"] = "validated"
        return vals

    def _get_unit_box(self, dataset, product):
        """Packed size of one unit, cm: AdventureWorks gives none, so the
        typical box of its kind (a boxed bike, a tyre, a jersey...)."""
        return rules.unit_box_cm(
            dataset.category_of(product).name,
            dataset.subcategories[product.subcategory_id].name,
        )

    def _complete_variants(self, template, members, images):
        """Give each variant its AdventureWorks data and, when it differs from
        the template's, its photo; drop the size/colour combinations
        AdventureWorks does not make. ``{number: variant}``."""
        attributes = rules.variant_attributes(members)
        template_image = self._get_template_image(members, images)
        __, extras = rules.price_extras(members, attributes)
        for value in template.attribute_line_ids.product_template_value_ids:
            extra = extras.get((value.attribute_id.name, value.name))
            if extra:
                value.price_extra = extra
        by_key = {rules.variant_key(member, attributes): member for member in members}
        result = {}
        for variant in template.product_variant_ids:
            key = tuple(
                sorted(
                    (value.attribute_id.name, value.name)
                    for value in variant.product_template_attribute_value_ids
                )
            )
            member = by_key.get(key)
            if member is None:
                variant.unlink()
                continue
            vals = self._prepare_variant_values(member)
            image = images.get(member.number, False)
            if image != template_image:
                vals["image_variant_1920"] = image
            variant.write(vals)
            result[member.number] = variant
        return result

    def _prepare_variant_values(self, product):
        return {
            "default_code": product.number,
            "barcode": rules.ean13(product.id),
            "weight": product.weight_kg,
            "standard_price": product.standard_cost,
        }

    # Photos

    def _read_photos(self, dataset, families):
        """``{ProductNumber: base64 photo}`` for the products of ``families``.

        Each file is read once, however many products show it; a file that
        cannot be read as an image is logged and its products get none.
        """
        contents = {}
        images = {}
        for member in (member for members in families for member in members):
            path = dataset.photos.get(member.number)
            if not path:
                continue
            if path not in contents:
                contents[path] = self._read_photo_file(path)
            if contents[path]:
                images[member.number] = contents[path]
        return images

    def _read_photo_file(self, path):
        """The base64 content of the image file at ``path``, or False."""
        try:
            with file_open(
                path, "rb", filter_ext=PHOTO_EXTENSIONS, env=self.env
            ) as handle:
                content = handle.read()
            with Image.open(io.BytesIO(content)) as image:
                image.load()
        except (OSError, ValueError, Image.DecompressionBombError) as error:
            _logger.warning(
                "Demo photo %s not loaded, its products have no image: %s",
                path,
                error,
            )
            return False
        return base64.b64encode(content)

    def _get_template_image(self, members, images):
        """The photo of the template: its first product's, when every product
        of the family has a photo. Otherwise none, so that a variant without
        a photo does not show one of another colour."""
        if all(images.get(member.number) for member in members):
            return images[members[0].number]
        return False

    # Stock

    def _load_stock(self, dataset, warehouse, products):
        """Put the demo quantities away in the bins with the putaway engine and
        apply them as an inventory; products already in the bins are skipped."""
        locations = self.env["stock.location"].search(
            [("warehouse_id", "=", warehouse.id), ("slot_rack_type", "!=", False)],
            order="name",
        )
        quants = self.env["stock.quant"].search([("location_id", "in", locations.ids)])
        lines = self._prepare_putaway_lines(
            dataset, products, set(quants.product_id.ids)
        )
        bins = self._prepare_engine_bins(warehouse, locations, quants)
        results = plan_putaway(lines, bins)

        unplaced = [result for result in results if result.unplaced_qty]
        for result in unplaced:
            _logger.info(
                "Demo stock: %s units of product %s not put away: %s",
                result.unplaced_qty,
                result.line.ref,
                result.message,
            )
        vals_list = [
            {
                "product_id": result.line.product_id,
                "location_id": allocation.bin_id,
                "inventory_quantity": allocation.qty,
            }
            for result in results
            for allocation in result.allocations
        ]
        new_quants = (
            self.env["stock.quant"].with_context(inventory_mode=True).create(vals_list)
        )
        new_quants.action_apply_inventory()
        return new_quants

    def _prepare_putaway_lines(self, dataset, products, skipped_ids):
        quantities = rules.demo_quantities(dataset)
        sold = Counter(line.product_number for line in dataset.sales_lines)
        velocity = velocity_classes(
            {
                product.id: sold[product.number]
                for product in dataset.sellable_products()
            }
        )
        lines = []
        for product in dataset.sellable_products():
            variant = products.get(product.id)
            if not variant or variant.id in skipped_ids or not quantities[product.id]:
                continue
            category = dataset.category_of(product).name
            subcategory = dataset.subcategories[product.subcategory_id].name
            length, width, height = self._get_unit_box(dataset, product)
            lines.append(
                IncomingLine(
                    product_id=variant.id,
                    qty=quantities[product.id],
                    length_cm=length,
                    width_cm=width,
                    height_cm=height,
                    weight_kg=max(product.weight_kg, MIN_UNIT_WEIGHT_KG),
                    template_id=variant.product_tmpl_id.id,
                    velocity=velocity[product.id],
                    bulky=rules.is_bulky(category, subcategory),
                    ref=product.number,
                )
            )
        return lines

    def _prepare_engine_bins(self, warehouse, locations, quants):
        """The bins as the putaway engine sees them; a bin already holding
        stock counts as full (its units' sizes are unknown)."""
        contents = defaultdict(list)
        for quant in quants:
            contents[quant.location_id.id].append(
                BinContent(
                    product_id=quant.product_id.id,
                    qty=quant.quantity,
                    families=frozenset(
                        {("template", quant.product_id.product_tmpl_id.id)}
                    ),
                )
            )
        depot_x = warehouse.slot_depot_x_m
        return [
            Bin(
                id=location.id,
                name=location.name,
                zone=location.slot_zone,
                aisle=location.slot_aisle_index,
                side=location.slot_side,
                bay=location.slot_depth_index,
                level=location.slot_level,
                position=location.slot_position,
                x=location.slot_x,
                y=location.slot_y,
                z=location.slot_z,
                width_cm=location.slot_width_cm,
                depth_cm=location.slot_depth_cm,
                height_cm=location.slot_height_cm,
                max_weight_kg=location.slot_max_weight_kg,
                walk_m=abs(location.slot_x - depot_x) + location.slot_y,
                max_units=location.slot_capacity_units or None,
                rack_type=location.slot_rack_type,
                contents=tuple(contents.get(location.id, ())),
            )
            for location in locations
        ]
