"""Who on the floor may change which move lines, moves and transfers.

Pickers and packers reach stock.move.line, stock.move and stock.picking
through their stock user access: the scanner screens check the cart and the
station, so the ORM entry points must hold the same rules. Warehouse
managers, superuser code and Odoo's own reservation are not held.
"""

from odoo.exceptions import AccessError, LockError, UserError

PLANNER_GROUP = "alltricks_slotting.group_warehouse_manager"
FLOOR_GROUPS = ("alltricks_slotting.group_picker", "alltricks_slotting.group_packer")
# Context value set by Odoo's reservation only: a Python object that no RPC
# call can send, so a floor user cannot claim to be the reservation.
CORE_WRITE = object()
CORE_KEY = "alltricks_core_write"


# Odoo's batch validation names in the context key ``pickings_to_detach`` the
# empty transfers it takes off the batch. A client can send that key too: it is
# trusted only inside a validation, for empty transfers of the batches validated.
DETACH_KEY = "alltricks_validation_detach"
# Written on the lines of a planned cart by the scanner only.
CART_LINE_FIELDS = frozenset({"quantity", "picked"})


class ValidationDetach:
    """Context value of a validation running on the server: the transfers it
    may take off their batch (no RPC call can send this object)."""

    __slots__ = ("picking_ids",)

    def __init__(self, picking_ids):
        self.picking_ids = frozenset(picking_ids)


def validation_context(pickings):
    """``pickings`` being validated, with the transfers Odoo may detach: those
    it names that are on the same batches and hold no quantity (what Odoo's
    batch validation leaves out as empty)."""
    asked = pickings.env.context.get("pickings_to_detach") or ()
    detach = (pickings.browse(asked) & pickings.batch_id.picking_ids).filtered(
        lambda p: not any(p.move_ids.mapped("quantity"))
    )
    return pickings.with_context(**{DETACH_KEY: ValidationDetach(detach.ids)})


def is_validation(env):
    """A validation is running on the server, past its cart checks."""
    return isinstance(env.context.get(DETACH_KEY), ValidationDetach)


def is_validation_detach(picking):
    """Odoo's validation takes ``picking`` off its batch (empty at the
    validation of its batch)."""
    token = picking.env.context.get(DETACH_KEY)
    return isinstance(token, ValidationDetach) and picking.id in token.picking_ids


def core_context(records):
    """``records`` with the context of Odoo's own reservation code."""
    return records.with_context(**{CORE_KEY: CORE_WRITE})


def is_floor_user(env):
    """A picker or packer held by the floor rules (not a manager, not su)."""
    if env.su or env.context.get(CORE_KEY) is CORE_WRITE:
        return False
    user = env.user
    if user.has_group(PLANNER_GROUP):
        return False
    return any(user.has_group(group) for group in FLOOR_GROUPS)


def is_pack_picking(picking):
    """Packing step of a warehouse: re-scanned at the packing station."""
    warehouse = picking.picking_type_id.warehouse_id
    return bool(warehouse.pack_type_id) and picking.picking_type_id == (
        warehouse.pack_type_id
    )


def check_cart_owner(pickings):
    """Refuse a floor user the transfers of a cart that is not theirs."""
    env = pickings.env
    if not is_floor_user(env):
        return
    foreign = pickings.filtered(
        lambda p: p.batch_id.alltricks_cart_type_id and p.batch_id.user_id != env.user
    )
    if foreign:
        batch = foreign[0].batch_id
        raise AccessError(
            env._(
                "%(name)s is on cart %(cart)s, which is not yours: only its picker "
                "(with the scanner) or a warehouse manager can change it.",
                name=foreign[0].name,
                cart=batch.name,
            )
        )


def is_planned_cart(batch):
    """A cart made by Plan picking, still to pick or being picked."""
    return bool(batch.alltricks_cart_type_id) and batch.state not in ("done", "cancel")


def check_cart_cancel(batches):
    """Refuse anyone but a warehouse manager cancelling a planned cart.

    Its totes may hold scanned units: a manager cancels it, the chatter says
    what to put back, and its transfers are picked again from zero.
    """
    env = batches.env
    if env.su or env.user.has_group(PLANNER_GROUP):
        return
    # An empty cart (cancelled when its last transfer leaves) holds nothing.
    carts = batches.filtered(lambda batch: is_planned_cart(batch) and batch.picking_ids)
    if carts:
        raise AccessError(
            env._(
                "Only a warehouse manager can cancel cart %(cart)s: finish it "
                "(mark missing what you cannot find), or ask a manager.",
                cart=carts[0].name,
            )
        )


