{
    "name": "Alltricks Showroom Kiosk",
    "summary": "Showroom self-order kiosk with express picks to the pickup counter",
    "version": "19.0.1.0.0",
    "category": "Sales/Point of Sale",
    "author": "Alltricks ERP team",
    "website": "https://github.com/alltricks-erp/alltricks-odoo",
    "license": "LGPL-3",
    "development_status": "Alpha",
    "depends": ["pos_self_order", "alltricks_catalog", "alltricks_picking"],
    "data": [
        "security/alltricks_kiosk_security.xml",
        "security/ir.model.access.csv",
    ],
    "installable": True,
    "application": False,
}
