import logging

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError

from .pos_order import _format_qty

_logger = logging.getLogger(__name__)

SHOWROOM_STAFF = "alltricks_kiosk.group_showroom_staff"
STOCK_MANAGER = "stock.group_stock_manager"


class StockPicking(models.Model):
    _inherit = "stock.picking"

    alltricks_express = fields.Boolean(
        string="Express showroom pick",
        readonly=True,
        index=True,
        copy=False,
    )
    alltricks_counter_state = fields.Selection(
        [
            ("picking", "Being picked"),
            ("missing", "Missing"),
            ("ready", "Ready"),
            ("cancel", "Cancelled"),
        ],
        string="Counter status",
        compute="_compute_alltricks_counter_state",
        store=True,
    )
    alltricks_pickup_number = fields.Char(
        string="Pickup number",
        compute="_compute_alltricks_pickup_number",
        store=True,
    )

    alltricks_missing_qty = fields.Float(
        string="Units missing",
        compute="_compute_alltricks_missing_qty",
        digits="Product Unit",
        help="Units of this open express pick that no sellable stock could be "
        "reserved for: offer the visitor a refund or another item.",
    )

    alltricks_handed_over = fields.Boolean(
        string="Handed over",
        readonly=True,
        copy=False,
        help="The visitor collected the goods at the counter.",
    )

    @api.depends("state", "alltricks_express")
    def _compute_alltricks_counter_state(self):
        for picking in self:
            if not picking.alltricks_express:
                picking.alltricks_counter_state = False
            elif picking.state == "done":
                picking.alltricks_counter_state = "ready"
            elif picking.state == "cancel":
                picking.alltricks_counter_state = "cancel"
            elif picking.state == "confirmed":
                # nothing reserved: a short pick found no other sellable unit
                picking.alltricks_counter_state = "missing"
            else:
                picking.alltricks_counter_state = "picking"

    @api.depends(
        "alltricks_express", "state", "move_ids.product_uom_qty", "move_ids.quantity"
    )
    def _compute_alltricks_missing_qty(self):
        for picking in self:
            closed = picking.state in ("draft", "done", "cancel")
            if not picking.alltricks_express or closed:
                picking.alltricks_missing_qty = 0.0
                continue
            picking.alltricks_missing_qty = sum(
                max(move.product_uom_qty - move.quantity, 0.0)
                for move in picking.move_ids
                if move.state not in ("done", "cancel")
            )

    @api.depends("pos_order_id.tracking_number", "alltricks_express")
    def _compute_alltricks_pickup_number(self):
        for picking in self:
            order = picking.pos_order_id
            picking.alltricks_pickup_number = (
                order.tracking_number if picking.alltricks_express else False
            )

    def action_alltricks_hand_over(self):
        """Counter staff: the visitor collected a ready order."""
        self._check_alltricks_counter_access(
            self.env._(
                "Only showroom counter staff or an inventory administrator can "
                "hand an order over: ask them, or ask an administrator for the "
                "Showroom counter role."
            )
        )
        handed_over = self.filtered("alltricks_handed_over")
        if handed_over:
            raise UserError(
                self.env._(
                    "Already handed over: %(names)s. Nothing was changed.",
                    names=", ".join(handed_over._get_alltricks_order_labels()),
                )
            )
        cancelled = self.filtered(lambda p: p.pos_order_id.state == "cancel")
        if cancelled:
            raise UserError(
                self.env._(
                    "Order %(names)s was cancelled: do not hand its goods over. "
                    "Put them back on a shelf bin with an internal transfer from "
                    "the pickup location.",
                    names=", ".join(cancelled._get_alltricks_order_labels()),
                )
            )
        missing = self.filtered(lambda p: p.alltricks_counter_state == "missing")
        if missing:
            raise UserError(
                self.env._(
                    "Nothing left to pick for %(names)s: no unit of what is still "
                    "to hand over could be found. Refund the visitor at the point "
                    "of sale or sell another item, then click Cancel missing "
                    "units.",
                    names=", ".join(missing._get_alltricks_order_labels()),
                )
            )
        not_ready = self.filtered(lambda p: p.alltricks_counter_state != "ready")
        if not_ready:
            raise UserError(
                self.env._(
                    "Not ready yet: %(names)s. Wait until the picker has "
                    "validated the pick.",
                    names=", ".join(not_ready.mapped("name")),
                )
            )
        unpaid = self.filtered(
            lambda p: p.pos_order_id.state not in ("paid", "done", "invoiced")
        )
        if unpaid:
            raise UserError(
                self.env._(
                    "Not paid yet: %(names)s. Take the payment at the counter "
                    "before handing the goods over.",
                    names=", ".join(unpaid._get_alltricks_order_labels()),
                )
            )
        # checked above; sudo: a counter clerk who also picks may hand over a
        # pick that another picker's cart brought (alltricks_picking's floor
        # rules keep pickers off other pickers' carts). Written before the
        # delivery: a second click landing at the same time conflicts on this
        # row and is retried, then refused above, before delivering twice.
        self.sudo().alltricks_handed_over = True
        self.env.flush_all()
        for picking in self:
            picking._alltricks_deliver_to_customer()

    def _check_alltricks_counter_access(self, refusal):
        """The counter's actions end or refund a sale: showroom counter staff
        and inventory administrators only; others read ``refusal``."""
        user = self.env.user
        if self.env.su or any(
            user.has_group(group) for group in (SHOWROOM_STAFF, STOCK_MANAGER)
        ):
            return
        raise AccessError(refusal)

    def _get_alltricks_order_labels(self):
        """How counter staff know each pick's order: its pickup number, else the
        order's reference (a draft order's name is only "/")."""
        return [
            picking.alltricks_pickup_number
            or picking.pos_order_id.pos_reference
            or picking.name
            for picking in self
        ]

    def _alltricks_deliver_to_customer(self):
        """Move the picked goods from the pickup location to the customer.

        A done delivery of the handover type, linked to the order like the
        picking Odoo creates at payment, so that the session's closing entry
        books the cost of the goods sold.
        """
        self.ensure_one()
        handover_type = self.picking_type_id.alltricks_handover_type_id
        if not handover_type:
            return self.browse()
        order = self.pos_order_id.sudo()
        destination = (
            order.partner_id.property_stock_customer
            or handover_type.default_location_dest_id
        )
        if self.backorder_id or self.backorder_ids:
            # part of the order: deliver what this pick brought, no more
            deliveries = self.sudo()._alltricks_deliver_picked(
                destination, handover_type, order.partner_id
            )
        else:
            deliveries = self.sudo()._create_picking_from_pos_order_lines(
                destination.id, order.lines, handover_type, order.partner_id
            )
        deliveries.write(
            {
                "pos_order_id": order.id,
                "pos_session_id": order.session_id.id,
                "origin": order.name,
            }
        )
        _logger.debug("Order %s handed over in %s", order.name, deliveries.ids)
        return deliveries

    def _alltricks_deliver_picked(self, destination, handover_type, partner):
        """A done delivery of the units this pick brought to the pickup."""
        self.ensure_one()
        delivery = self.create(
            self._prepare_picking_vals(
                partner,
                handover_type,
                handover_type.default_location_src_id.id,
                destination.id,
            )
        )
        for move in self.move_ids.filtered(lambda m: m.state == "done"):
            new_move = self.env["stock.move"].create(
                {
                    "product_id": move.product_id.id,
                    "product_uom": move.product_uom.id,
                    "product_uom_qty": move.quantity,
                    "picking_id": delivery.id,
                    "picking_type_id": handover_type.id,
                    "location_id": delivery.location_id.id,
                    "location_dest_id": delivery.location_dest_id.id,
                    "company_id": delivery.company_id.id,
                }
            )
            new_move._action_confirm()
            # the type may reserve at confirmation: the lines below say which
            new_move.move_line_ids.unlink()
            self.env["stock.move.line"].create(
                [
                    {
                        "move_id": new_move.id,
                        "picking_id": delivery.id,
                        "product_id": line.product_id.id,
                        "product_uom_id": line.product_uom_id.id,
                        "location_id": delivery.location_id.id,
                        "location_dest_id": delivery.location_dest_id.id,
                        "lot_id": line.lot_id.id,
                        "quantity": line.quantity,
                        "picked": True,
                    }
                    for line in move.move_line_ids
                ]
            )
        delivery.move_ids.picked = True
        delivery._action_done()
        return delivery

    def action_alltricks_cancel_missing(self):
        """Counter staff: the missing units will not come; the visitor gets a
        refund or another item at the point of sale."""
        self._check_alltricks_counter_access(
            self.env._(
                "Only showroom counter staff or an inventory administrator can "
                "cancel missing units (the visitor is refunded at the counter): "
                "ask them, or ask an administrator for the Showroom counter role."
            )
        )
        user = self.env.user
        not_missing = self.filtered(lambda p: p.alltricks_counter_state != "missing")
        if not_missing:
            raise UserError(
                self.env._(
                    "Nothing is missing on %(names)s: only a pick shown as Missing "
                    "(no unit left to fetch) can be cancelled here.",
                    names=", ".join(not_missing._get_alltricks_order_labels()),
                )
            )
        for picking in self.sudo():
            message = self.env._(
                "%(count)s missing units of %(pickup)s cancelled by %(user)s: "
                "refund them at the point of sale or sell the visitor another "
                "item.",
                count=_format_qty(picking.alltricks_missing_qty),
                pickup=picking.alltricks_pickup_number or picking.name,
                user=user.name,
            )
            picking.action_cancel()
            picking.message_post(body=message)
            picking.pos_order_id.message_post(body=message)
        return True

    def _action_done(self):
        """Backorders of express picks (units marked missing) are reserved
        again, elsewhere than where the units were missing, and go on a new
        express cart."""
        express = self.filtered("alltricks_express")
        missing = {p.id: p._get_alltricks_missing_locations() for p in express}
        result = super()._action_done()
        for picking in express:
            for backorder in picking.backorder_ids.filtered(
                lambda b: (
                    b.alltricks_express
                    and b.state not in ("done", "cancel")
                    and not b.move_line_ids
                    and not b.batch_id
                )
            ):
                backorder._alltricks_reserve_again(missing[picking.id])
        return result

    def _create_backorder_picking(self):
        """The rest of an express pick stays an urgent express pick of the
        same kiosk order (same pickup number on the counter screen)."""
        backorder = super()._create_backorder_picking()
        if self.alltricks_express:
            backorder.sudo().write(
                {
                    "alltricks_express": True,
                    "priority": "1",
                    "pos_order_id": self.pos_order_id.id,
                    "pos_session_id": self.pos_session_id.id,
                }
            )
        return backorder

    def _get_alltricks_missing_locations(self):
        """{product id: locations} where the picker marked units missing."""
        self.ensure_one()
        missing = {}
        for line in self.move_line_ids.filtered("alltricks_missing"):
            missing[line.product_id.id] = (
                missing.get(line.product_id.id, line.location_id.browse())
                | line.location_id
            )
        return missing

    def _alltricks_reserve_again(self, missing_locations):
        """Reserve this express pick's unreserved units on sellable stock (the
        order's own reservation path), skipping the locations where they were
        just found missing, then put it on a new express cart. What cannot be
        reserved shows as missing on the counter screen."""
        self.ensure_one()
        picking = self.sudo()
        order = picking.pos_order_id
        needs = {}
        for move in picking.move_ids.filtered(
            lambda m: m.state not in ("draft", "done", "cancel")
        ):
            needs[move.product_id] = (
                needs.get(move.product_id, 0.0) + move.product_uom_qty - move.quantity
            )
        needs = {
            product: qty
            for product, qty in needs.items()
            if product.uom_id.compare(qty, 0.0) > 0
        }
        if not needs or not order:
            return self.env["stock.picking.batch"]
        quants = order._alltricks_lock_sellable_quants(needs).filtered(
            lambda q: q.location_id not in missing_locations.get(q.product_id.id, ())
        )
        picking._alltricks_reserve_from_quants(quants)
        if picking.batch_id or picking.state != "assigned":
            _logger.info("Express pick %s: %s still missing", picking.name, needs)
            return picking.batch_id
        return picking._alltricks_put_on_express_cart()

    def _get_express_queue(self):
        """Express picks of the same operation types still to be picked.

        The order is the one the pickers follow: urgent first, then oldest.
        """
        return self.search(
            [
                ("alltricks_express", "=", True),
                ("picking_type_id", "in", self.picking_type_id.ids),
                ("state", "not in", ("draft", "done", "cancel")),
            ],
            order="priority desc, id asc",
        )

    def _alltricks_put_on_express_cart(self):
        """Put this express pick on a cart of its own (``alltricks_picking``):
        routed from the packing area, listed first on *Pick (scanner)*, so the
        picker scans its bins and products like any cart and only he validates
        it. A warehouse without a generated layout or a cart type has no
        scanner flow: the pick stays off carts, validated from the transfers.
        """
        self.ensure_one()
        Batch = self.env["stock.picking.batch"].sudo()
        warehouse = self.picking_type_id.warehouse_id.sudo()
        if not self._can_alltricks_go_on_cart(warehouse):
            _logger.debug("Express pick %s stays off carts", self.name)
            return Batch
        batch = warehouse._alltricks_plan_picking(self.sudo())
        batch.write(
            {
                # carts of a planning run are ranked from 1: express ones first
                "alltricks_plan_seq": 0,
                "description": self.env._(
                    "Express %(pickup)s for the showroom counter",
                    pickup=self.alltricks_pickup_number or self.name,
                ),
            }
        )
        _logger.debug("Express pick %s on cart %s", self.name, batch.name)
        return batch

    def _can_alltricks_go_on_cart(self, warehouse):
        return bool(
            self.move_line_ids
            and warehouse.slot_aisle_count > 0
            and warehouse.slot_bays_per_side > 0
            and self.env["alltricks.cart.type"]
            .sudo()
            ._get_for_flow(warehouse.company_id)
        )

    def _prepare_alltricks_move_values(self, product, quantity):
        self.ensure_one()
        return {
            "product_id": product.id,
            "product_uom_qty": quantity,
            "product_uom": product.uom_id.id,
            "location_id": self.location_id.id,
            "location_dest_id": self.location_dest_id.id,
            "picking_type_id": self.picking_type_id.id,
            "company_id": self.company_id.id,
            "priority": self.priority,
        }

    def _alltricks_reserve_from_quants(self, quants):
        """Reserve each move on the given (locked) quants, oldest first."""
        self.ensure_one()
        line_values = []
        for move in self.move_ids.filtered(
            lambda m: m.state not in ("draft", "done", "cancel")
        ):
            missing = move.product_uom_qty - move.quantity
            for quant in quants.filtered(
                lambda q, m=move: q.product_id == m.product_id
            ):
                free = quant.quantity - quant.reserved_quantity
                take = min(free, missing)
                if move.product_uom.compare(take, 0.0) <= 0:
                    continue
                line_values.append(move._prepare_alltricks_line_values(quant, take))
                missing -= take
                if move.product_uom.is_zero(missing):
                    break
        self.env["stock.move.line"].create(line_values)
