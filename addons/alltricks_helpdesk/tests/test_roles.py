from odoo.tests import tagged
from odoo.tests.common import TransactionCase, new_test_user


@tagged("post_install", "-at_install")
class TestSupportRoles(TransactionCase):
    def test_after_sales_technician_works_tickets_of_their_teams(self):
        technician = new_test_user(
            self.env, "as_tech", groups="alltricks_helpdesk.group_after_sales"
        )
        self.assertTrue(technician.has_group("alltricks_helpdesk.group_support_agent"))
        self.assertTrue(technician.has_group("helpdesk_mgmt.group_helpdesk_user_team"))
        self.assertFalse(technician.has_group("helpdesk_mgmt.group_helpdesk_manager"))
