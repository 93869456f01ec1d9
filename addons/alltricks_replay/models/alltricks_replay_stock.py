import logging
import uuid

from odoo import models
from odoo.exceptions import UserError
from odoo.fields import Command

from ..dayplan import KIOSK, WRONG_PACK
from ..dayplan.clock import pack_minutes, receipt_minutes

_logger = logging.getLogger(__name__)
VENDOR_NAME = "Replay central supplier"


class AlltricksReplay(models.AbstractModel):
    _inherit = "alltricks.replay"

    # Receipts

    def _replay_receipt(self, run, planned):
        """Confirm a purchase order, receive it at the dock, put it away."""
        warehouse = self.env["stock.warehouse"].browse(run.warehouse_id)
        vendor = self.env["res.partner"].search([("name", "=", VENDOR_NAME)], limit=1)
        vendor = vendor or self.env["res.partner"].create(
            {"name": VENDOR_NAME, "is_company": True}
        )
        products = self.env["product.product"].browse(
            [run.catalog[code] for code, _qty in planned.lines]
        )
        order = self.env["purchase.order"].create(
            {
                "partner_id": vendor.id,
                "partner_ref": planned.ref,
                "origin": planned.ref,
                "picking_type_id": warehouse.in_type_id.id,
                "order_line": [
                    Command.create(
                        {
                            "product_id": product.id,
                            "product_qty": qty,
                            "price_unit": product.standard_price or 1.0,
                        }
                    )
                    for product, (_code, qty) in zip(
                        products, planned.lines, strict=True
                    )
                ],
            }
        )
        # the dock receives into WH/Input: no bin to choose yet
        order.with_context(avoid_putaway_rules=True).button_confirm()
        receipt = order.picking_ids
        self._replay_validate(receipt)
        # WH/Input -> bins: the putaway engine chose the bins at reservation
        putaway = receipt.move_ids.move_dest_ids.picking_id
        self._replay_validate(putaway)
        unload, shelve = receipt_minutes(len(planned.lines))
        dock = run.pools["manager"].assign(planned.minute, unload)
        shelved = run.pools["manager"].assign(dock.end, shelve)
        run.results["receipts"].append(
            {
                "ref": planned.ref,
                "arrival": planned.minute,
                "shelved": shelved.end,
                "lines": len(planned.lines),
                "units": sum(qty for _code, qty in planned.lines),
                "bins": len(putaway.move_line_ids.location_dest_id),
                # a unit no bin takes stays where the receipt put it
                "unplaced_lines": len(
                    putaway.move_line_ids.filtered(
                        lambda ml: (
                            not ml.location_dest_id.slot_rack_type
                            and not ml.location_dest_id.slot_is_showroom
                        )
                    )
                ),
            }
        )

    def _replay_validate(self, pickings, user=None):
        pickings = pickings.with_user(user) if user else pickings
        for picking in pickings:
            for move in picking.move_ids:
                if not move.quantity:
                    move.quantity = move.product_uom_qty
            picking.move_ids.picked = True
        result = pickings.with_context(skip_backorder=True).button_validate()
        if result is not True:
            raise UserError(
                self.env._(
                    "Replay: %(names)s could not be validated (%(result)s).",
                    names=", ".join(pickings.mapped("name")),
                    result=result,
                )
            )

    # Orders

    def _replay_order(self, run, planned):
        if planned.channel == KIOSK:
            self._replay_kiosk_order(run, planned)
            return
        warehouse = self.env["stock.warehouse"].browse(run.warehouse_id)
        website = self.env["website"].search(
            [("company_id", "in", [False, self.env.company.id])], order="id", limit=1
        )
        index = len(run.order_ids)
        customers = run.customers
        order = self.env["sale.order"].create(
            {
                "partner_id": customers[index % len(customers)],
                "client_order_ref": planned.ref,
                "website_id": website.id,
                "warehouse_id": warehouse.id,
                "order_line": [
                    Command.create(
                        {"product_id": run.catalog[code], "product_uom_qty": qty}
                    )
                    for code, qty in planned.lines
                ],
            }
        )
        run.order_ids[planned.ref] = order.id
        orders = run.results["orders"]
        try:
            # what the payment of a web cart calls, with the shelf check
            with self.env.cr.savepoint():
                order.action_confirm()
        except UserError as error:
            _logger.debug("%s refused: %s", planned.ref, error)
            orders["refused"] += 1
            return
        orders["placed"] += 1
        orders["lines"] += len(planned.lines)
        pick_type = warehouse._get_alltricks_pick_type()
        picks = order.order_line.move_ids.filtered(
            lambda m: m.picking_type_id == pick_type
        )
        run.oversold += sum(m.product_uom_qty - m.quantity for m in picks)
        for picking in picks.picking_id:
            run.ref_of_pick[picking.id] = planned.ref
            run.pick_ids.add(picking.id)

    def _replay_kiosk_order(self, run, planned):
        """A showroom visitor orders at the kiosk; a picker brings the item."""
        config = self.env.ref("alltricks_kiosk.pos_config_showroom", False)
        if not config:
            return
        if not config.current_session_id:
            cashier = run.staff["cashier"]
            config.with_user(cashier).open_ui()
            config.current_session_id.set_opening_control(0, "")
        product = self.env["product.product"].browse(run.catalog[planned.lines[0][0]])
        if not product.available_in_pos:
            product.available_in_pos = True
        kiosk = config.with_user(config.self_ordering_default_user_id)
        cart = {
            "uuid": str(uuid.UUID(int=len(run.order_ids) + 1)),
            "access_token": uuid.UUID(int=len(run.order_ids) + 1).hex,
            "state": "draft",
            "amount_return": 0,
            "lines": [
                [
                    0,
                    0,
                    {
                        "product_id": product.id,
                        "qty": 1,
                        "price_unit": product.list_price,
                        "price_subtotal": product.list_price,
                        "price_subtotal_incl": product.list_price,
                        "uuid": str(uuid.UUID(int=10**9 + len(run.order_ids))),
                    },
                ]
            ],
        }
        orders = run.results["orders"]
        try:
            with self.env.cr.savepoint():
                safe = kiosk.env["pos.order"]._check_pos_order(config, cart, "kiosk")
                result = kiosk.env["pos.order"].sudo().sync_from_ui([safe])
        except UserError as error:
            _logger.debug("%s refused at the kiosk: %s", planned.ref, error)
            orders["refused"] += 1
            return
        order = self.env["pos.order"].browse(result["pos.order"][0]["id"])
        run.order_ids[planned.ref] = order.id
        express = order.picking_ids.filtered("alltricks_express")
        run.oversold += sum(m.product_uom_qty - m.quantity for m in express.move_ids)
        if express.batch_id:
            # a laid-out warehouse puts it on an express cart of its own: the
            # picker scans it like any cart
            self._replay_pick_cart(run, express.batch_id, planned.minute)
        else:
            picker = run.user(
                "picker", run.pools["picker"].assign(planned.minute, 3).worker
            )
            self._replay_validate(express, user=picker)
        orders["placed"] += 1
        orders["kiosk"] += 1
        orders["lines"] += 1

    # Packing

    def _replay_pack(self, run, picking, picked_at):
        """Packing station: re-scan each unit, close the parcel, ship it."""
        ref = run.ref_of_pick.get(picking.id)
        pack = picking.move_ids.move_dest_ids.picking_id.filtered(
            lambda p: (
                p.state == "assigned"
                and p.picking_type_id == p.picking_type_id.warehouse_id.pack_type_id
            )
        )
        if not ref or not pack:
            return
        planned = run.planned[ref]
        ready = picked_at
        if planned.bike:
            # the ORM writes lazily: flush so each step pays its own SQL
            self.env.flush_all()
            with run.step("bike workshop"):
                ready = self._replay_bike_prep(run, planned, picked_at)
                self.env.flush_all()
        lines = pack.move_line_ids
        slot = run.pools["packer"].assign(
            ready, pack_minutes(sum(lines.mapped("quantity")))
        )
        packer = run.user("packer", slot.worker)
        station = self.env["stock.picking"].with_user(packer)
        station.alltricks_pack_open(picking.name)
        pack = pack.with_user(packer)
        if WRONG_PACK in run.plan.faults_of(ref).values() and not picking.backorder_id:
            self._replay_wrong_pack(run, pack)
        for line in lines.sorted("id"):
            for _unit in range(int(line.quantity)):
                result = pack.alltricks_pack_scan(line.product_id.barcode)
                self._replay_expect(result)
        result = pack.alltricks_pack_done()
        if not result["ok"]:
            raise UserError(
                self.env._(
                    "Replay: %(name)s not packed: %(msg)s",
                    name=pack.name,
                    msg=result["message"],
                )
            )
        shipping = pack.move_ids.move_dest_ids.picking_id.filtered(
            lambda p: p.state == "assigned"
        )
        self._replay_validate(shipping, user=packer)
        cutoff = 17 * 60 if planned.bike else 18 * 60
        run.results["shipments"].append(
            {
                "ref": ref,
                "placed": planned.minute,
                "shipped": slot.end,
                "cutoff": cutoff,
                "bike": planned.bike,
                "backorder": bool(picking.backorder_id),
            }
        )

    def _replay_wrong_pack(self, run, pack):
        scans = run.results["scans"]
        scans["wrong_pack"] += 1
        line = pack.move_line_ids.sorted("id")[:1]
        before = [(ml.alltricks_scanned_qty, ml.quantity) for ml in pack.move_line_ids]
        result = pack.alltricks_pack_scan(self._get_replay_wrong_barcode(run, line))
        pack.move_line_ids.invalidate_recordset()
        scans["wrong_pack_refused"] += not result["ok"]
        after = [(ml.alltricks_scanned_qty, ml.quantity) for ml in pack.move_line_ids]
        if after != before:
            scans["unchanged"] = False
        if hasattr(pack, "alltricks_pack_set_aside"):
            # stations that log wrong items want them taken out of the tote
            pack.alltricks_pack_set_aside()
