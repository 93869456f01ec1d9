import logging

from markupsafe import Markup

from odoo import models
from odoo.tools import format_amount

_logger = logging.getLogger(__name__)


class PaymentTransaction(models.Model):
    _inherit = "payment.transaction"

    def _check_amount_and_confirm_order(self):
        """Hold, rather than refuse, a paid web order whose items sold out.

        Two customers may pay for the last unit at the same time: the first
        payment post-processed confirms its order and reserves the unit; the
        shelf check then refuses the second. Raising would roll the
        post-processing back and show the payer an error although his money is
        taken: his order stays a quotation instead, with a note saying why, a
        To-Do for the salesperson to refund him or source the item, and a
        message for him on the confirmation page.
        """
        held = self.env["payment.transaction"]
        for tx in self:
            order = tx._get_alltricks_order_to_confirm()
            shortages = order._get_alltricks_shelf_shortages() if order else []
            if shortages:
                tx._alltricks_hold_sold_out_order(order, shortages)
                held |= tx
        return super(PaymentTransaction, self - held)._check_amount_and_confirm_order()

    def _get_alltricks_order_to_confirm(self):
        """The web quotation this payment would confirm, as core decides it
        (one order per transaction, enough paid), or an empty recordset."""
        self.ensure_one()
        if len(self.sale_order_ids) != 1:
            return self.env["sale.order"]
        order = self.sale_order_ids.filtered(
            lambda so: so.state in ("draft", "sent") and so.website_id
        )
        if order and order._is_confirmation_amount_reached():
            return order
        return self.env["sale.order"]

    def _alltricks_hold_sold_out_order(self, order, shortages):
        """Leave ``order`` unconfirmed, tell the shop and the customer why."""
        self.ensure_one()
        if order.alltricks_paid_refusal:
            return  # a retried post-processing: already noted and assigned
        names = ", ".join(product.display_name for __, product, *__ in shortages)
        _logger.info(
            "Paid order %s held: %s sold out meanwhile (transaction %s)",
            order.name,
            names,
            self.reference,
        )
        order = order.sudo()
        order.alltricks_paid_refusal = self.env._(
            "We have received your payment of %(amount)s, but %(products)s sold "
            "out while you were paying. Your order is on hold: we will contact "
            "you shortly to refund you, or to deliver as soon as the item is "
            "back.",
            amount=format_amount(self.env, self.amount, self.currency_id),
            products=names,
        )
        lines = Markup().join(
            Markup("<li>%s</li>")
            % order._get_alltricks_shortage_message(product, wanted, available)
            for __, product, wanted, available in shortages
        )
        order.message_post(
            body=Markup("%s<ul>%s</ul>%s")
            % (
                self.env._(
                    "Payment %(reference)s received, but the order was not "
                    "confirmed: the shelves can no longer serve it.",
                    reference=self.reference,
                ),
                lines,
                self.env._(
                    "Refund the payment (Refund button on the transaction) and "
                    "cancel the order, or put the item on a shelf bin and "
                    "confirm the order."
                ),
            ),
            subtype_xmlid="mail.mt_note",
        )
        order.activity_schedule(
            "mail.mail_activity_data_todo",
            summary=self.env._(
                "Paid order refused: %(products)s sold out meanwhile — refund "
                "the customer or source the item",
                products=names,
            ),
            user_id=order._get_alltricks_sold_out_responsible().id,
        )
