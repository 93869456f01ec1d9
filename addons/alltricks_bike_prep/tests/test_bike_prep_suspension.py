from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged
from odoo.tools import SQL

from .common import BikePrepCase


@tagged("post_install", "-at_install")
class TestBikePrepSuspension(BikePrepCase):
    def _work_order(self, weight):
        order = self._create_order([(self.bike, 1)], weight=weight)
        order.action_confirm()
        return order.alltricks_bike_prep_ids.with_user(self.mechanic)

    def _values(self, work_order):
        return [
            (line.component, line.pressure_psi, line.rebound_clicks, line.sag_percent)
            for line in work_order.suspension_ids.sorted("component")
        ]

    def test_lower_bound_belongs_to_the_range(self):
        work_order = self._work_order(70.0)
        self.assertEqual(
            self._values(work_order),
            [("fork", 75.0, 7, 20.0), ("shock", 180.0, 8, 30.0)],
        )
        self.assertEqual(set(work_order.suspension_ids.mapped("source")), {"table"})

    def test_upper_bound_belongs_to_the_next_range(self):
        self.assertEqual(
            self._values(self._work_order(80.0)),
            [("fork", 85.0, 6, 20.0), ("shock", 200.0, 7, 30.0)],
        )

    def test_just_below_a_bound_stays_in_the_lower_range(self):
        self.assertEqual(
            self._values(self._work_order(69.99)),
            [("fork", 65.0, 8, 20.0), ("shock", 160.0, 9, 30.0)],
        )

    def test_weight_outside_the_table_asks_for_manual_values(self):
        work_order = self._work_order(90.0)
        fork = work_order.suspension_ids.filtered(lambda s: s.component == "fork")
        self.assertEqual(fork.source, "manual")
        self.assertEqual(fork.pressure_psi, 0.0)
        self.assertIn("outside the TestFork 160 table (60.0 to 90.0 kg)", fork.message)

        work_order.action_start()
        work_order.frame_marking = "AB12CD34EF"
        work_order.step_ids.action_mark_done()
        with self.assertRaisesRegex(UserError, "enter for the TestFork 160 a pressure"):
            work_order.action_done()

        work_order.suspension_ids.write(
            {"pressure_psi": 95.0, "rebound_clicks": 5, "sag_percent": 20.0}
        )
        self.assertEqual(
            set(work_order.suspension_ids.mapped("set_by_id")), {self.mechanic}
        )
        work_order.action_done()
        self.assertEqual(work_order.state, "done")

    def test_model_without_table_asks_for_manual_values(self):
        self.bike.alltricks_shock_model = "Unknown shock"
        work_order = self._work_order(75.0)
        shock = work_order.suspension_ids.filtered(lambda s: s.component == "shock")
        self.assertEqual(shock.source, "manual")
        self.assertIn("No settings table for Unknown shock", shock.message)

    def test_weight_change_on_the_order_line_resets_the_values(self):
        work_order = self._work_order(75.0)
        line = work_order.sale_line_id.with_user(self.salesman)

        line.alltricks_rider_weight = 62.0

        self.assertEqual(work_order.rider_weight, 62.0)
        self.assertEqual(
            self._values(work_order),
            [("fork", 65.0, 8, 20.0), ("shock", 160.0, 9, 30.0)],
        )
        line.alltricks_rider_weight = 120.0
        self.assertEqual(
            self._values(work_order), [("fork", 0.0, 0, 0.0), ("shock", 0.0, 0, 0.0)]
        )

    def test_overlapping_rows_are_refused(self):
        with self.assertRaisesRegex(ValidationError, "overlaps"):
            self.env["alltricks.suspension.setting"].create(
                {
                    "component": "fork",
                    "model_name": "testfork 160",
                    "weight_min": 75,
                    "weight_max": 78,
                    "pressure_psi": 70,
                    "sag_percent": 20,
                }
            )

    def test_values_out_of_bounds_are_refused_and_say_what_to_enter(self):
        work_order = self._work_order(120.0)
        work_order.action_start()
        fork = work_order.suspension_ids.filtered(lambda s: s.component == "fork")
        for vals, expected in (
            ({"pressure_psi": -50.0}, "a pressure above 0 and up to 400 psi"),
            ({"pressure_psi": 4000.0}, "a pressure above 0 and up to 400 psi"),
            ({"sag_percent": 500.0}, "a sag above 0 and up to 50 % of the travel"),
            ({"sag_percent": -5.0}, "a sag above 0 and up to 50 % of the travel"),
            ({"rebound_clicks": -3}, "a rebound of 0 to 40 clicks"),
        ):
            # assertRaises (not ...Regex) rolls the refused write back
            with self.assertRaises(ValidationError) as refusal:
                fork.write(vals)
            self.assertIn(expected, str(refusal.exception))
        self.assertEqual(
            (fork.pressure_psi, fork.rebound_clicks, fork.sag_percent, fork.source),
            (0.0, 0, 0.0, "manual"),
        )
        with self.assertRaises(ValidationError) as refusal:
            work_order.sudo().rider_weight = -10.0
        self.assertIn("rider weight", str(refusal.exception))
        self.assertEqual(work_order.rider_weight, 120.0)

    def test_table_rows_out_of_bounds_are_refused(self):
        row = {
            "component": "fork",
            "model_name": "Bounds fork",
            "weight_min": 60,
            "weight_max": 70,
            "rebound_clicks": 8,
        }
        for values in (
            {"pressure_psi": 0.0, "sag_percent": 20.0},
            {"pressure_psi": 80.0, "sag_percent": 500.0},
        ):
            with self.assertRaises(ValidationError) as refusal:
                self.env["alltricks.suspension.setting"].create(dict(row, **values))
            self.assertIn("Bounds fork 60.0-70.0 kg: enter", str(refusal.exception))
        self.assertFalse(
            self.env["alltricks.suspension.setting"].search_count(
                [("model_name", "=", "Bounds fork")]
            )
        )

    def test_mark_done_names_what_is_missing_and_checks_the_bounds(self):
        work_order = self._work_order(120.0)
        work_order.action_start()
        work_order.frame_marking = "AB12CD34EF"
        work_order.step_ids.action_mark_done()
        fork = work_order.suspension_ids.filtered(lambda s: s.component == "fork")
        shock = work_order.suspension_ids - fork
        fork.write({"pressure_psi": 80.0, "rebound_clicks": 6})
        shock.write({"pressure_psi": 210.0, "rebound_clicks": 7})
        # without a reason from the table: no empty parentheses
        shock.sudo().message = False

        with self.assertRaises(UserError) as refusal:
            work_order.action_done()
        message = str(refusal.exception)
        self.assertIn(
            "enter for the TestFork 160 a sag above 0 and up to 50 % of the travel "
            "(Rider weight 120.0 kg is outside the TestFork 160 table",
            message,
        )
        self.assertIn(
            "enter for the TestShock X a sag above 0 and up to 50 % of the travel.",
            message,
        )
        self.assertNotIn("pressure", message)
        self.assertNotIn("()", message)
        shock.write({"sag_percent": 30.0})

        # a value stored out of bounds (import, script) still blocks Mark done
        fork.flush_recordset()
        self.env.cr.execute(
            SQL(
                "UPDATE alltricks_bike_prep_suspension SET sag_percent = 500 "
                "WHERE id = %s",
                fork.id,
            )
        )
        fork.invalidate_recordset()
        with self.assertRaisesRegex(UserError, "TestFork 160 a sag above 0"):
            work_order.action_done()
        self.assertEqual(work_order.state, "in_progress")
        fork.write({"sag_percent": 20.0})
        work_order.action_done()
        self.assertEqual(work_order.state, "done")
