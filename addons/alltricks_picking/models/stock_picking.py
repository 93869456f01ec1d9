import logging

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.fields import Domain

from ..batching import Order, OrderLine
from .floor_guard import DETACH_KEY, validation_context
from .stock_picking_batch import PLANNER_GROUP, check_plan_write
from .stock_picking_pack import check_override_write

_logger = logging.getLogger(__name__)


class StockPicking(models.Model):
    _inherit = "stock.picking"

    alltricks_tote = fields.Integer(
        string="Tote",
        copy=False,
        readonly=True,
        help="Tote of the picking cart this transfer is picked into.",
    )
    alltricks_due = fields.Datetime(
        string="Due at departure",
        compute="_compute_alltricks_due",
        store=True,
        index=True,
        help="Departure this transfer must make: the sale order's delivery date "
        "when promised, else the first cut-off after the order was placed.",
    )

    @api.depends(
        "sale_id.commitment_date",
        "sale_id.date_order",
        "move_ids.reference_ids.sale_ids.commitment_date",
        "move_ids.reference_ids.sale_ids.date_order",
        "move_ids.product_id.categ_id.alltricks_complete_bike",
        "company_id",
    )
    def _compute_alltricks_due(self):
        for picking in self:
            # A PICK transfer of a 3-step delivery has no sale_id (only the OUT
            # moves carry sale lines) but shares the sale's stock reference.
            sale = picking.sale_id or picking.reference_ids.sale_ids[:1]
            if sale.commitment_date:
                picking.alltricks_due = sale.commitment_date
                continue
            placed = sale.date_order or picking.create_date or fields.Datetime.now()
            company = picking.company_id or self.env.company
            picking.alltricks_due = company._alltricks_next_cutoff(
                picking.move_ids.product_id, now=placed
            )

    def write(self, vals):
        check_plan_write(self, vals)
        check_override_write(self, vals)
        if "batch_id" in vals:
            self._check_alltricks_cart_move(vals["batch_id"])
        return super().write(vals)

    def _check_alltricks_cart_move(self, batch_id):
        """Only a warehouse manager takes an open transfer off a planned cart.

        It leaves unscanned (its scanned units go back to the bins), so a
        picker marks missing what he cannot find instead. Odoo's validation
        takes validated or empty transfers off their batch itself.
        """
        if self.env.su or self.env.user.has_group(PLANNER_GROUP):
            return
        moved = self._get_alltricks_leaving(batch_id).filtered(
            lambda p: not p._is_alltricks_validation_detach()
        )
        if moved:
            raise AccessError(
                self.env._(
                    "%(name)s is on cart %(cart)s: only a warehouse manager can take "
                    "it off. Pick it, marking missing what you cannot find.",
                    name=moved[0].name,
                    cart=moved[0].batch_id.name,
                )
            )

    def action_alltricks_plan_picking(self):
        """Plan the selected transfers that are ready and not in a batch yet."""
        Batch = self.env["stock.picking.batch"]
        Batch._check_alltricks_planner()
        if not self:
            raise UserError(
                self.env._(
                    "No transfer selected: select the ready picking transfers to "
                    "put on carts, or use the Plan picking menu to plan every "
                    "ready transfer."
                )
            )
        batches = Batch
        for warehouse in self.picking_type_id.warehouse_id:
            ready = warehouse._get_alltricks_pickings_to_plan() & self
            if ready:
                batches |= warehouse._alltricks_plan_picking(ready)
        if not batches:
            self._raise_alltricks_nothing_to_plan()
        return Batch._alltricks_open(batches)

    def _raise_alltricks_nothing_to_plan(self):
        """Say why none of these selected transfers went on a cart."""
        counts = self._get_alltricks_plan_counts(
            self.picking_type_id.warehouse_id, [("id", "in", self.ids)]
        )
        counts["other"] = len(self) - sum(counts.values())
        reasons = self.env["stock.picking.batch"]._get_alltricks_plan_reasons(counts)
        raise UserError(
            self.env._(
                "None of the selected transfers can go on a cart (%(reasons)s): "
                "select ready picking transfers that are not in a batch yet.",
                reasons="; ".join(reasons),
            )
        )

    @api.model
    def _get_alltricks_plan_counts(self, warehouses, domain=()):
        """Transfers of the picking step of ``warehouses`` (and ``domain``),
        counted by what the planner sees in them.

        ``ready`` is what the planner takes (ready, on no batch, with reserved
        lines); the other keys are what keeps a transfer off a new cart.
        Shipping policy "when all products are ready": Odoo keeps a partly
        reserved transfer waiting, counted apart from those with no stock.
        """
        # not mapped(): on no warehouse (transfers of types outside any) it
        # would call the lambda on the empty recordset
        pick_types = self.env["stock.picking.type"].union(
            *(warehouse._get_alltricks_pick_type() for warehouse in warehouses)
        )
        base = Domain(domain) & Domain("picking_type_id", "in", pick_types.ids)
        free = base & Domain("batch_id", "=", False)
        waiting = free & Domain("state", "in", ("confirmed", "waiting"))
        partial = (
            waiting
            & Domain("move_type", "=", "one")
            & Domain("move_line_ids", "!=", False)
        )
        batched = base & Domain("batch_id", "!=", False)
        batched &= Domain("state", "not in", ("done", "cancel"))
        count = self.search_count
        ready = Domain("state", "=", "assigned") & Domain("move_line_ids", "!=", False)
        cart = count(batched & Domain("batch_id.alltricks_cart_type_id", "!=", False))
        all_ready = count(partial)
        return {
            "ready": count(free & ready),
            "stock": count(waiting) - all_ready,
            "all_ready": all_ready,
            "cart": cart,
            "batch": count(batched) - cart,
            "draft": count(free & Domain("state", "=", "draft")),
        }

    def _get_alltricks_orders(self, warehouse, geometry):
        """The batching orders of these transfers: their reserved lines only.

        Only move lines exist for reserved quantities, so an unavailable product
        never enters a route; its quantity goes to a backorder at validation.
        """
        dues = sorted({p.alltricks_due for p in self if p.alltricks_due})
        rank = {due: index for index, due in enumerate(dues)}
        return [
            picking._get_alltricks_order(
                warehouse, geometry, rank.get(picking.alltricks_due, len(dues))
            )
            for picking in self
        ]

    def _get_alltricks_order(self, warehouse, geometry, due_rank):
        self.ensure_one()
        lines = tuple(
            OrderLine(
                key=line.id,
                point=warehouse._get_alltricks_point(line.location_id, geometry),
                volume=line.quantity_product_uom
                * line.product_id._get_slot_volume_m3(),
                weight=line.quantity_product_uom * line.product_id.weight,
                bin=line.location_id.complete_name,
            )
            for line in self.move_line_ids.sorted("id")
        )
        bike = any(self.move_ids.product_id.categ_id.mapped("alltricks_complete_bike"))
        return Order(self.id, due_rank, lines, bike)

    def button_validate(self):
        self._check_alltricks_cart_validation()
        batches = self.batch_id
        result = super(StockPicking, validation_context(self)).button_validate()
        if isinstance(result, dict) and isinstance(result.get("context"), dict):
            # a wizard's context goes to the client: the token stays here
            result["context"].pop(DETACH_KEY, None)
        self._alltricks_release_backorders(batches)
        return result

    def _check_alltricks_cart_validation(self):
        """A cart is validated by the picker who took it, every unit scanned.

        Applies to planned carts, from the scanner's *Done* as from Odoo's own
        Validate buttons (batch or transfer); a warehouse manager may validate
        any cart. Batches made by hand follow Odoo's rules.
        """
        if self.env.su or self.env.user.has_group(PLANNER_GROUP):
            return
        pickings = self.filtered(lambda p: p.state not in ("done", "cancel"))
        loose = pickings.filtered(lambda p: p.alltricks_tote and not p.batch_id)
        if loose:
            raise UserError(
                self.env._(
                    "%(name)s was planned on a cart and is not on it any more: plan "
                    "it again, or ask a warehouse manager to validate it.",
                    name=loose[0].name,
                )
            )
        carts = pickings.batch_id.filtered("alltricks_cart_type_id")
        for batch in carts:
            batch._check_alltricks_scan_picker()
            lines = (pickings & batch.picking_ids).move_line_ids
            unscanned = lines.filtered(lambda ml: ml._get_alltricks_to_scan() > 0)
            if len(unscanned) == 1:
                raise UserError(
                    self.env._(
                        "1 line of cart %(name)s is not scanned (%(bin)s): scan it "
                        "in Pick (scanner) or mark it missing.",
                        name=batch.name,
                        bin=unscanned.location_id.name,
                    )
                )
            if unscanned:
                raise UserError(
                    self.env._(
                        "%(count)s lines of cart %(name)s are not scanned (first: "
                        "%(bin)s): scan them in Pick (scanner) or mark them missing.",
                        count=len(unscanned),
                        name=batch.name,
                        bin=unscanned[0].location_id.name,
                    )
                )

    def _action_done(self):
        """Record who validated picking lines nobody scanned: the picker.

        The packing station refuses the picker of an order as its packer; a
        PICK transfer validated from the backend must not escape that rule.
        """
        result = super()._action_done()
        if not self.env.su:
            pick_types = self.picking_type_id.warehouse_id.pick_type_id
            lines = self.move_line_ids.filtered(
                lambda ml: (
                    ml.state == "done"
                    and ml.picking_type_id in pick_types
                    and not ml.alltricks_picked_by
                )
            )
            lines.sudo().write({"alltricks_picked_by": self.env.uid})
            self._alltricks_log_unscanned()
        return result

    def _create_backorder(self, backorder_moves=None):
        """A backorder starts unscanned: short-pick flags stay on the cart."""
        moves = backorder_moves or self.move_ids.filtered(
            lambda m: m.state not in ("done", "cancel")
        )
        moves.move_line_ids.filtered(
            lambda ml: ml.state != "done"
        )._alltricks_reset_scan()
        return super()._create_backorder(backorder_moves=backorder_moves)

    def _alltricks_log_unscanned(self):
        """Log on its cart who validated units nobody scanned (a manager)."""
        for batch in self.batch_id.filtered("alltricks_cart_type_id"):
            lines = (self & batch.picking_ids).move_line_ids.filtered(
                lambda ml: ml.state == "done" and ml._get_alltricks_to_scan() > 0
            )
            if lines:
                batch.message_post(
                    body=self.env._(
                        "%(user)s validated %(count)s lines of this cart that were "
                        "not scanned, on %(when)s.",
                        user=self.env.user.name,
                        count=len(lines),
                        when=fields.Datetime.to_string(fields.Datetime.now()),
                    )
                )

    def _alltricks_release_backorders(self, batches):
        """Take the backorders of these transfers out of ``batches``.

        What was short-picked is planned again, on a new cart, by the next
        planning run: the cart being validated is back at the packing area.
        """
        backorders = self.backorder_ids.filtered(lambda b: b.batch_id & batches)
        if backorders:
            _logger.debug("Backorders %s leave batches %s", backorders.ids, batches.ids)
            # The cart's validation passed its checks: not the picker's own write.
            backorders.sudo().write({"batch_id": False})
