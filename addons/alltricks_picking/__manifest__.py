{
    "name": "Alltricks Picking",
    "summary": "Batch picking on shortest routes, scanner screens, packing re-scan",
    "version": "19.0.1.5.0",
    "category": "Supply Chain/Inventory",
    "author": "Alltricks ERP team",
    "website": "https://github.com/alltricks-erp/alltricks-odoo",
    "license": "LGPL-3",
    "development_status": "Alpha",
    "depends": ["alltricks_catalog", "stock_picking_batch", "barcodes"],
    "data": [
        "security/ir.model.access.csv",
        "security/alltricks_cart_type_security.xml",
        "security/alltricks_pack_mismatch_security.xml",
        "data/alltricks_cart_type_data.xml",
        "data/ir_cron_data.xml",
        "views/alltricks_cart_type_views.xml",
        "views/stock_picking_batch_views.xml",
        "views/stock_picking_views.xml",
        "report/report_picking_batch.xml",
        "views/alltricks_scan_views.xml",
        "views/alltricks_picking_menus.xml",
    ],
    "assets": {
        "web.assets_backend": [
            "alltricks_picking/static/src/**/*",
        ],
        "web.assets_tests": [
            "alltricks_picking/static/tests/tours/**/*",
        ],
    },
    "installable": True,
    "application": False,
}
