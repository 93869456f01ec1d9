import logging

from odoo import api, models
from odoo.exceptions import AccessError, UserError

from .floor_guard import is_record_id, lock_scan
from .stock_move_line_scan import tote_code
from .stock_picking_batch import PLANNER_GROUP

PICKER_GROUP = "alltricks_slotting.group_picker"

_logger = logging.getLogger(__name__)


class StockPickingBatch(models.Model):
    _inherit = "stock.picking.batch"

    @api.model
    def alltricks_scan_batches(self):
        """Carts the current picker can work on: his own first, then free ones.

        Only carts made by the planner (Plan picking, express carts): a batch
        made by hand has no totes nor route to walk.
        """
        batches = self.search(
            [
                ("alltricks_cart_type_id", "!=", False),
                ("state", "=", "in_progress"),
                ("company_id", "in", self.env.companies.ids),
                ("picking_type_code", "!=", "incoming"),
                ("user_id", "in", [False, self.env.uid]),
            ],
            order="alltricks_plan_seq, id",
        )
        return [
            {
                "id": batch.id,
                "name": batch.name,
                "description": batch.description or "",
                "mine": batch.user_id == self.env.user,
                "lines": len(batch._get_route_move_lines()),
                "route_length": batch.alltricks_route_length,
            }
            for batch in batches.sorted(lambda b: b.user_id != self.env.user)
        ]

    def action_alltricks_scan_take(self):
        """The current user takes this cart; a cart has one picker at a time."""
        self.ensure_one()
        self._check_alltricks_picker_group()
        # Two pickers pressing "Take" at once: the lock does not wait, the
        # second is refused at once and taps again (then sees who took it).
        lock_scan(
            self,
            self.env._(
                "Another picker is taking cart %(name)s right now: tap it again.",
                name=self.name,
            ),
        )
        if self.state != "in_progress":
            raise UserError(
                self.env._("Cart %(name)s is not to pick any more.", name=self.name)
            )
        if not self.alltricks_cart_type_id:
            raise UserError(
                self.env._(
                    "%(name)s was not planned for the scanner (no totes, no "
                    "route): take a cart from the list, or ask a warehouse "
                    "manager to plan its transfers with Plan picking.",
                    name=self.name,
                )
            )
        if self.user_id and self.user_id != self.env.user:
            raise UserError(
                self.env._(
                    "Cart %(name)s is being picked by %(user)s: take another one.",
                    name=self.name,
                    user=self.user_id.name,
                )
            )
        if not self.user_id:
            self.user_id = self.env.user
            _logger.info("Cart %s taken by %s", self.name, self.env.user.login)
        return self.alltricks_scan_state()

    def alltricks_scan_state(self):
        """Everything the picker screen shows, lines in walking order; the
        current line is the first one not picked or whose tote is not scanned
        yet (also after a reload of the screen)."""
        self.ensure_one()
        lines = self._get_route_move_lines()
        values = [line._get_alltricks_scan_values() for line in lines]
        current = next((v for v in values if not v["done"] or v["tote_pending"]), None)
        return {
            "id": self.id,
            "name": self.name,
            "lines": values,
            "current_id": current and current["id"],
            "finished": current is None,
        }

    def _get_alltricks_scan_line(self, line_id):
        """The line ``line_id`` of this cart, for the picker who took the cart."""
        self._check_alltricks_scan_picker()
        if not is_record_id(line_id):
            raise UserError(
                self.env._(
                    "%(line)s is not a line of cart %(name)s: reload the cart and "
                    "scan from its screen.",
                    line=repr(line_id),
                    name=self.name,
                )
            )
        line = self.env["stock.move.line"].browse(line_id).exists()
        if not line or line not in self._get_route_move_lines():
            raise UserError(
                self.env._(
                    "This line is not on cart %(name)s any more: reload the cart.",
                    name=self.name,
                )
            )
        # One scan of a line at a time (double scan, two devices): the lock
        # does not wait, the second scan is refused at once.
        lock_scan(
            line, self.env._("Another scan on this cart is being recorded: scan again.")
        )
        return line

    @api.model
    def _check_alltricks_picker_group(self):
        if not self.env.user.has_group(PICKER_GROUP):
            raise AccessError(self.env._("Only pickers can pick carts."))

    def _check_alltricks_scan_picker(self):
        """Scans and validation of a cart: its picker, or a warehouse manager.

        Every scanner method is callable by RPC: each one checks here that
        the cart is being picked and that the caller is the one picking it.
        """
        self.ensure_one()
        self._check_alltricks_picker_group()
        if self.state != "in_progress":
            states = dict(self._fields["state"]._description_selection(self.env))
            raise UserError(
                self.env._(
                    "Cart %(name)s is not to pick (%(state)s): take another cart.",
                    name=self.name,
                    state=states[self.state],
                )
            )
        if self.user_id == self.env.user:
            return
        if self.user_id and self.env.user.has_group(PLANNER_GROUP):
            return
        if self.user_id:
            raise UserError(
                self.env._(
                    "Cart %(name)s is being picked by %(user)s: only that picker or "
                    "a warehouse manager can scan or validate it.",
                    name=self.name,
                    user=self.user_id.name,
                )
            )
        raise UserError(
            self.env._(
                "Take cart %(name)s before picking it: it is not yours.",
                name=self.name,
            )
        )

    def alltricks_scan(self, line_id, barcode):
        """One scan on line ``line_id``: its bin, a unit of its product, its tote.

        Returns ``{"ok", "kind", "message", "state"}``. A refused scan writes
        nothing; an accepted unit adds 1 to the line, never above its reserved
        quantity, and the line is picked when complete.
        """
        line = self._get_alltricks_scan_line(line_id)
        barcode = "" if barcode in (None, False) else str(barcode).strip()
        if not barcode:
            message = self.env._("Nothing was read: scan the label again.")
            return self._alltricks_scan_result(False, "product", message)
        source = line.location_id
        # a bin label typed by hand may come in lower case
        if barcode == source.barcode or barcode.lower() == source.name.lower():
            return self._alltricks_scan_result(
                True, "bin", self.env._("Bin confirmed.")
            )
        if barcode.upper() == tote_code(line.alltricks_tote):
            if line.product_uom_id.is_zero(line.alltricks_scanned_qty):
                message = self.env._(
                    "Nothing to put in tote %(tote)s yet: scan %(product)s first.",
                    tote=line.alltricks_tote,
                    product=line.product_id.display_name,
                )
                return self._alltricks_scan_result(False, "tote", message)
            if line.picked:
                line.sudo().alltricks_tote_scanned = True
            return self._alltricks_scan_result(
                True, "tote", self.env._("Tote confirmed.")
            )
        if barcode.upper().startswith("TOTE-"):
            message = self.env._(
                "Wrong tote: put this item in tote %(tote)s.", tote=line.alltricks_tote
            )
            return self._alltricks_scan_result(False, "tote", message)
        wrong_bin = line._get_alltricks_bin_refusal(barcode)
        if wrong_bin:
            return self._alltricks_scan_result(False, "bin", wrong_bin)
        refusal = line._get_alltricks_refusal(barcode)
        if refusal:
            _logger.debug("Cart %s line %s refused %s", self.name, line.id, barcode)
            return self._alltricks_scan_result(False, "product", refusal)
        if line.picked or line._get_alltricks_to_scan() <= 0:
            if line.product_uom_id.compare(line.quantity, 1.0) == 0:
                message = self.env._(
                    "The one unit of this line is picked already: put this one back."
                )
            else:
                message = self.env._(
                    "All %(qty)s units of this line are picked already: put this "
                    "one back.",
                    qty=f"{line.quantity:g}",
                )
            return self._alltricks_scan_result(False, "product", message)
        line._alltricks_add_scanned(1.0)
        message = self.env._(
            "%(scanned)s of %(qty)s picked.",
            scanned=f"{line.alltricks_scanned_qty:g}",
            qty=f"{line.quantity:g}",
        )
        return self._alltricks_scan_result(True, "product", message)

    def alltricks_scan_fill(self, line_id):
        """Shortcut "all here": the units still missing on the line, no more."""
        line = self._get_alltricks_scan_line(line_id)
        line._alltricks_add_scanned(line._get_alltricks_to_scan())
        return self._alltricks_scan_result(True, "product", self.env._("Line picked."))

    def alltricks_scan_missing(self, line_id):
        """Short pick: what was scanned is picked, the rest goes to a backorder."""
        line = self._get_alltricks_scan_line(line_id)
        if line.picked:
            raise UserError(self.env._("This line is complete: nothing is missing."))
        # Checked above: the caller picks this cart and the line is on it.
        line.sudo().write(
            {
                "quantity": line.alltricks_scanned_qty,
                "picked": True,
                "alltricks_missing": True,
                "alltricks_picked_by": self.env.uid,
            }
        )
        _logger.info("Cart %s: line %s short-picked", self.name, line.id)
        message = self.env._("Marked missing; the rest will be picked later.")
        return self._alltricks_scan_result(True, "missing", message)

    def alltricks_scan_done(self):
        """Validate the cart once every line is picked or marked missing."""
        self.ensure_one()
        self._check_alltricks_scan_picker()
        open_lines = self._get_route_move_lines().filtered(lambda ml: not ml.picked)
        if len(open_lines) == 1:
            raise UserError(
                self.env._(
                    "1 line is not picked yet (%(bin)s): pick it or mark it missing.",
                    bin=open_lines.location_id.name,
                )
            )
        if open_lines:
            raise UserError(
                self.env._(
                    "%(count)s lines are not picked yet (first: %(bin)s): pick them "
                    "or mark them missing.",
                    count=len(open_lines),
                    bin=open_lines[0].location_id.name,
                )
            )
        self.with_context(skip_backorder=True).action_done()
        self._alltricks_release_unpicked()
        return {"ok": True, "state": self.state}

    def _alltricks_release_unpicked(self):
        """Transfers of this cart with nothing picked leave it, ready to plan.

        Odoo validates only transfers with picked units: one whose every line
        was short-picked empty would keep the cart open for ever.
        """
        pickings = self.picking_ids.filtered(
            lambda p: p.state not in ("done", "cancel")
        )
        if not pickings:
            return
        # The picker's checks passed; detaching from a cart is a planner's
        # write, which resets the transfers' scans (stock.picking.write).
        pickings.sudo().write({"batch_id": False})
        pickings.sudo().action_assign()
        _logger.info("Cart %s: %s left with nothing picked", self.name, pickings.ids)
        if not self.picking_ids:
            self.sudo().write({"state": "cancel"})
        elif all(p.state in ("done", "cancel") for p in self.picking_ids):
            self.sudo().write({"state": "done"})

    def _alltricks_scan_result(self, ok, kind, message):
        return {
            "ok": ok,
            "kind": kind,
            "message": message,
            "state": self.alltricks_scan_state(),
        }
