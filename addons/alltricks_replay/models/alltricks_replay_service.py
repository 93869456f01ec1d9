import logging

from odoo import models

from ..dayplan import to_utc
from ..dayplan.clock import QC_MINUTES

_logger = logging.getLogger(__name__)
RIDER_WEIGHT_KG = 75.0
# Set-up a mechanic enters when the settings table has no row for the model.
MANUAL_SUSPENSION = {"pressure_psi": 80.0, "sag_percent": 25.0, "rebound_clicks": 8}


class AlltricksReplay(models.AbstractModel):
    _inherit = "alltricks.replay"

    # Workshop

    def _replay_bike_prep(self, run, planned, picked_at):
        """Prepare the bikes of an order; returns the minute they are ready."""
        if planned.ref in run.bike_ready:
            return run.bike_ready[planned.ref]
        order = self.env["sale.order"].browse(run.order_ids[planned.ref])
        ready = picked_at
        for work_order in order.alltricks_bike_prep_ids.sorted("id"):
            ready = max(ready, self._replay_work_order(run, work_order, picked_at))
        run.bike_ready[planned.ref] = ready
        return ready

    def _replay_work_order(self, run, work_order, picked_at):
        mechanics = run.staff["mechanic"]
        steps = work_order.step_ids.filtered(lambda s: s.kind != "buyer")
        minutes = sum(steps.mapped("duration_minutes"))
        login = work_order.user_id.login if work_order.user_id in mechanics else None
        slot = run.pools["mechanic"].assign(picked_at, minutes, worker=login)
        mechanic = run.user("mechanic", slot.worker)
        if work_order.user_id != mechanic:
            work_order.user_id = mechanic
        bench = work_order.with_user(mechanic)
        bench.action_start()
        bench.step_ids.filtered(
            lambda s: s.state == "todo" and s.kind != "buyer"
        ).action_mark_done()
        sequence = len(run.results["bikes"]) + 1
        bench.write(
            {
                "frame_marking": f"RP{run.plan.params.seed % 1000:03d}{sequence:05d}",
                "rider_weight": RIDER_WEIGHT_KG,
            }
        )
        for setup in bench.suspension_ids:
            if setup.pressure_psi <= 0 or setup.sag_percent <= 0:
                setup.write(MANUAL_SUSPENSION)
        bench.action_done()
        ready = slot.end
        checked = work_order.qc_state == "pending"
        if checked:
            manager = run.staff["manager"]
            wizard = (
                self.env["alltricks.bike.prep.qc.wizard"]
                .with_user(manager)
                .create({"work_order_id": work_order.id, "result": "passed"})
            )
            wizard.action_confirm()
            ready += QC_MINUTES
        run.results["bikes"].append(
            {
                "ref": work_order.name,
                "order": work_order.sale_order_id.client_order_ref,
                "ready": ready if work_order.is_ready_to_ship else None,
                "qc": checked,
            }
        )
        return ready

    # Helpdesk

    def _replay_ticket(self, run, planned):
        """A customer writes; the routing picks an expert, who answers."""
        order = self.env["sale.order"].browse(run.order_ids.get(planned.order_ref, []))
        customers = run.customers
        partner_id = (
            order.partner_id.id
            or customers[len(run.results["tickets"]) % len(customers)]
        )
        received = to_utc(run.day, planned.minute)
        ticket = (
            self.env["helpdesk.ticket"]
            .sudo()
            .create(
                {
                    "name": f"{planned.topic.capitalize()} ({planned.ref})",
                    "description": f"<p>{planned.topic}: {planned.order_ref}</p>",
                    "partner_id": partner_id,
                    "alltricks_received_date": received,
                }
            )
        )
        agents = run.staff["agent"]
        login = ticket.user_id.login if ticket.user_id in agents else None
        slot = run.pools["agent"].assign(planned.minute, planned.handle_minutes, login)
        agent = run.user("agent", slot.worker)
        if ticket.user_id != agent:
            ticket.user_id = agent
        ticket.with_user(agent).message_post(
            body=self.env._("Hello, here is the answer to your question."),
            message_type="comment",
            subtype_xmlid="mail.mt_comment",
            date=to_utc(run.day, slot.end),
        )
        run.results["tickets"].append(
            {
                "ref": planned.ref,
                "received": planned.minute,
                "answered": slot.end,
                "agent": agent.login,
                "on_time": not ticket.alltricks_answer_late,
            }
        )

    # End of day

    def _get_replay_invariants(self, run):
        warehouse = self.env["stock.warehouse"].browse(run.warehouse_id)
        negative = self.env["stock.quant"].search(
            [("location_id.slot_sellable", "=", True), ("quantity", "<", 0)]
        )
        orders = self.env["sale.order"].browse(
            [oid for ref, oid in run.order_ids.items() if ref in self._web_refs(run)]
        )
        wrong = 0.0
        for line in orders.order_line:
            for move in line.move_ids:
                shipped = move.state == "done" and move.picking_code == "outgoing"
                if shipped and move.product_id != line.product_id:
                    wrong += move.quantity
            wrong += max(line.qty_delivered - line.product_uom_qty, 0.0)
        engine, _data = warehouse._get_slot_putaway_engine(
            warehouse.lot_stock_id, self.env["product.product"]
        )
        report = engine.audit()
        short = self._get_replay_short_units(run)
        run.results["scans"].update(short)
        return {
            "oversold_units": run.oversold - sum(negative.mapped("quantity")),
            "wrong_items_shipped": wrong,
            "bins_over_capacity": len({v.bin_id for v in report.capacity}),
            "lookalike_violations": len(report.separation),
            # in no transfer to pick any more: picked by nobody, ever
            "short_units_lost": short["short_units"]
            - short["short_units_picked_later"]
            - short["short_units_open"]
            - short["short_units_stuck"],
        }

    def _get_replay_short_units(self, run):
        """Units the carts found missing, and where they are in the evening:
        picked on a later cart, in a PICK transfer still to pick, or stuck in
        one whose line keeps its short-pick flag (no cart picks it again).

        A short-picked line finds no unit (the bin is empty) and every line of
        the product in the transfer is short, so what the order's PICK
        transfers picked of that product was picked on a later cart.
        """
        warehouse = self.env["stock.warehouse"].browse(run.warehouse_id)
        moves = self.env["stock.move"].search(
            [
                ("picking_id", "in", sorted(run.pick_ids)),
                ("picking_type_id", "=", warehouse._get_alltricks_pick_type().id),
                ("product_id", "in", sorted({key[1] for key in run.short})),
                ("state", "!=", "cancel"),
            ]
        )
        found = {}  # (order ref, product id) -> [picked, to pick, stuck]
        for move in moves:
            key = (run.ref_of_pick.get(move.picking_id.id), move.product_id.id)
            entry = found.setdefault(key, [0.0, 0.0, 0.0])
            if move.state == "done":
                entry[0] += move.quantity
            elif any(move.move_line_ids.mapped("alltricks_missing")):
                entry[2] += move.product_uom_qty
            else:
                entry[1] += move.product_uom_qty
        totals = [0.0, 0.0, 0.0]
        for key, missing in run.short.items():
            left = missing
            for index, units in enumerate(found.get(key, (0.0, 0.0, 0.0))):
                totals[index] += min(units, left)
                left -= min(units, left)
        return {
            "short_units": sum(run.short.values()),
            "short_units_picked_later": totals[0],
            "short_units_open": totals[1],
            "short_units_stuck": totals[2],
        }

    def _web_refs(self, run):
        return {o.ref for o in run.plan.orders if o.channel == "web"}