def check_cart_unreserve(pickings):
    """Refuse a floor user unreserving an open transfer of a planned cart.

    Its lines would leave the cart's route while the transfer stays on it: the
    cart would be done without them and the order would wait. A picker marks
    missing what he cannot find; a warehouse manager may unreserve.
    """
    env = pickings.env
    if not is_floor_user(env):
        return
    planned = pickings.filtered(
        lambda p: is_planned_cart(p.batch_id) and p.state not in ("done", "cancel")
    )
    if planned:
        raise AccessError(
            env._(
                "%(name)s is on cart %(cart)s: its reservation is the cart's "
                "route, only a warehouse manager can unreserve it. Pick it, "
                "marking missing what you cannot find, or ask a manager.",
                name=planned[0].name,
                cart=planned[0].batch_id.name,
            )
        )


def check_cart_line_write(lines, vals_list):
    """Refuse a floor user a quantity or picked written on a planned cart.

    ``lines``: move lines or moves, written with ``vals_list`` (or created).

    The scanner records what was picked, as superuser once its checks passed:
    a line marked picked by hand would take units nobody scanned, and the
    scanner would refuse to scan it or mark it missing. Odoo's validation of
    a cart (checked first: every line scanned or missing) is not held.
    """
    env = lines.env
    if all(CART_LINE_FIELDS.isdisjoint(vals) for vals in vals_list):
        return
    if not is_floor_user(env) or is_validation(env):
        return
    planned = lines.filtered(
        lambda ml: (
            ml.state not in ("done", "cancel")
            and is_planned_cart(ml.picking_id.batch_id)
        )
    )
    if planned:
        raise AccessError(
            env._(
                "%(name)s is on cart %(cart)s: its quantities are recorded by the "
                "scanner. Scan the units in Pick (scanner) and mark missing what "
                "you cannot find; a warehouse manager may change them.",
                name=planned[0].picking_id.name,
                cart=planned[0].picking_id.batch_id.name,
            )
        )


def is_record_id(value):
    """``value`` can be a record id: a positive integer (not a boolean).

    Scanner methods take ids sent by the screens; anything else (a text, a
    list) would reach the database as is.
    """
    return isinstance(value, int) and not isinstance(value, bool) and value > 0


def lock_scan(records, message):
    """Lock ``records`` for one scan, or refuse it with ``message``.

    Odoo's ``lock_for_update`` does not wait for another transaction (it
    locks with SKIP LOCKED): it raises LockError at once, with a message
    that means nothing on the floor. The refused scan has written nothing.
    """
    try:
        records.lock_for_update()
    except LockError:
        raise UserError(message) from None
    records.invalidate_recordset()


def check_cart_add(pickings, batch_id):
    """Refuse a floor user putting a transfer on a planned cart.

    A cart's totes and route are fixed at planning: a transfer added by hand
    would have neither. ``pickings`` empty: transfers created on the cart.
    """
    env = pickings.env
    if not batch_id or not is_floor_user(env):
        return
    cart = env["stock.picking.batch"].browse(batch_id)
    if not cart.alltricks_cart_type_id:
        return
    added = pickings.filtered(lambda p: p.batch_id != cart)
    if pickings and not added:
        return
    raise AccessError(
        env._(
            "%(name)s cannot be put on cart %(cart)s by hand: its totes and route "
            "were fixed at planning. Ask a warehouse manager, or have it planned "
            "with Plan picking.",
            name=added[:1].name or env._("A new transfer"),
            cart=cart.name,
        )
    )


def check_line_quantities(lines, quantity):
    """Refuse a floor user a quantity above demand, or any on a PACK line."""
    env = lines.env
    if not is_floor_user(env):
        return
    pack = lines.filtered(lambda ml: is_pack_picking(ml.picking_id))
    if pack:
        raise AccessError(
            env._(
                "Quantities of %(name)s are re-scanned at the packing station: "
                "scan the units in Pack (scanner); a warehouse manager may change "
                "them.",
                name=pack[0].picking_id.name,
            )
        )
    for line in lines.filtered("move_id"):
        move = line.move_id
        others = move.move_line_ids - lines
        total = sum(
            ml.product_uom_id._compute_quantity(ml.quantity, move.product_uom)
            for ml in others
        ) + line.product_uom_id._compute_quantity(quantity or 0.0, move.product_uom)
        if move.product_uom.compare(total, move.product_uom_qty) > 0:
            raise AccessError(
                env._(
                    "%(product)s: %(demand)s %(uom)s ordered on %(name)s, no more "
                    "can be picked or packed; a warehouse manager may change it.",
                    product=line.product_id.display_name,
                    demand=f"{move.product_uom_qty:g}",
                    uom=move.product_uom.name,
                    name=move.picking_id.name or move.reference,
                )
            )
