from odoo import SUPERUSER_ID, api


def migrate(cr, version):
    """Databases updated from an earlier version: the products already on sale in
    the web shop go on sale in the point of sale, as on a new install."""
    env = api.Environment(cr, SUPERUSER_ID, {})
    env["product.template"]._alltricks_sync_available_in_pos()
