"""Read and check the AdventureWorks files the demo loader uses.

Every row is checked before anything is loaded: field count, types, value sets
and foreign keys. The first problem raises :class:`DataError`, whose message
names the file and the line, e.g. ``Product.csv line 17: Weight 'abc' is not a
number``. Reading is O(rows) with dictionaries for the key look-ups.

Formats (see demo/adventureworks/README.md): the OLTP tables are tab-separated,
without header, ``char(n)`` codes padded with spaces; the ``dw/`` tables are
comma-separated with a header row, like ``photos/photos.csv``.
"""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

from .records import (
    Category,
    Dataset,
    InventoryRow,
    Product,
    ProductModel,
    SalesLine,
    Subcategory,
)

WEIGHT_UNITS = ("", "LB", "G")
PRODUCT_LINES = ("", "R", "M", "T", "S")
PHOTO_FILE = "photos/photos.csv"
PHOTO_EXTENSIONS = (".png", ".gif", ".jpg", ".jpeg")
SALES_COLUMNS = (
    "ProductKey",
    "CustomerKey",
    "SalesOrderNumber",
    "SalesOrderLineNumber",
    "OrderQuantity",
    "UnitPrice",
    "OrderDate",
)


class DataError(ValueError):
    """A file of the data set cannot be used; the message names file and line."""

    def __init__(self, filename, line, message):
        self.filename = filename
        self.line = line
        self.message = message
        where = f"{filename} line {line}" if line else filename
        super().__init__(f"{where}: {message}")


class Row:
    """The fields of one line, with typed accessors that report bad values."""

    __slots__ = ("filename", "line", "values")

    def __init__(self, filename, line, values):
        self.filename = filename
        self.line = line
        self.values = values

    def error(self, message):
        return DataError(self.filename, self.line, message)

    def text(self, index, column, required=False):
        value = self.values[index].strip()
        if required and not value:
            raise self.error(f"{column} is empty")
        return value

    def integer(self, index, column, required=True):
        value = self.text(index, column, required)
        if not value:
            return None
        try:
            return int(value)
        except ValueError:
            raise self.error(f"{column} '{value}' is not a whole number") from None

    def number(self, index, column, required=True):
        value = self.text(index, column, required)
        if not value:
            return None
        try:
            result = float(value)
        except ValueError:
            raise self.error(f"{column} '{value}' is not a number") from None
        if result < 0 or result != result:
            raise self.error(f"{column} '{value}' is not a positive number")
        return result

    def flag(self, index, column):
        value = self.text(index, column, True)
        if value not in ("0", "1"):
            raise self.error(f"{column} '{value}' is neither 0 nor 1")
        return value == "1"

    def choice(self, index, column, allowed):
        value = self.text(index, column)
        if value not in allowed:
            expected = ", ".join(repr(v) for v in allowed)
            raise self.error(f"{column} '{value}' is not one of {expected}")
        return value

    def day(self, index, column):
        value = self.text(index, column, True)
        try:
            return date.fromisoformat(value[:10])
        except ValueError:
            raise self.error(f"{column} '{value}' is not a date (YYYY-MM-DD)") from None

    def reference(self, index, column, known, required=True):
        """An id that must be a key of ``known``."""
        value = self.integer(index, column, required)
        if value is not None and value not in known:
            raise self.error(f"{column} {value} does not exist")
        return value


def iter_rows(directory, filename, field_count, header=None):
    """Yield a :class:`Row` per non-blank line, after checking its field count.

    Without ``header`` the file is tab-separated with no header row; with it, the
    file is comma-separated and its first line must name the ``header`` columns,
    which are then read by position in that order.
    """
    path = Path(directory) / filename
    if not path.is_file():
        raise DataError(filename, None, f"the file is missing from {directory}")
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            if header is None:
                reader = csv.reader(handle, delimiter="\t")
                positions = None
            else:
                reader = csv.reader(handle)
                positions = _header_positions(filename, next(reader, []), header)
            for values in reader:
                if not values:
                    continue
                if len(values) != field_count:
                    raise DataError(
                        filename,
                        reader.line_num,
                        f"{field_count} fields expected, {len(values)} found",
                    )
                if positions:
                    yield Row(filename, reader.line_num, [values[p] for p in positions])
                else:
                    yield Row(filename, reader.line_num, values)
    except UnicodeDecodeError as error:
        raise DataError(filename, None, f"not UTF-8 text ({error.reason})") from None


def _header_positions(filename, names, wanted):
    missing = [column for column in wanted if column not in names]
    if missing:
        raise DataError(filename, 1, f"column(s) {', '.join(missing)} missing")
    return [names.index(column) for column in wanted]


def _unique(row, seen, value, column):
    if value in seen:
        raise row.error(f"{column} {value} appears twice")
    return value


def _positive(row, value, column, minimum):
    if value < minimum:
        raise row.error(f"{column} {value} is below {minimum}")
    return value


def read_categories(directory):
    result = {}
    for row in iter_rows(directory, "ProductCategory.csv", 4):
        key = _unique(row, result, row.integer(0, "ProductCategoryID"), "ID")
        result[key] = Category(key, row.text(1, "Name", True))
    return result


def read_subcategories(directory, categories):
    result = {}
    for row in iter_rows(directory, "ProductSubcategory.csv", 5):
        key = _unique(row, result, row.integer(0, "ProductSubcategoryID"), "ID")
        category_id = row.reference(1, "ProductCategoryID", categories)
        result[key] = Subcategory(key, category_id, row.text(2, "Name", True))
    return result


