import uuid

from odoo import Command, fields
from odoo.tests.common import new_test_user


class ShowroomKioskMixin:
    """Builds a showroom: a sellable bin, a showroom spot, an input location not
    put away yet, items with barcodes, a cashier and a picker; opens the kiosk
    session. The kiosk itself is the one the addon's data creates."""

    @classmethod
    def _setup_showroom(cls):
        env = cls.env
        cls.config = env.ref("alltricks_kiosk.pos_config_showroom")
        cls.warehouse = cls.config.warehouse_id
        cls.express_type = cls.config.picking_type_id
        stock = cls.warehouse.lot_stock_id
        Location = env["stock.location"]
        cls.bin = Location.create(
            {"name": "T-01-01-1-1", "location_id": stock.id, "slot_rack_type": "shelf"}
        )
        cls.showroom = Location.create(
            {"name": "Floor", "location_id": stock.id, "slot_is_showroom": True}
        )
        cls.input = Location.create(
            {"name": "Input", "location_id": cls.warehouse.view_location_id.id}
        )
        cls.bike = cls._create_item("Showroom Gravel Bike", "3700000000017")
        cls.helmet = cls._create_item("Unshelved Helmet", "3700000000024")
        cls.pump = cls._create_item("Draft Sheet Pump", "3700000000031", False)
        cls._put(cls.bike, cls.bin, 1)
        cls._put(cls.bike, cls.showroom, 1)
        cls._put(cls.helmet, cls.input, 5)
        cls._put(cls.pump, cls.bin, 3)
        cls.cashier = new_test_user(
            env,
            "sr_cashier",
            groups="base.group_user,alltricks_kiosk.group_showroom_staff",
        )
        cls.picker = new_test_user(
            env, "sr_picker", groups="base.group_user,alltricks_slotting.group_picker"
        )
        cls.config.with_user(cls.cashier).open_ui()
        cls.pos_session = cls.config.current_session_id
        cls.pos_session.set_opening_control(0, "")
        cls.counter_method = cls.config.payment_method_ids[:1]

    @classmethod
    def _create_item(cls, name, barcode, validated=True):
        product = cls.env["product.product"].create(
            {
                "name": name,
                "barcode": barcode,
                "is_storable": True,
                "list_price": 150.0,
                "taxes_id": False,
            }
        )
        # Not "Available in POS": the kiosk puts it on sale when the shop
        # publishes it (validated sheet and shelf stock).
        if validated:
            # alltricks_catalog's own import path, which skips its review flow.
            product.product_tmpl_id.with_context(
                alltricks_catalog_import=True
            ).sheet_state = "validated"
        return product

    @classmethod
    def _put(cls, product, location, quantity):
        cls.env["stock.quant"]._update_available_quantity(product, location, quantity)
        # what a request's commit does: alltricks_catalog may sync the shop
        # publication (and so Available in POS) just before it
        cls.env.cr.flush()

    def _web_order(self, product, qty):
        """A confirmed web shop order of ``qty`` ``product`` from the showroom
        warehouse: it reserves shelf units the kiosk then cannot sell."""
        customer = self.env["res.partner"].create({"name": "Web customer"})
        order = self.env["sale.order"].create(
            {
                "partner_id": customer.id,
                "warehouse_id": self.warehouse.id,
                "order_line": [
                    Command.create({"product_id": product.id, "product_uom_qty": qty})
                ],
            }
        )
        order.action_confirm()
        return order

    def _kiosk_cart(self, product, qty=1.0):
        """A one-line cart as the kiosk's browser sends it."""
        number = qty if isinstance(qty, (int, float)) else 0
        return {
            "uuid": str(uuid.uuid4()),
            "access_token": uuid.uuid4().hex,
            "state": "draft",
            "amount_return": 0,
            "lines": [
                [
                    0,
                    0,
                    {
                        "product_id": product.id,
                        "qty": qty,
                        "price_unit": product.list_price,
                        "price_subtotal": product.list_price * number,
                        "price_subtotal_incl": product.list_price * number,
                        "uuid": str(uuid.uuid4()),
                    },
                ]
            ],
        }

    def _kiosk_order(self, product, qty=1.0):
        """What /pos-self-order/process-order/kiosk/ does with a kiosk cart."""
        config = self.config.with_user(self.config.self_ordering_default_user_id)
        cart = self._kiosk_cart(product, qty)
        safe = config.env["pos.order"]._check_pos_order(config, cart, "kiosk")
        result = config.env["pos.order"].sudo().sync_from_ui([safe])
        order = self.env["pos.order"].browse(result["pos.order"][0]["id"])
        order.recompute_prices()
        return order

    def _pay_at_counter(self, order):
        """What the cashier's point of sale sends when the visitor pays."""
        payment = {
            "amount": order.amount_total,
            "name": fields.Datetime.now(),
            "payment_method_id": self.counter_method.id,
        }
        paid = {
            "uuid": order.uuid,
            "access_token": order.access_token,
            "session_id": self.pos_session.id,
            "state": "paid",
            "amount_paid": order.amount_total,
            "amount_return": 0,
            "amount_total": order.amount_total,
            "amount_tax": order.amount_tax,
            "lines": [],
            "payment_ids": [[0, 0, payment]],
        }
        self.env["pos.order"].with_user(self.cashier).sync_from_ui([paid])
        return order

    def _kiosk_qty(self, product):
        """The quantity the kiosk shows for ``product``."""
        product.invalidate_recordset(["alltricks_kiosk_qty"])
        return product.with_context(
            alltricks_warehouse_id=self.warehouse.id
        ).alltricks_kiosk_qty

    def _express_picks(self, order):
        return order.picking_ids.filtered("alltricks_express")
