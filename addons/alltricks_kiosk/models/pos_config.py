import logging

from odoo import Command, api, fields, models

_logger = logging.getLogger(__name__)


class PosConfig(models.Model):
    _inherit = "pos.config"

    alltricks_showroom = fields.Boolean(
        string="Showroom kiosk",
        help="The kiosk sells like the web shop (validated, in-stock items "
        "only) and each order becomes an express pick to the pickup counter.",
    )
    alltricks_pick_minutes = fields.Integer(
        string="Average pick time (minutes)",
        default=4,
        help="Used to tell visitors when their order will be ready: "
        "picks in the queue x this time.",
    )

    def _get_alltricks_ready_minutes(self, picking):
        """Minutes until ``picking`` reaches the counter: its queue rank x time."""
        self.ensure_one()
        if picking.state in ("done", "cancel"):
            return 0
        queue = picking.sudo()._get_express_queue()
        rank = list(queue.ids).index(picking.id) + 1 if picking in queue else 1
        return rank * max(self.alltricks_pick_minutes, 1)

    @api.model
    def _alltricks_setup_showroom(self):
        """Create the showroom kiosk of the current company once, on install.

        Nothing is created when the company has no warehouse; the records get
        noupdate xmlids so that a module update leaves user changes alone.
        """
        warehouse = self.env["stock.warehouse"].search(
            [("company_id", "=", self.env.company.id)], limit=1
        )
        if not warehouse or self.env.ref(
            "alltricks_kiosk.pos_config_showroom", raise_if_not_found=False
        ):
            return False
        location = self._alltricks_create_pickup_location(warehouse)
        picking_type = self._alltricks_create_express_type(warehouse, location)
        payment_method = self._alltricks_create_counter_payment_method()
        config = self.create(
            {
                "name": self.env._("Showroom kiosk"),
                "company_id": self.env.company.id,
                "picking_type_id": picking_type.id,
                "payment_method_ids": [(6, 0, payment_method.ids)],
                "alltricks_showroom": True,
                "self_ordering_mode": "kiosk",
                "self_ordering_service_mode": "counter",
                "self_ordering_pay_after": "each",
                **self._prepare_alltricks_showroom_images(),
            }
        )
        records = {
            "stock_location_showroom_pickup": location,
            "stock_picking_type_express": picking_type,
            "pos_payment_method_counter": payment_method,
            "pos_config_showroom": config,
        }
        self.env["ir.model.data"]._update_xmlids(
            [
                {"xml_id": f"alltricks_kiosk.{name}", "record": rec, "noupdate": True}
                for name, rec in records.items()
                if rec
            ]
        )
        _logger.info("Showroom kiosk %s created for %s", config.id, warehouse.name)
        return config

    @api.model
    def _prepare_alltricks_showroom_images(self):
        """The kiosk's splash and background: a bike shop's, not the
        restaurant pictures pos_self_order gives a kiosk by default."""
        return {
            f"self_ordering_image_{kind}_ids": [
                Command.clear(),
                Command.create(
                    {
                        "name": f"showroom_{kind}.svg",
                        "type": "url",
                        "url": f"/alltricks_kiosk/static/img/showroom_{kind}.svg",
                        "res_model": "pos.config",
                    }
                ),
            ]
            for kind in ("home", "background")
        }

    @api.model
    def _alltricks_create_pickup_location(self, warehouse):
        return self.env["stock.location"].create(
            {
                "name": self.env._("Showroom pickup"),
                "usage": "internal",
                "location_id": warehouse.view_location_id.id,
                "company_id": warehouse.company_id.id,
            }
        )

    @api.model
    def _alltricks_create_express_type(self, warehouse, location):
        handover = self.env["stock.picking.type"].create(
            {
                "name": self.env._("Showroom handover"),
                "code": "outgoing",
                "sequence_code": "SRH",
                "warehouse_id": warehouse.id,
                "company_id": warehouse.company_id.id,
                "default_location_src_id": location.id,
                "default_location_dest_id": self.env.ref(
                    "stock.stock_location_customers"
                ).id,
            }
        )
        return self.env["stock.picking.type"].create(
            {
                "alltricks_handover_type_id": handover.id,
                "name": self.env._("Showroom express pick"),
                "code": "internal",
                "sequence_code": "EXP",
                "warehouse_id": warehouse.id,
                "company_id": warehouse.company_id.id,
                "default_location_src_id": warehouse.lot_stock_id.id,
                "default_location_dest_id": location.id,
                "reservation_method": "manual",
                "alltricks_express": True,
            }
        )

    @api.model
    def _alltricks_create_counter_payment_method(self):
        """A non-cash method for the cashier: kiosk configs refuse cash ones."""
        journal = self.env["account.journal"].search(
            [("type", "=", "bank"), ("company_id", "=", self.env.company.id)],
            limit=1,
        )
        if not journal:
            _logger.info("No bank journal: the showroom kiosk has no payment method")
            return self.env["pos.payment.method"]
        return self.env["pos.payment.method"].create(
            {
                "name": self.env._("Card at the counter"),
                "journal_id": journal.id,
                "company_id": self.env.company.id,
            }
        )

    def _get_alltricks_counter_picks(self):
        """Express picks the counter screen lists: open ones and ready ones
        whose goods the visitor has not collected yet."""
        self.ensure_one()
        return self.env["stock.picking"].search(
            [
                ("alltricks_express", "=", True),
                ("pos_order_id.config_id", "=", self.id),
                ("pos_order_id.state", "!=", "cancel"),
                ("alltricks_counter_state", "in", ("picking", "missing", "ready")),
                ("alltricks_handed_over", "=", False),
            ],
            order="priority desc, id asc",
        )

    def _get_alltricks_counter_rows(self):
        """One row per kiosk order for the counter screen, in queue order.

        ``column`` is "ready" when the visitor should come to the counter
        (something is ready, or nothing is left to fetch), else "picking";
        ``note`` says what a part-ready or short order is waiting for.
        """
        self.ensure_one()
        picks = self._get_alltricks_counter_picks()
        rows = []
        for order in picks.pos_order_id:
            order_picks = picks.filtered(lambda p, o=order: p.pos_order_id == o)
            states = set(order_picks.mapped("alltricks_counter_state"))
            ready = "ready" in states
            fetching = "picking" in states
            missing = sum(order_picks.mapped("alltricks_missing_qty"))
            notes = []
            if ready and fetching:
                notes.append(self.env._("Part ready, the rest is being fetched"))
            if missing > 0:
                notes.append(
                    self.env._(
                        "%(count)s missing: ask our staff for a refund or another item",
                        count=int(missing) if float(missing).is_integer() else missing,
                    )
                )
            rows.append(
                {
                    "number": order_picks[0].alltricks_pickup_number,
                    "column": "ready" if ready or not fetching else "picking",
                    "note": " · ".join(notes),
                }
            )
        return rows

    @api.model
    def _load_pos_self_data_fields(self, pos_config_id):
        return [
            *super()._load_pos_self_data_fields(pos_config_id),
            "alltricks_showroom",
        ]
