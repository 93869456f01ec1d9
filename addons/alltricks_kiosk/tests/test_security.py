from odoo.exceptions import AccessError
from odoo.tests import tagged
from odoo.tests.common import TransactionCase, new_test_user

from .common import ShowroomKioskMixin


@tagged("post_install", "-at_install")
class TestShowroomSecurity(ShowroomKioskMixin, TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_showroom()
        cls.company_b = cls.env["res.company"].create({"name": "Alltricks Lyon"})
        cls.warehouse_b = cls.env["stock.warehouse"].search(
            [("company_id", "=", cls.company_b.id)], limit=1
        )
        cls.bin_b = cls.env["stock.location"].create(
            {
                "name": "L-01-01-1-1",
                "location_id": cls.warehouse_b.lot_stock_id.id,
                "slot_rack_type": "shelf",
                "company_id": cls.company_b.id,
            }
        )
        cls.staff_b = new_test_user(
            cls.env,
            "sr_staff_lyon",
            groups="base.group_user,alltricks_kiosk.group_showroom_staff",
            company_id=cls.company_b.id,
            company_ids=[(6, 0, cls.company_b.ids)],
        )

    def test_kiosk_never_offers_stock_of_another_company(self):
        lyon_only = self._create_item("Lyon Only Saddle", "3700000000048")
        self._put(lyon_only, self.bin_b, 4)

        data = self.config.with_user(
            self.config.self_ordering_default_user_id
        ).load_self_data()

        names = {template["name"] for template in data["product.template"]}
        self.assertEqual(names, {"Showroom Gravel Bike"})

    def test_counter_staff_see_the_express_picks_of_their_company_only(self):
        order = self._kiosk_order(self.bike, 1)
        domain = [("alltricks_express", "=", True)]

        mine = self.env["stock.picking"].with_user(self.cashier).search(domain)
        theirs = self.env["stock.picking"].with_user(self.staff_b).search(domain)

        self.assertEqual(mine, self._express_picks(order))
        self.assertFalse(theirs)

    def test_counter_staff_cannot_change_the_kiosk_settings(self):
        with self.assertRaises(AccessError):
            self.config.with_user(self.cashier).alltricks_pick_minutes = 1
