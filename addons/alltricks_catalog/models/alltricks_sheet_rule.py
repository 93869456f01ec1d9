from odoo import api, fields, models


class AlltricksSheetRule(models.Model):
    _name = "alltricks.sheet.rule"
    _description = "Product-sheet completeness rule"
    _order = "company_id, category_id"

    name = fields.Char(compute="_compute_name", store=True)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        "res.company",
        required=True,
        default=lambda self: self.env.company,
        index=True,
    )
    category_id = fields.Many2one(
        "product.category",
        string="Category",
        index=True,
        ondelete="cascade",
        help="Applies to this category and its sub-categories, unless one of "
        "them has its own rule. Empty: the company's default rule, for products "
        "whose category (or none) has no rule.",
    )
    title_min_length = fields.Integer(string="Title minimum length", default=15)
    title_requires_brand = fields.Boolean(string="Title names the brand", default=True)
    image_required = fields.Boolean(string="At least one image", default=True)
    weight_verified_required = fields.Boolean(
        string="Verified weight",
        help="Technical parts: the weight must be measured, customers compare it.",
    )
    required_attribute_names = fields.Char(
        string="Required attributes",
        help="Comma-separated attribute names, e.g. 'Wheel size' for tyres, "
        "'Speeds' for drivetrain, 'Size' for apparel.",
    )
    threshold = fields.Integer(
        string="Threshold (%)",
        default=80,
        help="Minimum completeness score for the sheet to be validated.",
    )

    _category_company_unique = models.Constraint(
        "UNIQUE(category_id, company_id)",
        "A category has one sheet rule per company.",
    )
    _default_rule_company_unique = models.UniqueIndex(
        "(company_id) WHERE category_id IS NULL",
        "A company has one default sheet rule (the rule without a category).",
    )
    _threshold_range = models.Constraint(
        "CHECK(threshold BETWEEN 0 AND 100)",
        "The threshold is a percentage, between 0 and 100.",
    )

    @api.depends("category_id.complete_name", "company_id.name")
    def _compute_name(self):
        for rule in self:
            scope = rule.category_id.complete_name or self.env._("All products")
            rule.name = f"{scope} ({rule.company_id.name})"

    @api.model
    def _prepare_default_rule_values(self, company):
        """Values of the default rule every company gets (installation, new
        company): a real title and a photo, whatever the category. Categories
        add their own rules (a verified weight for technical parts...)."""
        return {
            "company_id": company.id,
            "category_id": False,
            "title_min_length": 10,
            "title_requires_brand": False,
            "image_required": True,
            "weight_verified_required": False,
            "threshold": 100,
        }

    @api.model
    def _get_rule_for(self, category, company):
        """The rule of the category or of its nearest ancestor that has one,
        else the company's default rule (none: the sheet scores 100 %)."""
        companies = company or self.env.company
        if category:
            rules = self.search(
                [
                    ("category_id", "parent_of", category.id),
                    ("company_id", "in", companies.ids),
                ]
            )
            if rules:
                return rules.sorted(lambda r: len(r.category_id.parent_path))[-1:]
        return self.search(
            [("category_id", "=", False), ("company_id", "in", companies.ids)],
            limit=1,
        )

    def _get_attribute_names(self):
        self.ensure_one()
        names = (self.required_attribute_names or "").split(",")
        return [name.strip() for name in names if name.strip()]

    def _get_check_count(self):
        self.ensure_one()
        return (
            1
            + bool(self.title_requires_brand)
            + bool(self.image_required)
            + bool(self.weight_verified_required)
            + len(self._get_attribute_names())
        )

    def _get_missing_items(self, template):
        """Human-readable list of what the sheet of ``template`` lacks."""
        self.ensure_one()
        _ = self.env._
        title = template.name or ""
        missing = []
        if len(title) < self.title_min_length:
            missing.append(
                _("Title of at least 1 character")
                if self.title_min_length == 1
                else _(
                    "Title of at least %(count)s characters",
                    count=self.title_min_length,
                )
            )
        brand = template.product_brand_id.name
        if self.title_requires_brand and not (brand and brand.lower() in title.lower()):
            missing.append(_("Brand name in the title"))
        if self.image_required and not template.image_1920:
            missing.append(_("At least one image"))
        if self.weight_verified_required and not (
            template.weight_verified and template.weight > 0
        ):
            missing.append(_("Verified weight"))
        present = {
            name.lower()
            for name in template.attribute_line_ids.attribute_id.mapped("name")
        }
        missing += [
            _("Attribute %(name)s", name=name)
            for name in self._get_attribute_names()
            if name.lower() not in present
        ]
        return missing
