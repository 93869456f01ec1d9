import logging

from odoo import api, fields, models
from odoo.exceptions import AccessError
from odoo.fields import Command

from .floor_guard import check_cart_owner

_logger = logging.getLogger(__name__)
PLANNER_GROUP = "alltricks_slotting.group_warehouse_manager"
PLAN_FIELDS = frozenset(
    {
        "alltricks_cart_type_id",
        "alltricks_route_length",
        "alltricks_plan_seq",
        "alltricks_trip_count",
        "alltricks_tote",
        "alltricks_route_seq",
        "alltricks_cart_trip",
    }
)


def route_key(line):
    """Sort key of move lines in walking order; unplanned lines last, by id."""
    return (not line.alltricks_route_seq, line.alltricks_route_seq, line.id)


def check_plan_write(records, vals):
    """Refuse route and tote changes to anyone but the planner.

    Pickers may write the lines they pick (quantities, picked) but not the
    route they were given: the scanner and the packing station trust it.
    """
    if PLAN_FIELDS.isdisjoint(vals):
        return
    if records.env.su or records.env.user.has_group(PLANNER_GROUP):
        return
    raise AccessError(
        records.env._(
            "Only warehouse managers can change a planned route or tote; "
            "ask them to plan the picking again."
        )
    )


class StockPickingBatch(models.Model):
    _inherit = "stock.picking.batch"

    alltricks_cart_type_id = fields.Many2one(
        "alltricks.cart.type", string="Cart type", readonly=True, check_company=True
    )
    alltricks_route_length = fields.Float(
        string="Route (m)",
        digits=(10, 1),
        readonly=True,
        help="Walking distance of the planned route, packing area to packing area.",
    )
    alltricks_plan_seq = fields.Integer(
        string="Cart rank",
        readonly=True,
        help="Order in which carts of one planning run should be picked: the "
        "most urgent departures first.",
    )
    alltricks_trip_count = fields.Integer(
        string="Cart trips",
        readonly=True,
        help="More than 1 when a single order is too big for one cart.",
    )

    def write(self, vals):
        check_plan_write(self, vals)
        if "user_id" in vals:
            self._check_alltricks_user_write(vals["user_id"])
        # Someone else's cart (cancel, state, transfers) is not a picker's to
        # change; an untaken cart is taken through the scanner.
        check_cart_owner(self.filtered("user_id").picking_ids)
        return super().write(vals)

    def _check_alltricks_user_write(self, user_id):
        """A cart taken by a picker is reassigned by a warehouse manager only."""
        if self.env.su or self.env.user.has_group(PLANNER_GROUP):
            return
        taken = self.filtered(
            lambda b: (
                b.alltricks_cart_type_id
                and b.user_id
                and b.user_id != self.env.user
                and b.user_id.id != user_id
            )
        )
        if taken:
            raise AccessError(
                self.env._(
                    "Cart %(name)s is being picked by %(user)s: only a warehouse "
                    "manager can give it to someone else.",
                    name=taken[0].name,
                    user=taken[0].user_id.name,
                )
            )

    @api.model
    def _check_alltricks_planner(self):
        """Only warehouse managers (and the scheduler) plan carts."""
        if self.env.su or self.env.user.has_group(PLANNER_GROUP):
            return
        raise AccessError(self.env._("Only warehouse managers can plan picking carts."))

    def action_done(self):
        """Validate; backorders of short picks never stay in this batch.

        stock_picking_batch already creates backorders without a batch and
        keeps the batch being validated out of auto-batching; the picking's
        ``button_validate`` override repeats the guard for the wizard path.
        """
        pickings = self.picking_ids
        result = super().action_done()
        pickings._alltricks_release_backorders(self)
        return result

    def _get_route_move_lines(self):
        """Move lines to pick, in walking order (unplanned lines last, by id)."""
        self.ensure_one()
        lines = self.picking_ids.move_line_ids.filtered(lambda ml: ml.state != "done")
        return lines.sorted(route_key)

    def _get_alltricks_route_locations(self, move_lines):
        """Source locations of ``move_lines`` by first route step, then by name."""
        first_step = {}
        for line in move_lines.sorted(route_key):
            first_step.setdefault(line.location_id, len(first_step))
        return move_lines.location_id.sorted(
            lambda loc: (first_step.get(loc, len(first_step)), loc.complete_name)
        )

    @api.model
    def action_alltricks_plan_picking(self):
        """Plan every warehouse of the allowed companies; open the new batches."""
        self._check_alltricks_planner()
        warehouses = self.env["stock.warehouse"].search(
            [("company_id", "in", self.env.companies.ids), ("slot_aisle_count", ">", 0)]
        )
        batches = self.browse()
        for warehouse in warehouses:
            batches |= warehouse._alltricks_plan_picking()
        if not batches:
            return self._alltricks_notify_nothing_planned(warehouses)
        return self._alltricks_open(batches)

    def _alltricks_notify_nothing_planned(self, warehouses):
        """A notification saying why no cart was made; the screen stays as is."""
        if warehouses:
            counts = self.env["stock.picking"]._get_alltricks_plan_counts(warehouses)
            reasons = self._get_alltricks_plan_reasons(counts) or [
                self.env._("no other transfer waits to be picked")
            ]
            message = self.env._(
                "No transfer to plan: %(ready)s ready transfers to pick; %(reasons)s.",
                ready=counts["ready"],
                reasons="; ".join(reasons),
            )
        else:
            message = self.env._(
                "No transfer to plan: no warehouse has a layout yet (Inventory > "
                "Configuration > Generate layout)."
            )
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "title": self.env._("Nothing planned"),
                "message": message,
                "type": "warning",
                "sticky": True,
            },
        }

    @api.model
    def _get_alltricks_plan_reasons(self, counts):
        """One phrase per reason transfers were not planned, singular or plural."""
        _ = self.env._
        n = dict.fromkeys(("stock", "all_ready", "cart", "batch", "draft", "other"), 0)
        n.update(counts)
        phrases = {
            "stock": (
                _("1 waits for stock"),
                _("%(count)s wait for stock", count=n["stock"]),
            ),
            "all_ready": (
                _("1 is partly reserved and ships when all products are ready"),
                _(
                    "%(count)s are partly reserved and ship when all products are "
                    "ready",
                    count=n["all_ready"],
                ),
            ),
            "cart": (
                _("1 is already on a cart"),
                _("%(count)s are already on a cart", count=n["cart"]),
            ),
            "batch": (
                _("1 is in a batch made by hand"),
                _("%(count)s are in batches made by hand", count=n["batch"]),
            ),
            "draft": (
                _("1 is a draft (Mark as Todo first)"),
                _("%(count)s are drafts (Mark as Todo first)", count=n["draft"]),
            ),
            "other": (
                _("1 is not an open picking transfer"),
                _("%(count)s are not open picking transfers", count=n["other"]),
            ),
        }
        return [
            one if n[key] == 1 else many
            for key, (one, many) in phrases.items()
            if n[key]
        ]

    def _alltricks_open(self, batches):
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "stock_picking_batch.stock_picking_batch_action"
        )
        action["domain"] = [("id", "in", batches.ids)]
        action["context"] = {}
        return action

    @api.model
    def _cron_alltricks_plan_picking(self):
        """Plan every laid-out warehouse whose company has a cart type."""
        Cart = self.env["alltricks.cart.type"]
        warehouses = self.env["stock.warehouse"].search([("slot_aisle_count", ">", 0)])
        for warehouse in warehouses:
            if not Cart._get_for_flow(warehouse.company_id):
                _logger.info("No cart type for %s: not planned", warehouse.name)
                continue
            if not warehouse._alltricks_plan_picking():
                _logger.debug(
                    "Nothing to plan in %s: %s",
                    warehouse.name,
                    self.env["stock.picking"]._get_alltricks_plan_counts(warehouse),
                )

    @api.model
    def _alltricks_create_from_plan(self, plan, pickings, cart_types):
        """One batch per cart; an order split over several carts keeps one batch."""
        batches = self.browse()
        done_splits = set()
        for cart in plan.carts:
            if cart.split_of is not None:
                if cart.split_of in done_splits:
                    continue
                done_splits.add(cart.split_of)
                carts = [c for c in plan.carts if c.split_of == cart.split_of]
            else:
                carts = [cart]
            batches |= self._alltricks_create_batch(carts, pickings, cart_types)
        return batches

    def _alltricks_create_batch(self, carts, pickings, cart_types):
        picking_by_id = {p.id: p for p in pickings}
        members = pickings.browse([oid for oid in carts[0].orders])
        batch = self.create(
            self._prepare_alltricks_batch_values(carts, members, cart_types)
        )
        batch.action_confirm()
        for tote, order_id in enumerate(carts[0].orders, start=1):
            picking_by_id[order_id].alltricks_tote = tote
        MoveLine = self.env["stock.move.line"]
        step = 0
        for trip, cart in enumerate(carts, start=1):
            for key in cart.route:
                step += 1
                MoveLine.browse(key).write(
                    {"alltricks_route_seq": step, "alltricks_cart_trip": trip}
                )
        _logger.debug(
            "Batch %s: transfers %s, route %.1f m",
            batch.name,
            members.ids,
            batch.alltricks_route_length,
        )
        return batch

    def _prepare_alltricks_batch_values(self, carts, pickings, cart_types):
        cart_type = cart_types[carts[0].flow]
        description = self.env._("Cart %(rank)s", rank=carts[0].sequence)
        if len(carts) > 1:
            description = self.env._(
                "%(name)s: one order too big for one cart, %(trips)s trips",
                name=description,
                trips=len(carts),
            )
        return {
            "picking_type_id": pickings.picking_type_id.id,
            "company_id": pickings.company_id.id,
            "user_id": False,
            "picking_ids": [Command.set(pickings.ids)],
            "alltricks_cart_type_id": cart_type.id,
            "alltricks_route_length": sum(c.length for c in carts),
            "alltricks_plan_seq": carts[0].sequence,
            "alltricks_trip_count": len(carts),
            "description": description,
        }
