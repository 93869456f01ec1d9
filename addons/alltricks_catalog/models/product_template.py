import logging

from markupsafe import Markup, escape

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

_logger = logging.getLogger(__name__)

IMPORT_CONTEXT = "alltricks_catalog_import"


class ProductTemplate(models.Model):
    _inherit = "product.template"

    # The shop sells only what lies on a shelf: never on back-order.
    allow_out_of_stock_order = fields.Boolean(default=False)
    sheet_state = fields.Selection(
        [("draft", "Draft"), ("review", "In review"), ("validated", "Validated")],
        string="Sheet status",
        default="draft",
        required=True,
        copy=False,
        index=True,
        tracking=True,
    )
    sheet_author_id = fields.Many2one(
        "res.users",
        string="Sheet author",
        copy=False,
        tracking=True,
        help="Who submitted the sheet for review; someone else validates it.",
    )
    weight_verified = fields.Boolean(
        string="Weight verified",
        tracking=True,
        help="The weight was measured on a scale, not copied from the supplier.",
    )
    sheet_rule_id = fields.Many2one(
        "alltricks.sheet.rule", compute="_compute_sheet_completeness"
    )
    sheet_score = fields.Integer(
        string="Completeness (%)", compute="_compute_sheet_completeness"
    )
    sheet_threshold = fields.Integer(compute="_compute_sheet_completeness")
    sheet_missing = fields.Html(
        string="Missing on the sheet",
        compute="_compute_sheet_completeness",
        sanitize=False,
    )

    @api.depends(
        "name",
        "categ_id",
        "company_id",
        "product_brand_id.name",
        "image_1920",
        "weight",
        "weight_verified",
        "attribute_line_ids.attribute_id.name",
    )
    def _compute_sheet_completeness(self):
        rules = self.env["alltricks.sheet.rule"]
        for template in self:
            rule = rules._get_rule_for(template.categ_id, template.company_id)
            missing = rule._get_missing_items(template) if rule else []
            total = rule._get_check_count() if rule else 0
            template.sheet_rule_id = rule
            template.sheet_threshold = rule.threshold if rule else 0
            template.sheet_score = (
                round(100 * (total - len(missing)) / total) if total else 100
            )
            template.sheet_missing = (
                Markup("<ul>%s</ul>")
                % Markup().join(Markup("<li>%s</li>") % escape(m) for m in missing)
                if missing
                else False
            )

    @api.constrains("is_published", "sheet_state")
    def _check_published_sheet_validated(self):
        for template in self:
            if template.is_published and template.sheet_state != "validated":
                raise ValidationError(
                    self.env._(
                        "%(product)s cannot be published: its sheet is not "
                        "validated yet.",
                        product=template.display_name,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.context.get(IMPORT_CONTEXT) and any(
            vals.get("sheet_state") == "validated" for vals in vals_list
        ):
            raise UserError(
                self.env._(
                    "Create the product as a draft sheet, then submit it for review."
                )
            )
        return super().create(vals_list)

    def write(self, vals):
        trusted = self.env.context.get(IMPORT_CONTEXT) or self.env.context.get(
            "alltricks_sheet_checked"
        )
        if not trusted and (
            "sheet_author_id" in vals or vals.get("sheet_state") == "review"
        ):
            # the author is who submitted: only the Submit button records it
            raise UserError(
                self.env._("Use Submit for review to send a product sheet to review.")
            )
        validating = vals.get("sheet_state") == "validated" and not trusted
        if validating:
            self._check_sheet_can_be_validated()
        result = super().write(vals)
        if vals.get("sheet_state") == "validated":
            self._alltricks_sync_publication()
        return result

    def action_sheet_submit(self):
        for template in self:
            if template.sheet_state != "draft":
                raise UserError(
                    self.env._(
                        "Only a draft sheet can be submitted; %(product)s is "
                        "already in review or validated.",
                        product=template.display_name,
                    )
                )
        self.with_context(alltricks_sheet_checked=True).write(
            {"sheet_state": "review", "sheet_author_id": self.env.user.id}
        )
        return True

    def action_sheet_validate(self):
        self._check_sheet_can_be_validated()
        self.with_context(alltricks_sheet_checked=True).write(
            {"sheet_state": "validated", "allow_out_of_stock_order": False}
        )
        return True

    def action_sheet_reset(self):
        self.sudo().filtered("is_published").write({"is_published": False})
        self.write({"sheet_state": "draft"})
        return True

    def _check_sheet_can_be_validated(self):
        for template in self:
            if template.sheet_state != "review":
                raise UserError(
                    self.env._(
                        "Submit the sheet of %(product)s for review before "
                        "validating it.",
                        product=template.display_name,
                    )
                )
            if (
                not template.sheet_author_id
                or template.sheet_author_id == self.env.user
            ):
                raise UserError(
                    self.env._(
                        "You wrote the sheet of %(product)s: ask another editor "
                        "to validate it.",
                        product=template.display_name,
                    )
                )
            if template.sheet_score < template.sheet_threshold:
                raise UserError(
                    self.env._(
                        "The sheet of %(product)s is %(score)s%% complete, "
                        "%(threshold)s%% is required. Complete the missing "
                        "items first.",
                        product=template.display_name,
                        score=template.sheet_score,
                        threshold=template.sheet_threshold,
                    )
                )

    @api.model
    def _alltricks_unpublish_unvalidated(self):
        """Take off the shop the products published before their sheet was
        validated (products that existed before this module, demo data)."""
        templates = (
            self.sudo()
            .with_context(active_test=False)
            .search([("is_published", "=", True), ("sheet_state", "!=", "validated")])
        )
        if templates:
            _logger.info(
                "Unpublishing %s products whose sheet is not validated",
                len(templates),
            )
            templates.write({"is_published": False})
        return templates

    def _alltricks_sync_publication(self):
        """Publish validated products with shelf stock, unpublish the others.

        One query reads the shelf stock of every variant, and at most two
        writes change the publication, whatever the number of products.
        """
        templates = self.sudo().filtered(
            lambda t: t.sheet_state == "validated" and t.is_storable
        )
        quantities = templates.product_variant_ids._get_alltricks_sellable_quantities()
        in_stock = templates.filtered(
            lambda t: any(quantities[v.id] > 0 for v in t.product_variant_ids)
        )
        to_publish = in_stock - templates.filtered("is_published")
        to_unpublish = (templates - in_stock).filtered("is_published")
        if to_publish or to_unpublish:
            _logger.debug(
                "Publishing %s, unpublishing %s", to_publish.ids, to_unpublish.ids
            )
        to_publish.write({"is_published": True})
        to_unpublish.write({"is_published": False})
