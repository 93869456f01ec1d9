{
    "name": "Alltricks Bike Preparation",
    "summary": "Workshop work orders that make each complete bike ready to ride",
    "version": "19.0.1.0.0",
    "category": "Supply Chain/Inventory",
    "author": "Alltricks ERP team",
    "website": "https://github.com/alltricks-erp/alltricks-odoo",
    "license": "LGPL-3",
    "development_status": "Alpha",
    "depends": ["alltricks_catalog", "alltricks_picking"],
    "data": [
        "security/alltricks_bike_prep_security.xml",
        "security/ir.model.access.csv",
    ],
    "installable": True,
    "application": False,
}
