import logging
import time

from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import SQL

_logger = logging.getLogger(__name__)

# Set while the putaway itself writes destinations: they need no override check.
# Its value is a Python object that no RPC call can send: a client that sets
# the key in its context is still checked.
PLANNED = "slot_putaway_planned"
PLANNED_TOKEN = object()
# Set while Odoo's reservation creates or tops up lines, the same way.
RESERVING = "slot_reservation"
RESERVING_TOKEN = object()
# The rules a larger quantity can break.
CAPACITY_RULES = ("volume", "weight", "units")


class StockMoveLine(models.Model):
    _inherit = "stock.move.line"

    slot_putaway_reason = fields.Char(
        string="Putaway reason",
        readonly=True,
        copy=False,
        help="Why the putaway chose this bin, with the parts of its score "
        "(lower is better).",
    )
    slot_putaway_warning = fields.Char(
        string="Putaway warning",
        readonly=True,
        copy=False,
        help="Set when no bin could take the line: it stays in the parent "
        "location until someone stores it by hand.",
    )

    @api.model_create_multi
    def create(self, vals_list):
        lines = super().create(vals_list)
        if not self._is_slot_putaway_write() and not self._is_slot_reservation():
            lines.filtered("location_dest_id.slot_rack_type")._check_slot_override()
        return lines

    def write(self, vals):
        # checked before writing, so that a refusal leaves nothing changed
        if not self._is_slot_putaway_write():
            if vals.get("location_dest_id"):
                new_bin = self.env["stock.location"].browse(vals["location_dest_id"])
                self._check_slot_override(new_bin, vals.get("quantity"))
            elif "quantity" in vals and not self._is_slot_reservation():
                self._check_slot_capacity(vals["quantity"])
        return super().write(vals)

    def _action_done(self):
        # lines reserved on a transfer straight into a bin were never placed
        # nor checked: their bin is checked when they are done
        self.filtered(
            lambda line: (
                line.location_dest_id.slot_rack_type
                and line.location_dest_id == line.move_id.location_dest_id
                and line.quantity > 0
            )
        )._check_slot_override()
        return super()._action_done()

    def _is_slot_putaway_write(self):
        """The putaway engine itself writes these destinations (server code)."""
        return self.env.context.get(PLANNED) is PLANNED_TOKEN

    def _is_slot_reservation(self):
        """Odoo's reservation creates or tops up these lines (server code): their
        bins are checked when the user chooses them or validates."""
        return self.env.context.get(RESERVING) is RESERVING_TOKEN

    # Manual choice of a bin

    def _get_slot_rule_labels(self):
        _ = self.env._
        return {
            "unknown_bin": _("it is not a storage bin under the destination"),
            "rack_type": _("bulky goods go to bulky racks, and only they do"),
            "dimensions": _("a unit does not fit in it"),
            "mixing": _("it holds, or is about to receive, another product"),
            "volume": _("it has no room left (volume)"),
            "weight": _("it would be overloaded (weight)"),
            "units": _("it would hold more units than its maximum"),
            "separation": _("a look-alike product is stored too close to it"),
        }

    def _check_slot_capacity(self, quantity):
        """Refuse a larger ``quantity`` (in the unit of each line) that the bins
        of the lines cannot hold; a smaller one always goes."""
        growing = self.filtered(
            lambda line: (
                line.location_dest_id.slot_rack_type
                and line.product_uom_id.compare(quantity, line.quantity) > 0
            )
        )
        growing._check_slot_override(quantity=quantity, rules=CAPACITY_RULES)

    def _check_slot_override(self, new_bin=None, quantity=None, rules=None):
        """Refuse a bin chosen by hand that breaks a hard putaway rule.

        ``new_bin`` is the bin about to be written on every line of ``self``
        (default: their current destination), ``quantity`` the quantity about
        to be written on each of them (default: their current one); only the
        ``rules`` given are checked (default: all). Lines of one product moved
        together are checked with their total quantity.
        """
        groups = self.grouped(
            lambda line: (line.product_id, new_bin or line.location_dest_id)
        )
        for (_product, target), lines in groups.items():
            line = lines[0]
            if (
                line.state in ("done", "cancel")
                or not line.picking_id
                or not target.slot_rack_type
            ):
                continue
            warehouse, location = line._get_slot_rule_scope(target)
            if not warehouse:
                continue
            violations = [
                violation
                for violation in lines._get_slot_override_violations(
                    warehouse, location, target, quantity
                )
                if rules is None or violation.rule in rules
            ]
            if violations:
                raise UserError(
                    line._prepare_slot_override_message(violations, target, location)
                )

    def _get_slot_rule_scope(self, target):
        """``(warehouse, location)`` whose bins and rules apply to this line going
        to ``target``: the putaway destination of its move, or, for a move
        straight into a bin of a generated layout, the stock location of that
        warehouse. Empty recordsets when no rule applies."""
        self.ensure_one()
        warehouse = self._get_slot_putaway_warehouse()
        if warehouse:
            return warehouse, self.move_id.location_dest_id
        warehouse = target.warehouse_id
        stock = warehouse.lot_stock_id
        if (
            not warehouse
            or not target.slot_rack_type
            or target.usage != "internal"
            or not target.parent_path.startswith(stock.parent_path)
            or not self.product_id.is_storable
            or not warehouse._has_slot_layout()
        ):
            return self.env["stock.warehouse"], self.env["stock.location"]
        return warehouse, stock

    def _get_slot_override_violations(self, warehouse, location, target, quantity=None):
        line = self[0]
        engine, data = warehouse._get_slot_putaway_engine(
            location, line.product_id, exclude_move_lines=self
        )
        if quantity is None:
            qty = sum(self.mapped("quantity_product_uom"))
        else:
            qty = sum(
                line.product_uom_id._compute_quantity(quantity, line.product_id.uom_id)
                for line in self
            )
        incoming = warehouse._prepare_slot_incoming_line(
            {"product": line.product_id, "qty": qty}, data[line.product_id.id]
        )
        return engine.check_override(incoming, target.id)

    def _prepare_slot_override_message(self, violations, target, location=None):
        labels = self._get_slot_rule_labels()
        reasons = "\n".join(
            f"- {labels.get(violation.rule, violation.rule)}: "
            f"{self._get_slot_violation_text(violation)}"
            for violation in violations
        )
        return self.env._(
            "%(product)s cannot go to %(bin)s:\n%(reasons)s\nChoose another bin, "
            "or set the destination back to %(parent)s and let putaway choose.",
            product=self.product_id.display_name,
            bin=target.display_name,
            reasons=reasons,
            parent=(location or self.move_id.location_dest_id).display_name,
        )

    def _get_slot_violation_text(self, violation):
        """The engine's message, with the other products named (for a mixed
        bin, the products alone: the rule's label already says the rest)."""
        if not violation.product_ids:
            return violation.message
        products = self.env["product.product"].sudo().browse(violation.product_ids)
        if violation.rule == "mixing":
            return ", ".join(products.mapped("display_name")) + "."
        return self.env._(
            "%(message)s: %(products)s.",
            message=violation.message.rstrip("."),
            products=", ".join(products.mapped("display_name")),
        )

    # Putaway

    def _get_slot_putaway_warehouse(self):
        """The warehouse whose engine places this line, or an empty recordset
        (packages, consumables, destinations outside a generated layout)."""
        self.ensure_one()
        destination = self.move_id.location_dest_id
        warehouse = destination.warehouse_id
        if (
            not warehouse
            or destination.slot_rack_type
            or destination.slot_is_showroom
            or destination.usage not in ("internal", "view")
            or not destination.parent_path.startswith(
                warehouse.lot_stock_id.parent_path
            )
            or self.result_package_id
            or not self.product_id.is_storable
            or not warehouse._has_slot_layout()
        ):
            return self.env["stock.warehouse"]
        return warehouse

    def _apply_putaway_strategy(self):
        # slot_putaway_disabled: Odoo's own rules only (benchmarks, imports)
        context = self.env.context
        if context.get("avoid_putaway_rules") or context.get("slot_putaway_disabled"):
            return super()._apply_putaway_strategy()
        slotted = self.filtered(lambda line: line._get_slot_putaway_warehouse())
        super(StockMoveLine, self - slotted)._apply_putaway_strategy()
        groups = slotted.grouped(
            lambda line: (
                line._get_slot_putaway_warehouse(),
                line.move_id.location_dest_id,
            )
        )
        for (warehouse, destination), lines in groups.items():
            lines._slot_apply_putaway(warehouse, destination)
        return None

    def _slot_apply_putaway(self, warehouse, destination):
        """Plan every line in one engine call, then write bins, splits, warnings."""
        lines = [
            {
                "product": line.product_id,
                "qty": line.quantity_product_uom,
                "ref": line.id,
                "incoming_date": line.move_id.date,
            }
            for line in self
        ]
        started = time.perf_counter()
        results = warehouse._alltricks_plan_putaway(
            lines, location=destination, exclude_move_lines=self
        )
        planned_at = time.perf_counter()
        self.with_context(**{PLANNED: PLANNED_TOKEN})._slot_write_results(
            results, destination
        )
        _logger.debug(
            "putaway of %s lines into %s: planned in %.3f s, written in %.3f s",
            len(self),
            destination.display_name,
            planned_at - started,
            time.perf_counter() - planned_at,
        )
        self._slot_notify_unplaced(
            [(line, result) for line, result in zip(self, results) if result.message]
        )

    def _slot_write_results(self, results, destination):
        """Write the engine's answer: one UPDATE for the lines that only change
        bin (most of them), the ORM for the quantity of split lines, one create
        for the lines split off them."""
        moved, resized, new_lines = {}, [], []
        for line, result in zip(self, results, strict=True):
            first, *others = line._prepare_slot_result_values(result, destination)
            if "quantity" in first:
                resized.append((line, first))
            else:
                moved[line] = first
            new_lines += [line.copy_data(values)[0] for values in others]
        self.browse([line.id for line in moved])._slot_write_destinations(moved)
        for line, values in resized:
            # a new quantity changes what the line reserves: the ORM handles it
            line.write(values)
        if new_lines:
            self.create(new_lines)

    def _slot_write_destinations(self, values_by_line):
        """Bin, reason and warning of lines whose quantity does not change, in
        one query. The ORM's write would, per line, unreserve and reserve the
        same quantity at the same source and look for chained moves of done
        lines: nothing for open lines going to a bin, but 2 ms each."""
        if not self:
            return
        fnames = ["location_dest_id", "slot_putaway_reason", "slot_putaway_warning"]
        self.flush_recordset(fnames)
        self.modified(fnames, before=True)
        rows = SQL(", ").join(
            SQL(
                "(%s, %s, %s, %s)",
                line.id,
                values["location_dest_id"],
                values["slot_putaway_reason"] or None,
                values["slot_putaway_warning"] or None,
            )
            for line, values in values_by_line.items()
        )
        self.env.cr.execute(
            SQL(
                """UPDATE stock_move_line line
                      SET location_dest_id = new.bin,
                          slot_putaway_reason = new.reason::varchar,
                          slot_putaway_warning = new.warning::varchar,
                          write_uid = %(uid)s, write_date = %(now)s
                     FROM (VALUES %(rows)s) AS new(id, bin, reason, warning)
                    WHERE line.id = new.id""",
                uid=self.env.uid,
                now=self.env.cr.now(),
                rows=rows,
            )
        )
        self.invalidate_recordset([*fnames, "write_uid", "write_date"])
        self.modified(fnames)

    def _prepare_slot_result_values(self, result, destination):
        """Values of this line (its first bin) then of one new line per further
        bin; the unplaced rest stays in ``destination`` with a warning."""
        self.ensure_one()
        # quantities of the engine are in the product UoM, lines in their own
        ratio = self.quantity / self.quantity_product_uom if self.quantity else 1.0
        unplaced = result.unplaced_qty if result.allocations else 0.0
        warning = result.message if unplaced or result.refused else False
        parts = [
            {
                "location_dest_id": allocation.bin_id,
                "quantity": allocation.qty * ratio,
                "slot_putaway_reason": self._get_slot_reason_text(allocation),
                "slot_putaway_warning": warning,
            }
            for allocation in result.allocations
        ]
        if unplaced or result.refused:
            parts.append(
                {
                    "location_dest_id": destination.id,
                    "quantity": (unplaced or result.line.qty) * ratio,
                    "slot_putaway_reason": False,
                    "slot_putaway_warning": warning,
                }
            )
        if len(parts) == 1:
            parts[0].pop("quantity")
        return parts

    @api.model
    def _get_slot_reason_text(self, allocation):
        terms = sorted(allocation.parts.items(), key=lambda item: -abs(item[1]))
        shown = ", ".join(f"{name} {value:+.2f}" for name, value in terms if value)
        return f"{allocation.reason}; score {allocation.score:.2f} ({shown})"

    def _slot_notify_unplaced(self, reports):
        """One chatter message per transfer listing the lines putaway could not
        fully place, and what to do."""
        by_picking = {}
        for line, result in reports:
            if result.unplaced_qty or result.refused:
                by_picking.setdefault(line.picking_id, []).append((line, result))
        for picking, items in by_picking.items():
            if not picking:
                continue
            rows = Markup("").join(
                Markup("<li>%s: %s</li>") % (line.product_id.display_name, res.message)
                for line, res in items
            )
            picking.message_post(
                body=Markup("<p>%s</p><ul>%s</ul>")
                % (
                    self.env._(
                        "Putaway could not place these lines in a bin; they stay "
                        "in %(location)s. Free or add a bin that fits, or store "
                        "them by hand.",
                        location=items[0][0].move_id.location_dest_id.display_name,
                    ),
                    rows,
                )
            )
            _logger.info(
                "Putaway of %s: lines not placed: %s", picking.name, len(items)
            )
