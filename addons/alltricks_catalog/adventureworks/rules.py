"""Rules that turn AdventureWorks rows into a plausible Alltricks warehouse.

AdventureWorks has no brands, no box sizes and factory-sized stock, so the demo
derives them here, deterministically (no randomness: two loads give the same
data). Every rule is documented in demo/adventureworks/README.md.
"""

from __future__ import annotations

from collections import defaultdict

BIKE_BRAND = "Adventure Works"
LINE_BRANDS = {
    "R": "AW Road",
    "M": "AW Mountain",
    "T": "AW Touring",
    "S": "AW Essentials",
    "": "AW Essentials",
}
BULKY_WORDS = ("Frames", "Wheels", "Tires")
CLOTHING_SIZES = ("XS", "S", "M", "L", "XL", "XXL")
MAX_UNITS = 20
MAX_BIKES = 5
FRENCH_CITIES = (
    ("Maurepas", "78310"),
    ("Paris", "75011"),
    ("Lyon", "69003"),
    ("Marseille", "13006"),
    ("Nantes", "44000"),
    ("Lille", "59800"),
    ("Bordeaux", "33000"),
    ("Toulouse", "31000"),
    ("Rennes", "35000"),
    ("Annecy", "74000"),
)
STREETS = ("rue de la Gare", "avenue Jean Jaures", "rue Victor Hugo", "place du Marche")
_GETTERS = {"Size": lambda p: p.size, "Color": lambda p: p.color}

# Box of one unit, in cm, by subcategory; the category gives the fallback.
UNIT_BOX_CM = {
    "Bikes": (140.0, 80.0, 25.0),
    "Frames": (60.0, 45.0, 20.0),
    "Wheels": (72.0, 72.0, 12.0),
    "Tires and Tubes": (35.0, 35.0, 8.0),
    "Handlebars": (70.0, 15.0, 10.0),
    "Forks": (60.0, 20.0, 15.0),
    "Bike Racks": (70.0, 40.0, 20.0),
    "Bike Stands": (70.0, 40.0, 15.0),
    "Helmets": (30.0, 25.0, 20.0),
    "Clothing": (30.0, 25.0, 5.0),
    "Components": (25.0, 20.0, 10.0),
    "Accessories": (20.0, 15.0, 10.0),
}


def ean13(product_id):
    """A valid EAN-13 for a ProductID, in the in-store prefix 20 (never sold
    outside the company, so it cannot clash with a manufacturer's code)."""
    body = f"20{product_id:010d}"
    if len(body) != 12:
        raise ValueError(f"ProductID {product_id} has more than 10 digits")
    total = sum(
        int(digit) * (3 if index % 2 else 1) for index, digit in enumerate(body)
    )
    return body + str((10 - total % 10) % 10)


def brand_name(product, category_name):
    """Complete bikes carry the maker's name; other goods one brand per
    product line (road, mountain, touring, everything else)."""
    if category_name == "Bikes":
        return BIKE_BRAND
    return LINE_BRANDS[product.product_line]


def is_bulky(category_name, subcategory_name):
    """Frames, wheels, tyres and boxed bikes go to the bulky racks."""
    return category_name == "Bikes" or any(
        word in subcategory_name for word in BULKY_WORDS
    )


def unit_box_cm(category_name, subcategory_name):
    for key in (subcategory_name, category_name):
        for word, box in UNIT_BOX_CM.items():
            if word in key:
                return box
    return UNIT_BOX_CM["Accessories"]


def demo_quantity(product, stocked_units, is_bike):
    """Units on hand in the demo: the factory's stock scaled down to a shop's.

    Bikes get 1 to 5 (from the ProductID), other goods at most 20; a product
    the factory does not stock gets none.
    """
    if stocked_units <= 0:
        return 0
    if is_bike:
        return 1 + product.id % MAX_BIKES
    return min(stocked_units, MAX_UNITS)


def demo_quantities(dataset):
    """ProductID -> units on hand in the demo, for every sellable product."""
    stocked = defaultdict(int)
    for row in dataset.inventory:
        stocked[row.product_id] += row.quantity
    return {
        product.id: demo_quantity(
            product,
            stocked[product.id],
            dataset.category_of(product).name == "Bikes",
        )
        for product in dataset.sellable_products()
    }


