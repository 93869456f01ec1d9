from odoo.tests import tagged
from odoo.tests.common import TransactionCase, new_test_user


@tagged("post_install", "-at_install")
class TestSheetImport(TransactionCase):
    """Validated sheets through Odoo's Import records screen."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.manager = new_test_user(
            cls.env,
            "import_manager",
            groups="base.group_user,alltricks_catalog.group_catalog_manager",
        )
        cls.editor = new_test_user(
            cls.env,
            "import_editor",
            groups="base.group_user,alltricks_catalog.group_sheet_editor",
        )

    def _import(self, user, *names):
        rows = "".join(f"{name},validated\n" for name in names)
        wizard = (
            self.env["base_import.import"]
            .with_user(user)
            .create(
                {
                    "res_model": "product.template",
                    "file": f"name,sheet_state\n{rows}".encode(),
                    "file_name": "sheets.csv",
                    "file_type": "text/csv",
                }
            )
        )
        fields = ["name", "sheet_state"]
        options = {"has_headers": True, "separator": ",", "quoting": '"'}
        return wizard.execute_import(fields, fields, options)

    def _products(self, *names):
        return self.env["product.template"].search([("name", "in", names)])

    def test_catalog_manager_imports_validated_sheets(self):
        result = self._import(self.manager, "Bottle 750 ml", "Bottle 500 ml")

        self.assertEqual(result["messages"], [])
        products = self._products("Bottle 750 ml", "Bottle 500 ml")
        self.assertEqual(products.mapped("sheet_state"), ["validated"] * 2)

    def test_editor_import_of_validated_sheets_is_refused_whole(self):
        result = self._import(self.editor, "Cage alloy", "Cage carbon")

        self.assertIn(
            "Create the product as a draft sheet", result["messages"][0]["message"]
        )
        self.assertFalse(self._products("Cage alloy", "Cage carbon"))
