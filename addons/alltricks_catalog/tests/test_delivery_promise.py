from datetime import datetime

from odoo.tests import tagged
from odoo.tests.common import TransactionCase, new_test_user


@tagged("post_install", "-at_install")
class TestDeliveryPromise(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.website = cls.env["website"].create({"name": "Promise shop"})
        cls.website.company_id.partner_id.tz = "Europe/Paris"
        bikes = cls.env["product.category"].create(
            {"name": "Complete bikes", "alltricks_complete_bike": True}
        )
        cls.tyre = cls.env["product.product"].create({"name": "Tyre"})
        cls.bike = cls.env["product.product"].create(
            {"name": "Gravel bike", "categ_id": bikes.id}
        )

    def _promise(self, products, now):
        return self.website.with_context(lang="en_US")._get_alltricks_delivery_promise(
            products, now=now
        )

    def test_parts_before_cutoff_arrive_tomorrow(self):
        # Wednesday 2 December 2026, 11:00 in Paris.
        now = datetime(2026, 12, 2, 10, 0)
        self.assertEqual(
            self._promise(self.tyre, now), "Order before 18:00, delivered tomorrow"
        )

    def test_bikes_use_the_earlier_cutoff(self):
        # Wednesday, 17:30 in Paris: too late for a bike, fine for a tyre.
        now = datetime(2026, 12, 2, 16, 30)
        self.assertEqual(
            self._promise(self.bike, now),
            "Order now, ships tomorrow, delivered Friday",
        )
        self.assertEqual(
            self._promise(self.tyre | self.bike, now),
            "Order now, ships tomorrow, delivered Friday",
        )
        self.assertEqual(
            self._promise(self.tyre, now), "Order before 18:00, delivered tomorrow"
        )

    def test_friday_evening_ships_monday(self):
        # Friday 4 December 2026, 19:00 in Paris.
        now = datetime(2026, 12, 4, 18, 0)
        self.assertEqual(
            self._promise(self.tyre, now),
            "Order now, ships Monday, delivered Tuesday",
        )

    def test_portal_visitor_gets_the_promise(self):
        portal = new_test_user(self.env, "promise_portal", groups="base.group_portal")
        website = self.website.with_user(portal).with_context(lang="en_US")
        promise = website._get_alltricks_delivery_promise(
            self.bike.with_user(portal), now=datetime(2026, 12, 2, 10, 0)
        )
        self.assertEqual(promise, "Order before 17:00, delivered tomorrow")

    def test_friday_before_cutoff_arrives_monday(self):
        now = datetime(2026, 12, 4, 9, 0)
        self.assertEqual(
            self._promise(self.tyre, now), "Order before 18:00, delivered Monday"
        )
