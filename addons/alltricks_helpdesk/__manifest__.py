{
    "name": "Alltricks Helpdesk",
    "summary": "Support tickets routed to discipline experts, with after-sales",
    "version": "19.0.1.0.0",
    "category": "After-Sales",
    "author": "Alltricks ERP team",
    "website": "https://github.com/alltricks-erp/alltricks-odoo",
    "license": "LGPL-3",
    "development_status": "Alpha",
    "depends": [
        "helpdesk_mgmt",
        "helpdesk_mgmt_sla",
        "alltricks_catalog",
        "repair",
        "im_livechat",
    ],
    "data": [
        "security/alltricks_helpdesk_security.xml",
        "security/ir.model.access.csv",
    ],
    "installable": True,
    "application": False,
}
