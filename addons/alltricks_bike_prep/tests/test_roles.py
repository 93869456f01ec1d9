from odoo.tests import tagged
from odoo.tests.common import TransactionCase, new_test_user


@tagged("post_install", "-at_install")
class TestWorkshopRoles(TransactionCase):
    def test_workshop_manager_is_a_mechanic_with_stock_access(self):
        manager = new_test_user(
            self.env, "ws_manager", groups="alltricks_bike_prep.group_workshop_manager"
        )
        self.assertTrue(manager.has_group("alltricks_bike_prep.group_mechanic"))
        self.assertTrue(manager.has_group("stock.group_stock_user"))
        self.assertFalse(manager.has_group("stock.group_stock_manager"))
