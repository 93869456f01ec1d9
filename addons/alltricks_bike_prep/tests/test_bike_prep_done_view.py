from lxml import etree

from odoo.tests import tagged

from .common import BikePrepCase


@tagged("post_install", "-at_install")
class TestBikePrepDoneView(BikePrepCase):
    """A done work order shows no work left and no button that can only fail."""

    def test_done_work_order_has_no_work_left(self):
        order = self._create_order([(self.bike, 1)])
        order.action_confirm()
        work_order = order.alltricks_bike_prep_ids.with_user(self.mechanic_b)
        work_order.sudo().user_id = self.mechanic_b
        buyer_steps = work_order.step_ids.filtered(lambda s: s.kind == "buyer")
        self.assertTrue(buyer_steps)
        work_order.action_start()
        work_order.frame_marking = "AB12CD34EF"
        (work_order.step_ids - buyer_steps).action_mark_done()
        self.assertEqual(
            work_order.remaining_minutes, sum(buyer_steps.mapped("duration_minutes"))
        )

        work_order.action_done()

        self.assertEqual(work_order.state, "done")
        self.assertEqual(set(buyer_steps.mapped("state")), {"todo"})
        self.assertEqual(work_order.remaining_minutes, 0)

    def test_step_buttons_only_show_on_a_work_order_in_progress(self):
        arch = self.env["alltricks.bike.prep"].get_views([(False, "form")])["views"][
            "form"
        ]["arch"]
        buttons = etree.fromstring(arch).xpath("//field[@name='step_ids']//button")
        self.assertEqual(
            sorted(button.get("name") for button in buttons),
            ["action_mark_done", "action_mark_not_applicable", "action_reopen"],
        )
        for button in buttons:
            self.assertIn("parent.state != 'in_progress'", button.get("invisible"))
