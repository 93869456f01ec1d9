{
    "name": "Alltricks Showroom Kiosk",
    "summary": "Showroom self-order kiosk with express picks to the pickup counter",
    "version": "19.0.1.3.0",
    "category": "Sales/Point of Sale",
    "author": "Alltricks ERP team",
    "website": "https://github.com/alltricks-erp/alltricks-odoo",
    "license": "LGPL-3",
    "development_status": "Alpha",
    "depends": ["pos_self_order", "alltricks_catalog", "alltricks_picking"],
    "data": [
        "security/alltricks_kiosk_security.xml",
        "security/ir.model.access.csv",
        "data/showroom_data.xml",
        "views/pos_config_views.xml",
        "views/counter_templates.xml",
        "views/stock_picking_views.xml",
        "views/product_category_views.xml",
    ],
    "demo": ["demo/kiosk_category_demo.xml"],
    "assets": {
        "pos_self_order.assets": [
            "alltricks_kiosk/static/src/app/**/*",
        ],
        "pos_self_order.assets_tests": [
            "alltricks_kiosk/static/tests/tours/**/*",
        ],
    },
    "installable": True,
    "application": False,
}
