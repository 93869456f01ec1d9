{
    "name": "Alltricks Picking",
    "summary": "Batch picking on shortest routes, scanner screens, packing re-scan",
    "version": "19.0.1.0.0",
    "category": "Supply Chain/Inventory",
    "author": "Alltricks ERP team",
    "website": "https://github.com/alltricks-erp/alltricks-odoo",
    "license": "LGPL-3",
    "development_status": "Alpha",
    "depends": ["alltricks_catalog", "stock_picking_batch"],
    "data": [
        "security/ir.model.access.csv",
    ],
    "installable": True,
    "application": False,
}
