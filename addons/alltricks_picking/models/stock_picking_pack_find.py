import logging

from odoo import api, models
from odoo.exceptions import UserError

from .floor_guard import is_record_id
from .stock_move_line_scan import TOTE_PREFIX

_logger = logging.getLogger(__name__)
BATCH_SEQUENCE = "picking.batch"


def tote_number(code):
    """Tote of a scanned label (``TOTE-3``: 3; ``TOTE-x``: -1), None if no tote."""
    if not code.upper().startswith(TOTE_PREFIX):
        return None
    tote = code[len(TOTE_PREFIX) :]
    return int(tote) if tote.isascii() and tote.isdigit() else -1


class StockPicking(models.Model):
    """Packing station: what a scan opens (a cart, a tote, a reference)."""

    _inherit = "stock.picking"

    @api.model
    def alltricks_pack_open(self, code, cart_id=False):
        """Packing station: the packer scans a cart's pick list, a tote (looked
        for on the cart ``cart_id`` scanned before, if any), a transfer or an
        order reference.

        A cart answers ``{"cart": {"id", "name"}, "message"}`` and opens
        nothing; anything else answers the state of the PACK transfer found.
        """
        self._check_alltricks_packer_group()
        code = (code or "").strip()
        cart = self.env["stock.picking.batch"].search([("name", "=", code)], limit=1)
        if code and cart:
            return self._alltricks_pack_select_cart(cart)
        if cart_id and not is_record_id(cart_id):
            raise UserError(
                self.env._(
                    "%(cart)s is not a cart: scan the cart's pick list again.",
                    cart=repr(cart_id),
                )
            )
        cart = self.env["stock.picking.batch"].browse(cart_id or [])
        pack = self._alltricks_pack_find(code, cart)
        pack._check_alltricks_packer()
        return pack.alltricks_pack_state()

    @api.model
    def _get_alltricks_pack_domain(self):
        warehouses = self.env["stock.warehouse"].search(
            [("company_id", "in", self.env.companies.ids)]
        )
        return [
            ("picking_type_id", "in", warehouses.pack_type_id.ids),
            ("state", "=", "assigned"),
        ]

    @api.model
    def _get_alltricks_packs_waiting(self, picks):
        """PACK transfers still to re-scan among ``picks`` and those they feed."""
        dests = picks.move_ids.move_dest_ids.picking_id
        domain = self._get_alltricks_pack_domain()
        packs = self.search([*domain, ("id", "in", (picks | dests).ids)])
        return packs.filtered(lambda p: not p._is_alltricks_pack_complete())

    @api.model
    def _alltricks_pack_find(self, code, cart=None):
        """The PACK transfer of a scanned tote, transfer or order reference.

        Tote labels repeat on every cart: a tote is looked for on ``cart`` (the
        cart whose pick list was scanned before) when given, else on every
        validated cart, and must then be the only one waiting.
        """
        code = (code or "").strip()
        tote = tote_number(code)
        if tote is None:
            picks = self.search(["|", ("name", "=", code), ("origin", "=", code)])
            packs = self._get_alltricks_packs_waiting(picks)
        elif cart:
            packs = self._get_alltricks_cart_tote_packs(cart, tote, code)
        else:
            packs = self._get_alltricks_tote_packs(tote, code)
        if len(packs) != 1:
            raise UserError(self._get_alltricks_pack_find_error(code, len(packs)))
        return packs

    @api.model
    def _get_alltricks_tote_packs(self, tote, code):
        """Tote ``tote`` with no cart scanned: fine while one cart has it."""
        picks = self.search(
            [("alltricks_tote", "=", tote), ("batch_id.state", "=", "done")]
        )
        packs = self._get_alltricks_packs_waiting(picks)
        if len(packs) > 1:
            raise UserError(
                self.env._(
                    "%(code)s is on several carts waiting to be packed: scan the "
                    "cart's pick list first (the barcode at the top of the sheet), "
                    "then the tote.",
                    code=code,
                )
            )
        return packs

    @api.model
    def _get_alltricks_cart_tote_packs(self, cart, tote, code):
        """Tote ``tote`` of ``cart``: the transfer(s) it holds still to pack."""
        self._check_alltricks_pack_cart(cart)
        picks = cart.picking_ids.filtered(lambda p: p.alltricks_tote == tote)
        if not picks:
            raise UserError(
                self.env._(
                    "Cart %(cart)s has no %(code)s: check the tote label, or scan "
                    "the pick list of the cart the tote came on.",
                    cart=cart.name,
                    code=code,
                )
            )
        packs = self._get_alltricks_packs_waiting(picks)
        if not packs:
            raise UserError(
                self.env._(
                    "%(code)s of cart %(cart)s has nothing left to pack: scan "
                    "another tote of this cart, or another cart's pick list.",
                    cart=cart.name,
                    code=code,
                )
            )
        return packs

    def _get_alltricks_pack_find_error(self, code, count):
        if count:
            return self.env._(
                "%(count)s transfers wait to be packed for %(code)s: scan the "
                "transfer or order reference instead.",
                count=count,
                code=code,
            )
        if self._is_alltricks_cart_code(code):
            return self.env._(
                "Unknown cart %(code)s: scan the barcode at the top of the cart's "
                "pick list again.",
                code=code,
            )
        return self.env._(
            "Nothing to pack for %(code)s: check the tote label or scan the order.",
            code=code,
        )

    @api.model
    def _is_alltricks_cart_code(self, code):
        """``code`` reads like a cart's name (the batch sequence's prefix)."""
        sequences = self.env["ir.sequence"].search([("code", "=", BATCH_SEQUENCE)])
        prefixes = [seq.prefix.upper() for seq in sequences if seq.prefix]
        return code.upper().startswith(tuple(prefixes)) if prefixes else False

    @api.model
    def _check_alltricks_pack_cart(self, cart):
        """A cart is packed once its picker validated it."""
        if not cart.exists():
            raise UserError(
                self.env._(
                    "The cart selected on this screen no longer exists: scan the "
                    "pick list of the cart again."
                )
            )
        if cart.state == "cancel":
            raise UserError(
                self.env._(
                    "Cart %(cart)s was cancelled: nothing on it is to be packed, "
                    "its transfers go back to planning.",
                    cart=cart.name,
                )
            )
        if cart.state != "done":
            raise UserError(
                self.env._(
                    "Cart %(cart)s is not picked yet: pack it once its picker has "
                    "pressed Done on it.",
                    cart=cart.name,
                )
            )

    @api.model
    def _alltricks_pack_select_cart(self, cart):
        """The packer scanned the pick list of ``cart``: its totes come next."""
        self._check_alltricks_pack_cart(cart)
        if not self._get_alltricks_packs_waiting(cart.picking_ids):
            raise UserError(
                self.env._(
                    "Nothing left to pack on cart %(cart)s: scan the pick list of "
                    "the next cart.",
                    cart=cart.name,
                )
            )

        _logger.debug("%s: cart %s selected at packing", self.env.user.login, cart.name)
        return {
            "cart": {"id": cart.id, "name": cart.name},
            "message": self.env._("Cart %(cart)s: scan a tote.", cart=cart.name),
        }
