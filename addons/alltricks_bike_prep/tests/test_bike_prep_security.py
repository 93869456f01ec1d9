from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import BikePrepCase


@tagged("post_install", "-at_install")
class TestBikePrepSecurity(BikePrepCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        order = cls._create_order([(cls.bike, 3)])
        order.action_confirm()
        cls.own, cls.other, cls.unassigned = order.alltricks_bike_prep_ids.sorted("id")
        cls.own.sudo().user_id = cls.mechanic
        cls.other.sudo().user_id = cls.mechanic_b
        cls.unassigned.sudo().user_id = False
        cls.other_company = cls.env["res.company"].create({"name": "Other shop"})
        cls.foreign = cls.env["alltricks.bike.prep"].create(
            {
                "product_id": cls.bike.id,
                "company_id": cls.other_company.id,
                "date_due": "2030-01-07 16:00:00",
                "user_id": False,
            }
        )

    def _visible(self, user):
        prep = self.env["alltricks.bike.prep"].with_user(user)
        return prep.search(
            [("id", "in", (self.own | self.other | self.unassigned).ids)]
        )

    def test_mechanic_sees_own_and_unassigned_work_orders(self):
        self.assertEqual(self._visible(self.mechanic), self.own | self.unassigned)

    def test_mechanic_cannot_read_another_mechanics_work_order(self):
        with self.assertRaises(AccessError):
            self.other.with_user(self.mechanic).read(["frame_marking"])

    def test_mechanic_cannot_create_work_orders(self):
        with self.assertRaises(AccessError):
            self.env["alltricks.bike.prep"].with_user(self.mechanic).create(
                {"product_id": self.bike.id, "date_due": "2030-01-07 16:00:00"}
            )

    def test_mechanic_takes_an_unassigned_work_order_by_starting_it(self):
        self.unassigned.with_user(self.mechanic).action_start()
        self.assertEqual(self.unassigned.user_id, self.mechanic)

    def test_workshop_manager_sees_all_work_orders(self):
        self.assertEqual(
            self._visible(self.manager), self.own | self.other | self.unassigned
        )

    def test_settings_are_read_only_for_mechanics(self):
        setting = self.env["alltricks.suspension.setting"].search([], limit=1)
        with self.assertRaises(AccessError):
            setting.with_user(self.mechanic).pressure_psi = 1.0

    def test_other_company_work_orders_are_hidden(self):
        prep = self.env["alltricks.bike.prep"].with_user(self.manager)
        self.assertFalse(prep.search([("id", "=", self.foreign.id)]))
        self.manager.company_ids |= self.other_company
        visible = prep.with_context(
            allowed_company_ids=[self.company.id, self.other_company.id]
        ).search([("id", "=", self.foreign.id)])
        self.assertEqual(visible, self.foreign)

    def test_mechanic_sees_only_checklist_lines_of_visible_work_orders(self):
        steps = self.env["alltricks.bike.prep.step"].with_user(self.mechanic)
        visible = steps.search([("work_order_id", "in", (self.own | self.other).ids)])
        self.assertEqual(visible.work_order_id, self.own)

    def test_quality_checks_of_another_company_are_hidden(self):
        check = self.env["alltricks.bike.prep.qc"].create(
            {"work_order_id": self.foreign.id, "result": "passed"}
        )
        checks = self.env["alltricks.bike.prep.qc"].with_user(self.manager)
        self.assertFalse(checks.search([("id", "=", check.id)]))

    def test_salesman_reads_work_orders_but_cannot_change_them(self):
        self.assertEqual(self.own.with_user(self.salesman).state, "draft")
        with self.assertRaises(AccessError):
            self.own.with_user(self.salesman).frame_marking = "AB12CD34EF"
