from odoo.exceptions import UserError
from odoo.fields import Command
from odoo.tests import tagged
from odoo.tests.common import TransactionCase, new_test_user

from .. import _create_default_sheet_rules
from .test_sheet_workflow import PIXEL


@tagged("post_install", "-at_install")
class TestSheetCompanyRule(TransactionCase):
    """A company created after the installation gets its own default rule."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.main_rule = cls.env.ref("alltricks_catalog.alltricks_sheet_rule_default")
        # Settings > Companies: an administrator of access rights, who is no
        # catalog manager and may not create sheet rules himself.
        cls.administrator = new_test_user(
            cls.env,
            "company_admin",
            groups="base.group_erp_manager,base.group_partner_manager",
        )
        cls.company = (
            cls.env["res.company"]
            .with_user(cls.administrator)
            .create({"name": "Alltricks Belgium"})
        )
        cls.rules = cls.env["alltricks.sheet.rule"].with_context(active_test=False)

    def _default_rules(self, companies):
        return self.rules.search(
            [("category_id", "=", False), ("company_id", "in", companies.ids)]
        )

    def _sheet(self, company, **values):
        return self.env["product.template"].create(
            {"name": "Zefal Pulse bottle cage", "company_id": company.id, **values}
        )

    def test_new_company_gets_a_title_and_image_default_rule(self):
        rule = self._default_rules(self.company)

        self.assertEqual(len(rule), 1)
        self.assertTrue(rule.active)
        self.assertRecordValues(
            rule,
            [
                {
                    "title_min_length": 10,
                    "title_requires_brand": False,
                    "image_required": True,
                    "weight_verified_required": False,
                    "required_attribute_names": False,
                    "threshold": 100,
                }
            ],
        )
        self.assertEqual(rule.name, "All products (Alltricks Belgium)")

    def test_sheet_of_new_company_without_image_is_not_complete(self):
        template = self._sheet(self.company)

        self.assertEqual(template.sheet_rule_id, self._default_rules(self.company))
        self.assertEqual(template.sheet_score, 50)
        self.assertEqual(template.sheet_missing, "<ul><li>At least one image</li></ul>")
        reviewer = new_test_user(
            self.env,
            "belgian_reviewer",
            groups="alltricks_catalog.group_sheet_editor",
            company_id=self.company.id,
            company_ids=[Command.set(self.company.ids)],
        )
        template.action_sheet_submit()
        with self.assertRaises(UserError):
            template.with_user(reviewer).action_sheet_validate()
        self.assertEqual(template.sheet_state, "review")
        self.assertEqual(self._sheet(self.company, image_1920=PIXEL).sheet_score, 100)

    def test_companies_created_together_get_one_rule_each(self):
        companies = self.env["res.company"].create(
            [{"name": "Alltricks Spain"}, {"name": "Alltricks Italy"}]
        )

        self.assertEqual(self._default_rules(companies).company_id, companies)
        self.assertEqual(len(self._default_rules(companies)), 2)

    def test_default_rules_stay_within_their_company(self):
        manager = new_test_user(
            self.env,
            "main_catalog_manager",
            groups="alltricks_catalog.group_catalog_manager",
        )
        new_rule = self._default_rules(self.company)
        new_rule.threshold = 50

        visible = (
            self.env["alltricks.sheet.rule"]
            .with_user(manager)
            .search([("category_id", "=", False)])
        )
        self.assertEqual(visible, self.main_rule)
        self.assertEqual(self.main_rule.threshold, 100)
        self.assertEqual(self._sheet(self.env.company).sheet_rule_id, self.main_rule)
        self.assertEqual(self._sheet(self.company).sheet_threshold, 50)

    def test_archived_default_rule_is_not_replaced(self):
        # Archiving the default rule is how a catalog manager lets sheets
        # without a category rule score 100 %; an update keeps it that way.
        self._default_rules(self.company).active = False

        _create_default_sheet_rules(self.env)

        self.assertEqual(len(self._default_rules(self.company)), 1)
        self.assertFalse(self._default_rules(self.company).active)
        template = self._sheet(self.company)
        self.assertFalse(template.sheet_rule_id)
        self.assertEqual(template.sheet_score, 100)

    def test_update_gives_a_rule_to_companies_without_one(self):
        # A database where companies were created before this version.
        self._default_rules(self.company).unlink()
        self.main_rule.unlink()

        _create_default_sheet_rules(self.env)

        restored = self._default_rules(self.company | self.env.ref("base.main_company"))
        self.assertEqual(len(restored), 2)
        self.assertEqual(
            self.env.ref("alltricks_catalog.alltricks_sheet_rule_default").company_id,
            self.env.ref("base.main_company"),
        )
