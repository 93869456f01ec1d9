import logging

from odoo import api, fields, models
from odoo.exceptions import UserError

_logger = logging.getLogger(__name__)


class StockPicking(models.Model):
    _inherit = "stock.picking"

    alltricks_express = fields.Boolean(
        string="Express showroom pick",
        readonly=True,
        index=True,
        copy=False,
    )
    alltricks_counter_state = fields.Selection(
        [("picking", "Being picked"), ("ready", "Ready"), ("cancel", "Cancelled")],
        string="Counter status",
        compute="_compute_alltricks_counter_state",
        store=True,
    )
    alltricks_pickup_number = fields.Char(
        string="Pickup number",
        compute="_compute_alltricks_pickup_number",
        store=True,
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
            else:
                picking.alltricks_counter_state = "picking"

    @api.depends("pos_order_id.tracking_number", "alltricks_express")
    def _compute_alltricks_pickup_number(self):
        for picking in self:
            order = picking.pos_order_id
            picking.alltricks_pickup_number = (
                order.tracking_number if picking.alltricks_express else False
            )

    def action_alltricks_hand_over(self):
        """Counter staff: the visitor collected a ready order."""
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
        for picking in self:
            picking._alltricks_deliver_to_customer()
        # checked above; sudo: a counter clerk who also picks may hand over a
        # pick that another picker's cart brought (alltricks_picking's floor
        # rules keep pickers off other pickers' carts)
        self.sudo().alltricks_handed_over = True

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
        for move in self.move_ids:
            missing = move.product_uom_qty
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
