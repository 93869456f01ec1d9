from markupsafe import Markup, escape

from odoo import models
from odoo.exceptions import UserError
from odoo.tools import html2plaintext


class DiscussChannel(models.Model):
    _inherit = "discuss.channel"

    def action_alltricks_create_ticket(self):
        """Turn a live chat session into a ticket holding its transcript."""
        self.ensure_one()
        if self.channel_type != "livechat":
            raise UserError(
                self.env._("Only a live chat session can become a support ticket.")
            )
        ticket = self.env["helpdesk.ticket"].create(
            self._prepare_alltricks_ticket_values()
        )
        self.message_post(
            body=self.env._("Support ticket %(ticket)s created.", ticket=ticket.number),
            message_type="notification",
            subtype_xmlid="mail.mt_note",
        )
        return {
            "type": "ir.actions.act_window",
            "res_model": "helpdesk.ticket",
            "res_id": ticket.id,
            "view_mode": "form",
        }

    def _prepare_alltricks_ticket_values(self):
        self.ensure_one()
        customer = self.livechat_customer_partner_ids[:1]
        lines = [
            Markup("<p><b>%s</b>: %s</p>")
            % (
                message.author_id.name or message.author_guest_id.name or "?",
                html2plaintext(message.body),
            )
            for message in self.message_ids.sorted("id")
            if message.message_type == "comment"
        ]
        return {
            "name": self.env._("Live chat: %(name)s", name=self.name),
            "description": Markup("").join(lines) or escape(self.name),
            "partner_id": customer.id,
            "partner_name": customer.name,
            "partner_email": customer.email,
            "channel_id": self.env.ref(
                "alltricks_helpdesk.helpdesk_ticket_channel_chat"
            ).id,
        }
