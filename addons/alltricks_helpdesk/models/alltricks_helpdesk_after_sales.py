"""After-sales documents of a ticket: return of the delivery, repair order."""

from odoo import models
from odoo.exceptions import UserError


class AlltricksHelpdeskAfterSales(models.AbstractModel):
    """Service model: inherit it to change what a return or a repair holds."""

    _name = "alltricks.helpdesk.after.sales"
    _description = "Support after-sales documents"

    def _check_ticket(self, ticket, needs_line=True):
        if not ticket.alltricks_is_after_sales:
            raise UserError(
                self.env._(
                    "Ticket %(ticket)s is not a warranty or defect request: set "
                    "its request type first.",
                    ticket=ticket.number,
                )
            )
        if needs_line and not ticket.alltricks_sale_line_id:
            raise UserError(
                self.env._(
                    "Ticket %(ticket)s has no order line: pick the order line of "
                    "the product concerned first.",
                    ticket=ticket.number,
                )
            )

    def _get_delivery(self, ticket):
        """The last done delivery to the customer of the ticket's order line."""
        pickings = ticket.alltricks_sale_line_id.move_ids.filtered(
            lambda m: m.state == "done" and m.picking_code == "outgoing"
        ).picking_id
        return pickings.sorted("date_done")[-1:]

    def _create_return(self, ticket):
        """Return of the line's product through the standard return wizard."""
        self._check_ticket(ticket)
        if ticket.alltricks_return_picking_id:
            raise UserError(
                self.env._(
                    "Ticket %(ticket)s already has return %(picking)s.",
                    ticket=ticket.number,
                    picking=ticket.alltricks_return_picking_id.name,
                )
            )
        delivery = self._get_delivery(ticket)
        if not delivery:
            raise UserError(
                self.env._(
                    "Order line %(line)s was not delivered yet: nothing to return.",
                    line=ticket.alltricks_sale_line_id.display_name,
                )
            )
        wizard = (
            self.env["stock.return.picking"]
            .with_context(active_id=delivery.id, active_model="stock.picking")
            .create({"picking_id": delivery.id})
        )
        for line in wizard.product_return_moves:
            if line.move_id.sale_line_id == ticket.alltricks_sale_line_id:
                line.quantity = line.move_id.quantity
        return wizard._create_return()

    def _create_repair(self, ticket):
        """Repair order for the customer's product; billed unless the brand
        accepted the warranty (repair then quotes at zero)."""
        self._check_ticket(ticket, needs_line=False)
        if ticket.alltricks_repair_id:
            raise UserError(
                self.env._(
                    "Ticket %(ticket)s already has repair %(repair)s.",
                    ticket=ticket.number,
                    repair=ticket.alltricks_repair_id.name,
                )
            )
        if not ticket.alltricks_product_id or not ticket.partner_id:
            raise UserError(
                self.env._(
                    "Set the customer and the product of ticket %(ticket)s "
                    "before creating a repair.",
                    ticket=ticket.number,
                )
            )
        if ticket.alltricks_product_id.type != "consu":
            raise UserError(
                self.env._(
                    "%(product)s is not a physical product: the workshop has "
                    "nothing to repair. Set the product of ticket %(ticket)s to "
                    "the part or bike to repair.",
                    product=ticket.alltricks_product_id.display_name,
                    ticket=ticket.number,
                )
            )
        return self.env["repair.order"].create(self._prepare_repair_values(ticket))

    def _prepare_repair_values(self, ticket):
        return {
            "partner_id": ticket.partner_id.id,
            "product_id": ticket.alltricks_product_id.id,
            "company_id": ticket.company_id.id,
            "under_warranty": ticket.alltricks_brand_decision == "accepted",
            "internal_notes": ticket.description,
        }
