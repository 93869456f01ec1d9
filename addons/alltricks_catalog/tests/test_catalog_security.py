from odoo.exceptions import AccessError
from odoo.tests import tagged
from odoo.tests.common import TransactionCase, new_test_user


@tagged("post_install", "-at_install")
class TestCatalogSecurity(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company_a = cls.env.company
        cls.company_b = cls.env["res.company"].create({"name": "Alltricks Spain"})
        cls.category = cls.env["product.category"].create({"name": "Drivetrain"})
        cls.rule_a = cls.env["alltricks.sheet.rule"].create(
            {"category_id": cls.category.id, "required_attribute_names": "Speeds"}
        )
        cls.rule_b = cls.env["alltricks.sheet.rule"].create(
            {"category_id": cls.category.id, "company_id": cls.company_b.id}
        )
        cls.editor = new_test_user(
            cls.env, "sec_editor", groups="alltricks_catalog.group_sheet_editor"
        )
        cls.manager = new_test_user(
            cls.env, "sec_manager", groups="alltricks_catalog.group_catalog_manager"
        )
        cls.portal = new_test_user(cls.env, "sec_portal", groups="base.group_portal")
        cls.public = cls.env.ref("base.public_user")
        loader = cls.env["product.template"].with_context(alltricks_catalog_import=True)
        cls.published = loader.create(
            {"name": "Published bottle", "sheet_state": "validated"}
        )
        cls.published.is_published = True
        cls.unpublished = loader.create(
            {"name": "Hidden bottle", "sheet_state": "validated"}
        )

    def test_editor_reads_rules_but_cannot_change_them(self):
        rule = self.rule_a.with_user(self.editor)
        self.assertEqual(rule.required_attribute_names, "Speeds")
        with self.assertRaises(AccessError):
            rule.threshold = 10

    def test_catalog_manager_changes_rules(self):
        self.rule_a.with_user(self.manager).threshold = 90
        self.assertEqual(self.rule_a.threshold, 90)

    def test_rules_of_another_company_are_invisible(self):
        rules = (
            self.env["alltricks.sheet.rule"]
            .with_user(self.editor)
            .search([("category_id", "=", self.category.id)])
        )
        self.assertEqual(rules, self.rule_a)

    def test_rule_applied_is_the_one_of_the_product_company(self):
        template = self.env["product.template"].create(
            {
                "name": "Spanish chain",
                "categ_id": self.category.id,
                "company_id": self.company_b.id,
            }
        )
        self.assertEqual(template.sheet_rule_id, self.rule_b)

    def test_public_and_portal_users_see_only_published_products(self):
        products = self.published | self.unpublished
        for user in (self.public, self.portal):
            visible = (
                self.env["product.template"]
                .with_user(user)
                .search([("id", "in", products.ids)])
            )
            self.assertEqual(visible, self.published, user.login)
