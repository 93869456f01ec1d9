import logging

import werkzeug

from odoo import http
from odoo.addons.helpdesk_mgmt.controllers.main import HelpdeskTicketController
from odoo.exceptions import AccessError, MissingError
from odoo.http import request

_logger = logging.getLogger(__name__)


def posted_id(value):
    """A record id posted by a form: an int, or 0 for anything else."""
    value = str(value or "").strip()
    return int(value) if value.isascii() and value.isdigit() else 0


class AlltricksHelpdeskTicketController(HelpdeskTicketController):
    @http.route("/ticket/close", type="http", auth="user")
    def support_ticket_close(self, **kw):
        """Close a ticket from the portal, only one the user may read.

        helpdesk_mgmt searches the ticket with sudo and no access check, so any
        logged-in user could close any ticket by id: check first.
        """
        try:
            ticket = request.env["helpdesk.ticket"].browse(int(kw.get("ticket_id")))
            ticket.check_access("read")
            stage = request.env["helpdesk.ticket.stage"].browse(
                int(kw.get("stage_id") or 0)
            )
        except (AccessError, MissingError, TypeError, ValueError):
            _logger.info("Refused portal close of ticket %s", kw.get("ticket_id"))
            return request.redirect("/my")
        applicable = ticket.sudo().team_id._get_applicable_stages()
        if stage.close_from_portal and stage in applicable:
            ticket.sudo().stage_id = stage
        return werkzeug.utils.redirect(f"/my/ticket/{ticket.id}")

    @http.route("/submitted/ticket", type="http", auth="user", website=True, csrf=True)
    def submit_ticket(self, **kw):
        """Show the form again with what to fix, nothing created, when the
        posted form is incomplete or holds a choice it never offered."""
        error = self._get_alltricks_submit_error(**kw)
        if error:
            values = self._get_create_new_ticket_values(**kw)
            values.update(alltricks_error=error, alltricks_posted=kw)
            return request.render("helpdesk_mgmt.portal_create_ticket", values)
        return super().submit_ticket(**kw)

    def _get_alltricks_submit_error(self, **kw):
        """What the customer must fix in the posted form, or None."""
        env = request.env
        company = env.company
        if not str(kw.get("subject") or "").strip():
            return env._("Write a subject for your request.")
        if not str(kw.get("description") or "").strip():
            return env._("Describe your request.")
        category = kw.get("category")
        if category:
            if posted_id(category) not in self._get_categories().ids:
                return env._("Pick a category from the list.")
        elif company.helpdesk_mgmt_portal_category_id_required and (
            self._get_categories()
        ):
            return env._("Pick a category from the list.")
        team = kw.get("team")
        if company.helpdesk_mgmt_portal_select_team and team:
            teams = self._get_teams() or env["helpdesk.ticket.team"]
            if posted_id(team) not in teams.ids:
                return env._("Pick a team from the list.")
        return None

    def _get_alltricks_order_lines(self):
        """Order lines of the user's confirmed orders, newest first."""
        partner = request.env.user.partner_id.commercial_partner_id
        return (
            request.env["sale.order.line"]
            .sudo()
            .search(
                [
                    ("order_id.partner_id", "child_of", partner.id),
                    ("order_id.state", "=", "sale"),
                    ("display_type", "=", False),
                    ("is_downpayment", "=", False),
                ],
                order="id desc",
                limit=100,
            )
        )

    def _get_create_new_ticket_values(self, **kw):
        values = super()._get_create_new_ticket_values(**kw)
        values["alltricks_disciplines"] = (
            request.env["alltricks.discipline"].sudo().search([])
        )
        values["alltricks_order_lines"] = self._get_alltricks_order_lines()
        return values

    def _prepare_submit_ticket_vals(self, **kw):
        vals = super()._prepare_submit_ticket_vals(**kw)
        discipline = (
            request.env["alltricks.discipline"]
            .sudo()
            .browse(posted_id(kw.get("alltricks_discipline")))
            .exists()
        )
        # Only a line of the customer's own orders: never trust the posted id.
        line_id = posted_id(kw.get("alltricks_sale_line"))
        line = self._get_alltricks_order_lines().filtered(lambda ol: ol.id == line_id)
        request_type = kw.get("alltricks_request_type")
        types = dict(
            request.env["helpdesk.ticket"]._fields["alltricks_request_type"].selection
        )
        vals["alltricks_request_type"] = (
            request_type if request_type in types else "advice"
        )
        # Left out when empty, so the ticket computes them from the product.
        if discipline:
            vals["alltricks_discipline_id"] = discipline.id
        if line:
            vals["alltricks_sale_line_id"] = line.id
        return vals
