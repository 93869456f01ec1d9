import logging

from markupsafe import Markup, escape

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

_logger = logging.getLogger(__name__)

IMPORT_CONTEXT = "alltricks_catalog_import"
# Set by the sheet buttons around their own write. A context sent over RPC is
# JSON, so it can never hold this object: a client cannot claim the check.
_SHEET_CHECKED = object()
# What the completeness score of a sheet reads, and the fields of the sheet
# whose change may lower it.
SHEET_SCORE_DEPENDS = (
    "name",
    "categ_id",
    "company_id",
    "product_brand_id.name",
    "image_1920",
    "weight",
    "weight_verified",
    "attribute_line_ids.attribute_id.name",
)
SHEET_SCORE_FIELDS = frozenset(path.split(".")[0] for path in SHEET_SCORE_DEPENDS)


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

    @api.depends(*SHEET_SCORE_DEPENDS)
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

    def _is_alltricks_sheet_import(self):
        """Whether a data import may set the sheet status and author directly:
        server code, or a catalog manager using Odoo's import screen (which
        sets ``import_file``) or passing the import context key."""
        context = self.env.context
        if not (context.get(IMPORT_CONTEXT) or context.get("import_file")):
            return False
        return self.env.su or self.env.user.has_group(
            "alltricks_catalog.group_catalog_manager"
        )

    def _is_alltricks_sheet_trusted(self):
        return (
            self.env.context.get("alltricks_sheet_checked") is _SHEET_CHECKED
            or self._is_alltricks_sheet_import()
        )

    @api.model_create_multi
    def create(self, vals_list):
        if not self._is_alltricks_sheet_import() and any(
            vals.get("sheet_state", "draft") != "draft" or vals.get("sheet_author_id")
            for vals in vals_list
        ):
            raise UserError(
                self.env._(
                    "Create the product as a draft sheet, then submit it for review "
                    "(importing validated sheets is for catalog managers)."
                )
            )
        templates = super().create(vals_list)
        if not self.env.su and any(vals.get("is_published") for vals in vals_list):
            templates._check_alltricks_shelf_stock_to_publish()
        return templates

    def write(self, vals):
        trusted = self._is_alltricks_sheet_trusted()
        if not trusted and (
            "sheet_author_id" in vals or vals.get("sheet_state") == "review"
        ):
            # the author is who submitted: only the Submit button records it
            raise UserError(
                self.env._("Use Submit for review to send a product sheet to review.")
            )
        if vals.get("sheet_state") == "validated" and not trusted:
            self._check_sheet_can_be_validated()
        if vals.get("is_published") and not self.env.su:
            self._check_alltricks_shelf_stock_to_publish()
        scores_before = (
            {
                template: template.sheet_score
                for template in self
                if template.sheet_state == "validated"
            }
            if not trusted and not self.env.su and SHEET_SCORE_FIELDS & set(vals)
            else {}
        )
        result = super().write(vals)
        if scores_before:
            self._check_validated_sheet_not_degraded(scores_before)
        if vals.get("sheet_state") == "validated":
            self._alltricks_sync_publication()
        return result

    def _check_alltricks_shelf_stock_to_publish(self):
        """Refuse to publish by hand a product a picker cannot take from a bin
        today: the shop publishes it by itself once it is put away."""
        templates = self.filtered(lambda t: t.is_storable)
        quantities = (
            templates.product_variant_ids.sudo()._get_alltricks_sellable_quantities()
        )
        for template in templates:
            if not any(quantities[v.id] > 0 for v in template.product_variant_ids):
                raise UserError(
                    self.env._(
                        "%(product)s has no stock on a shelf bin: it goes on the "
                        "shop by itself once a receipt puts it away.",
                        product=template.display_name,
                    )
                )

    def _check_validated_sheet_not_degraded(self, scores_before):
        """A change that lowers the score of a validated sheet below its rule
        is refused: the sheet goes back to draft (Reset to draft) to be
        reworked. A sheet validated below its rule (an import) may still be
        improved or changed without losing more."""
        for template, score_before in scores_before.items():
            if (
                template.sheet_score < template.sheet_threshold
                and template.sheet_score < score_before
            ):
                raise UserError(
                    self.env._(
                        "This change leaves the validated sheet of %(product)s "
                        "%(score)s%% complete, below the %(threshold)s%% required. "
                        "Keep the sheet complete, or use Reset to draft to rework "
                        "it (the product leaves the shop meanwhile).",
                        product=template.display_name,
                        score=template.sheet_score,
                        threshold=template.sheet_threshold,
                    )
                )

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
        self.with_context(alltricks_sheet_checked=_SHEET_CHECKED).write(
            {"sheet_state": "review", "sheet_author_id": self.env.user.id}
        )
        return True

    def action_sheet_validate(self):
        self._check_sheet_can_be_validated()
        self.with_context(alltricks_sheet_checked=_SHEET_CHECKED).write(
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
