{
    "name": "Alltricks Catalog",
    "summary": "Product sheets, brands, buyers; the shop sells only shelved stock",
    "version": "19.0.1.0.0",
    "category": "Sales/Sales",
    "author": "Alltricks ERP team",
    "website": "https://github.com/alltricks-erp/alltricks-odoo",
    "license": "LGPL-3",
    "development_status": "Alpha",
    "depends": [
        "alltricks_slotting",
        "product_brand",
        "website_sale_stock",
        "purchase_stock",
        "sale_stock",
    ],
    "data": [
        "security/alltricks_catalog_security.xml",
        "security/ir.model.access.csv",
        "views/product_category_views.xml",
    ],
    "installable": True,
    "application": False,
}