def read_models(directory):
    result = {}
    for row in iter_rows(directory, "ProductModel.csv", 6):
        key = _unique(row, result, row.integer(0, "ProductModelID"), "ID")
        result[key] = ProductModel(key, row.text(1, "Name", True))
    return result


def read_products(directory, subcategories, models):
    result = {}
    numbers = set()
    for row in iter_rows(directory, "Product.csv", 25):
        product = _read_product(row, subcategories, models)
        _unique(row, result, product.id, "ProductID")
        numbers.add(_unique(row, numbers, product.number, "ProductNumber"))
        result[product.id] = product
    return result


def _read_product(row, subcategories, models):
    weight_unit = row.choice(12, "WeightUnitMeasureCode", WEIGHT_UNITS)
    weight = row.number(13, "Weight", required=bool(weight_unit))
    finished = row.flag(4, "FinishedGoodsFlag")
    return Product(
        id=row.integer(0, "ProductID"),
        name=row.text(1, "Name", True),
        number=row.text(2, "ProductNumber", True),
        finished=finished,
        color=row.text(5, "Color"),
        reorder_point=row.integer(7, "ReorderPoint"),
        standard_cost=row.number(8, "StandardCost"),
        list_price=row.number(9, "ListPrice"),
        size=row.text(10, "Size"),
        weight_unit=weight_unit,
        weight=weight,
        product_line=row.choice(15, "ProductLine", PRODUCT_LINES),
        subcategory_id=row.reference(
            18, "ProductSubcategoryID", subcategories, required=finished
        ),
        model_id=row.reference(19, "ProductModelID", models, required=finished),
    )


def read_inventory(directory, products):
    return [
        InventoryRow(
            product_id=row.reference(1, "ProductID", products),
            location_id=row.integer(2, "LocationID"),
            shelf=row.text(3, "Shelf", True),
            bin=row.integer(4, "Bin"),
            quantity=_positive(row, row.integer(5, "Quantity"), "Quantity", 0),
        )
        for row in iter_rows(directory, "ProductInventory.csv", 8)
    ]


def read_product_keys(directory, products):
    """``dw/DimProduct.csv``: DW ProductKey -> OLTP ProductNumber."""
    numbers = {product.number for product in products.values()}
    header = ("ProductKey", "ProductAlternateKey")
    result = {}
    for row in iter_rows(directory, "dw/DimProduct.csv", 25, header):
        key = _unique(row, result, row.integer(0, "ProductKey"), "ProductKey")
        number = row.text(1, "ProductAlternateKey", True)
        if number not in numbers:
            raise row.error(f"ProductAlternateKey {number} is not in Product.csv")
        result[key] = number
    return result


def read_internet_sales(directory, product_keys):
    lines = []
    for row in iter_rows(directory, "dw/FactInternetSales.csv", 26, SALES_COLUMNS):
        quantity = _positive(row, row.integer(4, "OrderQuantity"), "OrderQuantity", 1)
        lines.append(
            SalesLine(
                order_number=row.text(2, "SalesOrderNumber", True),
                line_number=row.integer(3, "SalesOrderLineNumber"),
                product_number=product_keys[
                    row.reference(0, "ProductKey", product_keys)
                ],
                customer_key=row.integer(1, "CustomerKey"),
                quantity=quantity,
                unit_price=row.number(5, "UnitPrice"),
                order_date=row.day(6, "OrderDate"),
            )
        )
    return lines


def read_photos(directory, products):
    """``photos/photos.csv``: ProductNumber -> path of its photo file.

    The photos are optional: without the file, no product has one. A row must
    name a product of ``Product.csv`` and a plain image file name of the
    ``photos`` folder; whether that file exists is left to the loader, which
    loads the product without an image when it does not.
    """
    if not (Path(directory) / PHOTO_FILE).is_file():
        return {}
    numbers = {product.number for product in products.values()}
    folder = Path(directory) / Path(PHOTO_FILE).parent
    result = {}
    for row in iter_rows(directory, PHOTO_FILE, 2, ("ProductNumber", "Photo")):
        number = _unique(
            row, result, row.text(0, "ProductNumber", True), "ProductNumber"
        )
        if number not in numbers:
            raise row.error(f"ProductNumber {number} is not in Product.csv")
        name = row.text(1, "Photo", True)
        if Path(name).name != name or not name.lower().endswith(PHOTO_EXTENSIONS):
            raise row.error(
                f"Photo '{name}' is not the name of a "
                f"{', '.join(PHOTO_EXTENSIONS)} file of the photos folder"
            )
        result[number] = str(folder / name)
    return result


def read_dataset(directory):
    """Read and cross-check every file the demo loader uses."""
    dataset = Dataset()
    dataset.categories = read_categories(directory)
    dataset.subcategories = read_subcategories(directory, dataset.categories)
    dataset.models = read_models(directory)
    dataset.products = read_products(directory, dataset.subcategories, dataset.models)
    dataset.inventory = read_inventory(directory, dataset.products)
    product_keys = read_product_keys(directory, dataset.products)
    dataset.sales_lines = read_internet_sales(directory, product_keys)
    dataset.photos = read_photos(directory, dataset.products)
    return dataset
