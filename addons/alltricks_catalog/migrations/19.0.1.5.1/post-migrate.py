from odoo import SUPERUSER_ID, api
from odoo.addons.alltricks_catalog import _create_default_sheet_rules


def migrate(cr, version):
    """Databases updated from an earlier version: the companies created after the
    installation get the default sheet rule a new company now gets."""
    _create_default_sheet_rules(api.Environment(cr, SUPERUSER_ID, {}))
