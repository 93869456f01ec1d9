from psycopg2 import IntegrityError

from odoo.exceptions import UserError
from odoo.tests import tagged
from odoo.tests.common import TransactionCase, new_test_user
from odoo.tools import mute_logger

from .test_sheet_workflow import PIXEL


@tagged("post_install", "-at_install")
class TestSheetDefaultRule(TransactionCase):
    """The rule shipped for the main company: a real title and a photo."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.default_rule = cls.env.ref("alltricks_catalog.alltricks_sheet_rule_default")
        groups = "alltricks_catalog.group_sheet_editor"
        cls.author = new_test_user(cls.env, "default_author", groups=groups)
        cls.reviewer = new_test_user(cls.env, "default_reviewer", groups=groups)

    def _submitted(self, **values):
        template = (
            self.env["product.template"]
            .with_user(self.author)
            .create({"name": "Zefal Pulse bottle cage", **values})
        )
        template.action_sheet_submit()
        return template

    def test_sheet_without_image_is_not_complete_out_of_the_box(self):
        template = self._submitted()

        self.assertEqual(template.sheet_rule_id, self.default_rule)
        self.assertEqual(template.sheet_score, 50)
        self.assertEqual(template.sheet_missing, "<ul><li>At least one image</li></ul>")
        with self.assertRaises(UserError):
            template.with_user(self.reviewer).action_sheet_validate()
        self.assertEqual(template.sheet_state, "review")

    def test_sheet_with_title_and_image_validates(self):
        template = self._submitted(image_1920=PIXEL)

        self.assertEqual(template.sheet_score, 100)
        template.with_user(self.reviewer).action_sheet_validate()
        self.assertEqual(template.sheet_state, "validated")

    def test_category_rule_comes_before_the_default_rule(self):
        parts = self.env["product.category"].create({"name": "Drivetrain parts"})
        rule = self.env["alltricks.sheet.rule"].create(
            {
                "category_id": parts.id,
                "title_min_length": 10,
                "title_requires_brand": False,
                "image_required": False,
                "weight_verified_required": True,
            }
        )

        template = self._submitted(categ_id=parts.id)

        self.assertEqual(template.sheet_rule_id, rule)
        self.assertEqual(template.sheet_score, 50)
        self.assertIn("<li>Verified weight</li>", template.sheet_missing)

    def test_one_default_rule_per_company(self):
        with (
            self.assertRaises(IntegrityError),
            mute_logger("odoo.sql_db"),
            self.cr.savepoint(),
        ):
            self.env["alltricks.sheet.rule"].create({})
