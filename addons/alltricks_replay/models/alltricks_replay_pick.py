import logging

from odoo import models
from odoo.addons.alltricks_picking.batching import fcfs_batches
from odoo.addons.alltricks_picking.models.stock_move_line_scan import tote_code
from odoo.addons.alltricks_picking.routing import walked_length
from odoo.exceptions import UserError

from ..dayplan import SHORT_PICK, WRONG_PICK
from ..dayplan.clock import pick_minutes

_logger = logging.getLogger(__name__)


class AlltricksReplay(models.AbstractModel):
    _inherit = "alltricks.replay"

    # Picking

    def _replay_picking(self, run, minute):
        """Plan the ready transfers of the replay, pick and pack every cart."""
        warehouse = self.env["stock.warehouse"].browse(run.warehouse_id)
        pickings = self.env["stock.picking"].search(
            [
                ("id", "in", sorted(run.pick_ids)),
                ("picking_type_id", "=", warehouse._get_alltricks_pick_type().id),
                ("state", "=", "assigned"),
                ("batch_id", "=", False),
                ("move_line_ids", "!=", False),
            ],
            order="id",
        )
        if not pickings:
            return
        with run.step("plan picking"):
            self._replay_baselines(run, warehouse, pickings)
            manager = run.staff["manager"]
            batches = warehouse.with_user(manager)._alltricks_plan_picking(pickings)
        for batch in batches.sorted(lambda b: (b.alltricks_plan_seq, b.id)):
            with run.step("pick"):
                end = self._replay_pick_cart(run, batch, minute)
            with run.step("pack and ship"):
                for picking in batch.picking_ids.sorted("id"):
                    self._replay_pack(run, picking, end)

    def _replay_baselines(self, run, warehouse, pickings):
        """Parts flow: our carts against single orders in bin-name order and
        first-come-first-served carts, on the same reserved lines."""
        geometry = warehouse._get_alltricks_geometry()
        orders = [
            o for o in pickings._get_alltricks_orders(warehouse, geometry) if not o.bike
        ]
        if not orders:
            return
        names = {
            line.id: line.location_id.complete_name for line in pickings.move_line_ids
        }
        single = 0.0
        for order in orders:
            points = [line.point for line in order.lines]
            sequence = sorted(
                range(len(points)), key=lambda i: (names[order.lines[i].key], i)
            )
            single += walked_length(geometry, points, sequence)
        cart = self.env["alltricks.cart.type"]._get_for_flow(warehouse.company_id)
        base = run.results["baselines"]
        base["lines"] += sum(len(o.lines) for o in orders)
        base["name_order_m"] += single
        base["fcfs_m"] += fcfs_batches(orders, cart._to_cart(), geometry).length
        run.parts_picks = getattr(run, "parts_picks", set()) | {o.id for o in orders}

    def _replay_pick_cart(self, run, batch, minute):
        """The picker takes the cart and scans it line by line; returns the
        simulated minute the cart is back at the packing area."""
        pickings = batch.picking_ids
        lines = batch._get_route_move_lines()
        units = sum(lines.mapped("quantity"))
        faults = self._get_replay_line_faults(run, lines)
        run.carted.update(pickings.ids)
        # remainders of short picks, from a backorder or from a transfer a
        # cart gave back: their order lines were counted once already (read
        # now: validation drops the lines short of every unit)
        remainders = len(
            lines.filtered(
                lambda ml: (
                    ml.picking_id.backorder_id or ml.picking_id.id in run.released
                )
            )
        )
        minutes = pick_minutes(batch.alltricks_route_length, len(lines), units)
        slot = run.pools["picker"].assign(minute, minutes + 0.3 * len(faults))
        picker = run.user("picker", slot.worker)
        cart = batch.with_user(picker)
        state = cart.action_alltricks_scan_take()
        done = set()
        # the screen's way: always the current line, until the cart is finished
        while not state["finished"]:
            line = self.env["stock.move.line"].browse(state["current_id"])
            if line.id in done:
                raise UserError(
                    self.env._("Replay: line %(id)s does not progress.", id=line.id)
                )
            done.add(line.id)
            if line not in lines:
                run.results["scans"]["rereserved"] += 1
                _logger.info(
                    "Cart %s: line %s in %s appeared after a short pick",
                    batch.name,
                    line.id,
                    line.location_id.name,
                )
            state = self._replay_scan_line(run, cart, line, faults.get(line.id))
        cart.alltricks_scan_done()
        if pickings.ids and set(pickings.ids) <= getattr(run, "parts_picks", set()):
            run.results["baselines"]["ours_m"] += batch.alltricks_route_length
        run.results["picks"].append(
            {
                "batch": batch.name,
                "picker": picker.login,
                "lines": len(lines),
                "backorder_lines": remainders,
                "units": units,
                "route_m": batch.alltricks_route_length,
                "start": slot.start,
                "end": slot.end,
                "cancelled": batch.state == "cancel",
            }
        )
        self._replay_follow_short_picks(run, batch, pickings)
        return slot.end

    def _replay_follow_short_picks(self, run, batch, pickings):
        """What a cart's short picks leave to pick goes back to the replay's
        transfers: backorders of its transfers, and transfers in which
        nothing was found, which the cart gave back to planning."""
        scans = run.results["scans"]
        released = pickings - batch.picking_ids
        run.released.update(released.ids)
        scans["released"] += len(released)
        scans["carts_cancelled"] += batch.state == "cancel"
        backorders = self.env["stock.picking"].search(
            [("backorder_id", "in", pickings.ids)], order="id"
        )
        for backorder in backorders:
            run.ref_of_pick[backorder.id] = run.ref_of_pick.get(
                backorder.backorder_id.id
            )
            run.pick_ids.add(backorder.id)
        scans["backorders"] += len(backorders)

    def _get_replay_line_faults(self, run, lines):
        """``{move line id: fault}``: the plan's faults, found by product, on
        the first cart of a transfer (what a short pick leaves comes back
        clean)."""
        faults = {}
        for line in lines:
            ref = run.ref_of_pick.get(line.picking_id.id)
            first_cart = line.picking_id.id not in run.carted
            if not ref or line.picking_id.backorder_id or not first_cart:
                continue
            planned = run.planned[ref]
            for index, kind in sorted(run.plan.faults_of(ref).items()):
                code = planned.lines[index][0]
                if code == line.product_id.default_code:
                    faults[line.id] = kind
        return faults

    def _replay_scan_line(self, run, cart, line, fault):
        """Scan one line as the picker screen does; returns the screen state."""
        scans = run.results["scans"]
        location = line.location_id
        self._replay_expect(
            cart.alltricks_scan(line.id, location.barcode or location.name)
        )
        barcode = line.product_id.barcode
        if fault == WRONG_PICK:
            scans["wrong_pick"] += 1
            before = (line.alltricks_scanned_qty, line.quantity, line.picked)
            result = cart.alltricks_scan(
                line.id, self._get_replay_wrong_barcode(run, line)
            )
            line.invalidate_recordset()
            scans["wrong_pick_refused"] += not result["ok"]
            if (line.alltricks_scanned_qty, line.quantity, line.picked) != before:
                scans["unchanged"] = False
        wanted = int(line._get_alltricks_to_scan())
        if fault == SHORT_PICK:
            # As on the floor, the bin is empty whatever the line's quantity:
            # the stock counted there is wrong. Finding part of the units
            # would only take the path of a backorder, which an empty line
            # beside picked ones takes too; an empty transfer or cart takes
            # the other one (given back to planning, the cart cancelled).
            scans["short_pick"] += 1
            key = (run.ref_of_pick[line.picking_id.id], line.product_id.id)
            run.short[key] = run.short.get(key, 0.0) + line.quantity
            return cart.alltricks_scan_missing(line.id)["state"]
        for _unit in range(min(wanted, 3)):
            self._replay_expect(cart.alltricks_scan(line.id, barcode))
        if wanted > 3:
            cart.alltricks_scan_fill(line.id)
        # the units go in the line's tote: the screen moves on once it is scanned
        tote = tote_code(line.alltricks_tote)
        return self._replay_expect(cart.alltricks_scan(line.id, tote))["state"]

    def _replay_expect(self, result):
        if not result["ok"]:
            raise UserError(
                self.env._(
                    "Replay: a right scan was refused: %(msg)s", msg=result["message"]
                )
            )
        return result

    def _get_replay_wrong_barcode(self, run, line):
        """A look-alike when there is one (a sibling variant), else the next
        product of the catalog: what a picker takes by mistake."""
        product = line.product_id
        siblings = product.product_tmpl_id.product_variant_ids - product
        other = siblings.filtered("barcode").sorted("default_code")[:1]
        if not other:
            codes = sorted(run.catalog)
            code = codes[(codes.index(product.default_code) + 1) % len(codes)]
            other = self.env["product.product"].browse(run.catalog[code])
        return other.barcode