def size_sort_key(size):
    """Frame sizes in cm by value, then clothing sizes S < M < L < XL."""
    if size.isascii() and size.isdigit():
        return (0, int(size), size)
    if size in CLOTHING_SIZES:
        return (1, CLOTHING_SIZES.index(size), size)
    return (2, 0, size)


def group_families(products):
    """ProductModelID -> products of that model, by ProductID.

    A model with several products is one template whose variants differ by size
    and colour; a model with one product is a single-variant template.
    """
    grouped = defaultdict(list)
    for product in sorted(products, key=lambda p: p.id):
        grouped[product.model_id].append(product)
    families = {}
    for model_id, members in grouped.items():
        if _distinguishable(members):
            families[model_id] = members
        else:
            # two members with the same size and colour cannot be variants of
            # one template: each becomes its own template
            families.update({(model_id, p.id): [p] for p in members})
    return families


def _distinguishable(members):
    attributes = variant_attributes(members)
    keys = {variant_key(member, attributes) for member in members}
    return len(keys) == len(members)


def variant_key(product, attributes):
    """``((attribute, value), ...)`` of a product for the given attributes."""
    return tuple((name, _GETTERS[name](product)) for name in sorted(attributes))


def variant_attributes(members):
    """Attributes that tell the members of a family apart: ``{"Size": [...],
    "Color": [...]}`` with the sorted values, only for attributes every member
    has and that take more than one value; a single member needs none."""
    if len(members) < 2:
        return {}
    result = {}
    for attribute, key in (("Size", size_sort_key), ("Color", str)):
        values = {_GETTERS[attribute](member) for member in members}
        if "" not in values and len(values) > 1:
            result[attribute] = sorted(values, key=key)
    return result


def price_extras(members, attributes):
    """Base price of a family and the extra per attribute value.

    Odoo prices a variant as the template price plus the extras of its values.
    When the price depends on one attribute only (AdventureWorks: silver frames
    cost more than black ones), each value of that attribute gets its extra;
    otherwise every variant sells at the lowest price.
    """
    base = min(member.list_price for member in members)
    for attribute in attributes:
        getter = _GETTERS[attribute]
        prices = defaultdict(set)
        for member in members:
            prices[getter(member)].add(member.list_price)
        if all(len(values) == 1 for values in prices.values()):
            extras = {
                (attribute, value): round(next(iter(values)) - base, 2)
                for value, values in prices.items()
            }
            return base, {key: extra for key, extra in extras.items() if extra}
    return base, {}


def select_orders(lines, count, bike_numbers, min_bike_orders):
    """The most recent ``count`` orders, at least ``min_bike_orders`` of them
    with a complete bike: ``[(order_number, [lines])]``, oldest first.

    Orders are ranked by date then number; the most recent bike orders are
    taken first, then the most recent others fill up to ``count``.
    """
    orders = defaultdict(list)
    for line in lines:
        orders[line.order_number].append(line)
    recent = sorted(
        orders, key=lambda number: (orders[number][0].order_date, number), reverse=True
    )
    bike_orders = [
        number
        for number in recent
        if any(line.product_number in bike_numbers for line in orders[number])
    ][:min_bike_orders]
    chosen = set(bike_orders)
    for number in recent:
        if len(chosen) >= count:
            break
        chosen.add(number)
    return [
        (number, sorted(orders[number], key=lambda line: line.line_number))
        for number in reversed(recent)
        if number in chosen
    ]


def customer_address(customer_key):
    """A French address for an AdventureWorks customer (their real addresses
    are not in the files we use): street, zip, city picked from the key."""
    city, zip_code = FRENCH_CITIES[customer_key % len(FRENCH_CITIES)]
    street = STREETS[customer_key // len(FRENCH_CITIES) % len(STREETS)]
    return {
        "street": f"{customer_key % 120 + 1} {street}",
        "zip": zip_code,
        "city": city,
    }
