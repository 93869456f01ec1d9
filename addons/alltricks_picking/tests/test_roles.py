from odoo.exceptions import AccessError
from odoo.tests import tagged
from odoo.tests.common import TransactionCase, new_test_user


@tagged("post_install", "-at_install")
class TestPickingRoles(TransactionCase):
    def test_picker_reads_batches_but_cannot_configure_locations(self):
        picker = new_test_user(
            self.env, "pk_picker", groups="alltricks_slotting.group_picker"
        )
        self.env["stock.picking.batch"].with_user(picker).search([])
        with self.assertRaises(AccessError):
            self.env["stock.location"].with_user(picker).create({"name": "Nope"})
