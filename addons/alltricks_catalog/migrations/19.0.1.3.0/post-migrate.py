from odoo import SUPERUSER_ID, api


def migrate(cr, version):
    """Databases updated from an earlier version: products published with a sheet
    that is not validated leave the shop, as on a new install."""
    env = api.Environment(cr, SUPERUSER_ID, {})
    env["product.template"]._alltricks_unpublish_unvalidated()
