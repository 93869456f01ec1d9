"""The AdventureWorks reader: good rows, and each kind of bad row."""

import shutil
from datetime import date
from pathlib import Path

import pytest
from alltricks_catalog.adventureworks import DataError, read_dataset, rules

GOOD = Path(__file__).resolve().parents[2] / (
    "addons/alltricks_catalog/tests/data/good"
)


@pytest.fixture
def data_dir(tmp_path):
    target = tmp_path / "aw"
    shutil.copytree(GOOD, target)
    return target


def replace_field(directory, filename, line, index, value, sep="\t"):
    """Set field ``index`` of 1-based ``line`` of a fixture file."""
    path = directory / filename
    lines = path.read_text().split("\n")
    fields = lines[line - 1].split(sep)
    fields[index] = value
    lines[line - 1] = sep.join(fields)
    path.write_text("\n".join(lines))


def error_of(directory):
    with pytest.raises(DataError) as info:
        read_dataset(directory)
    return str(info.value)


def test_good_rows_are_read_with_units_normalised():
    dataset = read_dataset(GOOD)
    assert len(dataset.products) == 12
    assert len(dataset.sellable_products()) == 11
    bike = dataset.products[9011]
    assert bike.number == "FX-R900-44"
    assert bike.weight_unit == "LB"  # padding stripped
    assert bike.weight_kg == 9.072
    assert bike.product_line == "R"
    assert dataset.products[9021].weight_kg == 1.05
    assert dataset.products[9023].weight is None
    assert dataset.category_of(bike).name == "Bikes"
    assert sum(row.quantity for row in dataset.inventory) == 612
    first = dataset.sales_lines[0]
    assert (first.order_number, first.product_number) == ("SO90001", "FX-JB-S")
    assert first.order_date == date(2014, 1, 1)


def test_wrong_field_count_names_file_and_line(data_dir):
    path = data_dir / "ProductCategory.csv"
    lines = path.read_text().split("\n")
    lines[2] += "\textra"
    path.write_text("\n".join(lines))
    assert error_of(data_dir) == (
        "ProductCategory.csv line 3: 4 fields expected, 5 found"
    )


def test_text_in_a_number_column(data_dir):
    replace_field(data_dir, "Product.csv", 5, 13, "abc")
    replace_field(data_dir, "Product.csv", 5, 12, "LB ")
    assert error_of(data_dir) == "Product.csv line 5: Weight 'abc' is not a number"


def test_text_in_an_integer_column(data_dir):
    replace_field(data_dir, "ProductInventory.csv", 4, 5, "3.5")
    assert error_of(data_dir) == (
        "ProductInventory.csv line 4: Quantity '3.5' is not a whole number"
    )


def test_negative_price(data_dir):
    replace_field(data_dir, "Product.csv", 2, 9, "-5")
    assert error_of(data_dir) == (
        "Product.csv line 2: ListPrice '-5' is not a positive number"
    )


def test_bad_flag_and_unknown_unit(data_dir):
    replace_field(data_dir, "Product.csv", 1, 4, "yes")
    assert error_of(data_dir) == (
        "Product.csv line 1: FinishedGoodsFlag 'yes' is neither 0 nor 1"
    )
    replace_field(data_dir, "Product.csv", 1, 4, "1")
    replace_field(data_dir, "Product.csv", 1, 12, "KG ")
    assert error_of(data_dir) == (
        "Product.csv line 1: WeightUnitMeasureCode 'KG' is not one of '', 'LB', 'G'"
    )


def test_weight_unit_without_weight(data_dir):
    replace_field(data_dir, "Product.csv", 10, 12, "G  ")
    assert error_of(data_dir) == "Product.csv line 10: Weight is empty"


def test_unknown_foreign_keys(data_dir):
    replace_field(data_dir, "Product.csv", 3, 18, "99")
    assert error_of(data_dir) == (
        "Product.csv line 3: ProductSubcategoryID 99 does not exist"
    )


def test_unknown_product_in_inventory_and_sales(data_dir):
    replace_field(data_dir, "ProductInventory.csv", 2, 1, "12345")
    assert error_of(data_dir) == (
        "ProductInventory.csv line 2: ProductID 12345 does not exist"
    )
    replace_field(data_dir, "ProductInventory.csv", 2, 1, "9001")
    replace_field(data_dir, "dw/FactInternetSales.csv", 3, 0, "777", sep=",")
    assert error_of(data_dir) == (
        "dw/FactInternetSales.csv line 3: ProductKey 777 does not exist"
    )


def test_duplicate_product_number(data_dir):
    replace_field(data_dir, "Product.csv", 2, 2, "FX-JB-S")
    assert error_of(data_dir) == (
        "Product.csv line 2: ProductNumber FX-JB-S appears twice"
    )


def test_bad_date_and_missing_column(data_dir):
    replace_field(data_dir, "dw/FactInternetSales.csv", 2, 23, "01/02/2014", ",")
    assert error_of(data_dir) == (
        "dw/FactInternetSales.csv line 2: OrderDate '01/02/2014' is not a date "
        "(YYYY-MM-DD)"
    )
    replace_field(data_dir, "dw/DimProduct.csv", 1, 1, "AlternateKey", ",")
    assert error_of(data_dir) == (
        "dw/DimProduct.csv line 1: column(s) ProductAlternateKey missing"
    )


def test_missing_file(data_dir):
    (data_dir / "ProductModel.csv").unlink()
    assert error_of(data_dir).startswith("ProductModel.csv: the file is missing")


def test_ean13_is_valid_and_deterministic():
    code = rules.ean13(680)
    assert code == "2000000006802"
    digits = [int(d) for d in code]
    weighted = sum(d * (3 if i % 2 else 1) for i, d in enumerate(digits[:12]))
    assert (weighted + digits[12]) % 10 == 0


def test_families_group_sizes_and_colours_of_one_model():
    dataset = read_dataset(GOOD)
    families = rules.group_families(dataset.sellable_products())
    jersey = families[902]
    assert [p.number for p in jersey] == [
        "FX-JB-S",
        "FX-JR-S",
        "FX-JB-M",
        "FX-JR-M",
        "FX-JB-L",
    ]
    assert rules.variant_attributes(jersey) == {
        "Size": ["S", "M", "L"],
        "Color": ["Blue", "Red"],
    }
    assert rules.price_extras(jersey, ["Size", "Color"]) == (
        50.0,
        {("Color", "Red"): 2.0},
    )
    assert rules.variant_attributes(families[903]) == {}


def test_demo_quantities_are_capped():
    dataset = read_dataset(GOOD)
    bike, jersey = dataset.products[9011], dataset.products[9001]
    assert rules.demo_quantity(bike, 100, is_bike=True) == 2
    assert rules.demo_quantity(jersey, 30, is_bike=False) == 20
    assert rules.demo_quantity(jersey, 0, is_bike=False) == 0
    assert rules.demo_quantities(dataset) == {
        9001: 20,
        9002: 5,
        9003: 7,
        9004: 3,
        9005: 0,
        9011: 2,
        9012: 3,
        9021: 0,
        9022: 12,
        9023: 1,
        9024: 20,
    }


def test_select_orders_keeps_recent_ones_and_some_bikes():
    dataset = read_dataset(GOOD)
    orders = rules.select_orders(dataset.sales_lines, 2, {"FX-R900-48"}, 1)
    assert [number for number, __ in orders] == ["SO90002", "SO90004"]
