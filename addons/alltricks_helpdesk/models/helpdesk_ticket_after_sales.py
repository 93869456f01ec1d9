"""After-sales part of a ticket: brand decision, return and repair."""

from odoo import fields, models
from odoo.exceptions import UserError


class HelpdeskTicket(models.Model):
    _inherit = "helpdesk.ticket"

    alltricks_brand_decision = fields.Selection(
        selection=[
            ("pending", "Pending"),
            ("accepted", "Accepted"),
            ("refused", "Refused"),
        ],
        string="Brand decision",
        tracking=True,
        copy=False,
    )
    alltricks_brand_note = fields.Text(string="Brand decision note", copy=False)
    alltricks_return_picking_id = fields.Many2one(
        comodel_name="stock.picking", string="Return", readonly=True, copy=False
    )
    alltricks_repair_id = fields.Many2one(
        comodel_name="repair.order", string="Repair", readonly=True, copy=False
    )

    def _alltricks_check_after_sales(self, needs_line=True):
        self.ensure_one()
        if not self.alltricks_is_after_sales:
            raise UserError(
                self.env._(
                    "Ticket %(ticket)s is not a warranty or defect request: set "
                    "its request type first.",
                    ticket=self.number,
                )
            )
        if needs_line and not self.alltricks_sale_line_id:
            raise UserError(
                self.env._(
                    "Ticket %(ticket)s has no order line: pick the order line of "
                    "the product concerned first.",
                    ticket=self.number,
                )
            )

    def _get_alltricks_delivery(self):
        """The last done delivery to the customer of the ticket's order line."""
        self.ensure_one()
        pickings = self.alltricks_sale_line_id.move_ids.filtered(
            lambda m: m.state == "done" and m.picking_code == "outgoing"
        ).picking_id
        return pickings.sorted("date_done")[-1:]

    def action_alltricks_create_return(self):
        """Return of the line's product through the standard return wizard."""
        self._alltricks_check_after_sales()
        if self.alltricks_return_picking_id:
            raise UserError(
                self.env._(
                    "Ticket %(ticket)s already has return %(picking)s.",
                    ticket=self.number,
                    picking=self.alltricks_return_picking_id.name,
                )
            )
        delivery = self._get_alltricks_delivery()
        if not delivery:
            raise UserError(
                self.env._(
                    "Order line %(line)s was not delivered yet: nothing to return.",
                    line=self.alltricks_sale_line_id.display_name,
                )
            )
        wizard = (
            self.env["stock.return.picking"]
            .with_context(active_id=delivery.id, active_model="stock.picking")
            .create({"picking_id": delivery.id})
        )
        for line in wizard.product_return_moves:
            if line.move_id.sale_line_id == self.alltricks_sale_line_id:
                line.quantity = line.move_id.quantity
        self.alltricks_return_picking_id = wizard._create_return()
        return self._alltricks_open(self.alltricks_return_picking_id)

    def action_alltricks_create_repair(self):
        """Repair order for the customer's product; billed unless the brand
        accepted the warranty (repair then quotes at zero)."""
        self._alltricks_check_after_sales(needs_line=False)
        if self.alltricks_repair_id:
            raise UserError(
                self.env._(
                    "Ticket %(ticket)s already has repair %(repair)s.",
                    ticket=self.number,
                    repair=self.alltricks_repair_id.name,
                )
            )
        if not self.alltricks_product_id or not self.partner_id:
            raise UserError(
                self.env._(
                    "Set the customer and the product of ticket %(ticket)s "
                    "before creating a repair.",
                    ticket=self.number,
                )
            )
        self.alltricks_repair_id = self.env["repair.order"].create(
            self._prepare_alltricks_repair_values()
        )
        return self._alltricks_open(self.alltricks_repair_id)

    def _prepare_alltricks_repair_values(self):
        self.ensure_one()
        return {
            "partner_id": self.partner_id.id,
            "product_id": self.alltricks_product_id.id,
            "company_id": self.company_id.id,
            "under_warranty": self.alltricks_brand_decision == "accepted",
            "internal_notes": self.description,
        }

    def _alltricks_open(self, record):
        return {
            "type": "ir.actions.act_window",
            "res_model": record._name,
            "res_id": record.id,
            "view_mode": "form",
        }
