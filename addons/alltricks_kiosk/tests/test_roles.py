from odoo.tests import tagged
from odoo.tests.common import TransactionCase, new_test_user


@tagged("post_install", "-at_install")
class TestShowroomRoles(TransactionCase):
    def test_counter_staff_use_the_point_of_sale_only(self):
        staff = new_test_user(
            self.env, "sr_staff", groups="alltricks_kiosk.group_showroom_staff"
        )
        self.assertTrue(staff.has_group("point_of_sale.group_pos_user"))
        self.assertFalse(staff.has_group("point_of_sale.group_pos_manager"))
