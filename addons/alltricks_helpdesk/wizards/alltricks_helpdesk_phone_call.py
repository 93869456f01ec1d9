from markupsafe import escape

from odoo import api, fields, models
from odoo.exceptions import UserError


class AlltricksHelpdeskPhoneCall(models.TransientModel):
    _name = "alltricks.helpdesk.phone.call"
    _description = "Quick ticket during a phone call"

    partner_id = fields.Many2one(
        comodel_name="res.partner", string="Customer", required=True
    )
    sale_order_id = fields.Many2one(
        comodel_name="sale.order",
        string="Order",
        domain="[('partner_id', 'child_of', commercial_partner_id)]",
    )
    commercial_partner_id = fields.Many2one(related="partner_id.commercial_partner_id")
    sale_line_id = fields.Many2one(
        comodel_name="sale.order.line",
        string="Order line",
        domain="[('order_id', '=', sale_order_id)]",
    )
    discipline_id = fields.Many2one(
        comodel_name="alltricks.discipline",
        string="Discipline",
        help="Leave empty to take it from the product or the order.",
    )
    request_type = fields.Selection(
        selection=lambda self: (
            self.env["helpdesk.ticket"]._fields["alltricks_request_type"].selection
        ),
        default="advice",
        required=True,
    )
    summary = fields.Char(required=True)
    notes = fields.Text()

    @api.onchange("partner_id")
    def _onchange_partner_id(self):
        if self.sale_order_id.partner_id.commercial_partner_id != (
            self.commercial_partner_id
        ):
            self.sale_order_id = False

    @api.onchange("sale_order_id")
    def _onchange_sale_order_id(self):
        if self.sale_line_id.order_id != self.sale_order_id:
            self.sale_line_id = False

    def action_create_ticket(self):
        self.ensure_one()
        self._check_order()
        ticket = self.env["helpdesk.ticket"].create(self._prepare_ticket_values())
        # the tickets action, so the ticket opens in the Helpdesk app with a
        # breadcrumb back to the tickets
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "helpdesk_mgmt.helpdesk_ticket_action"
        )
        action.update(res_id=ticket.id, view_mode="form", views=[(False, "form")])
        return action

    def _check_order(self):
        customer = self.commercial_partner_id
        order = self.sale_order_id
        if order and order.partner_id.commercial_partner_id != customer:
            raise UserError(
                self.env._(
                    "Order %(order)s belongs to %(owner)s, not to %(customer)s: "
                    "pick one of the customer's orders.",
                    order=order.name,
                    owner=order.partner_id.display_name,
                    customer=self.partner_id.display_name,
                )
            )
        if self.sale_line_id and self.sale_line_id.order_id != order:
            raise UserError(
                self.env._(
                    "The order line is not part of order %(order)s: pick a line "
                    "of that order.",
                    order=order.name or "-",
                )
            )

    def _prepare_ticket_values(self):
        self.ensure_one()
        vals = {
            "name": self.summary,
            "description": escape(self.notes or self.summary),
            "partner_id": self.partner_id.id,
            "partner_name": self.partner_id.name,
            "partner_email": self.partner_id.email,
            "alltricks_request_type": self.request_type,
            "channel_id": self.env.ref(
                "helpdesk_mgmt.helpdesk_ticket_channel_phone"
            ).id,
            # The agent on the line keeps the ticket if they are an expert of
            # its discipline; otherwise the routing gives it to one.
            "user_id": self.env.uid,
        }
        # Left out when empty, so the ticket computes them from the order.
        optional = {
            "alltricks_sale_order_id": self.sale_order_id.id,
            "alltricks_sale_line_id": self.sale_line_id.id,
            "alltricks_discipline_id": self.discipline_id.id,
        }
        vals.update({key: value for key, value in optional.items() if value})
        return vals
