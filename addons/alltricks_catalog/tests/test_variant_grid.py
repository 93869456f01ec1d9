from odoo.exceptions import UserError
from odoo.fields import Command
from odoo.tests import tagged
from odoo.tests.common import TransactionCase, new_test_user


@tagged("post_install", "-at_install")
class TestVariantGrid(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.size = cls.env["product.attribute"].create(
            {
                "name": "Jersey size",
                "value_ids": [Command.create({"name": n}) for n in ("S", "M", "L")],
            }
        )
        cls.colour = cls.env["product.attribute"].create(
            {
                "name": "Jersey colour",
                "value_ids": [Command.create({"name": n}) for n in ("Red", "Black")],
            }
        )
        cls.editor = new_test_user(
            cls.env, "grid_editor", groups="alltricks_catalog.group_sheet_editor"
        )
        cls.jersey = cls.env["product.template"].create({"name": "Castelli jersey"})

    def _wizard(self, sizes, colours):
        return (
            self.env["alltricks.variant.grid.wizard"]
            .with_user(self.editor)
            .create(
                {
                    "product_tmpl_id": self.jersey.id,
                    "size_attribute_id": self.size.id,
                    "size_value_ids": [Command.set(sizes.ids)],
                    "colour_attribute_id": self.colour.id,
                    "colour_value_ids": [Command.set(colours.ids)],
                }
            )
        )

    def test_grid_creates_one_variant_per_size_and_colour(self):
        wizard = self._wizard(self.size.value_ids, self.colour.value_ids)
        self.assertEqual(wizard.variant_count, 6)
        wizard.action_apply()
        self.assertEqual(self.jersey.product_variant_count, 6)
        self.assertEqual(
            sorted(self.jersey.attribute_line_ids.attribute_id.mapped("name")),
            ["Jersey colour", "Jersey size"],
        )

    def test_grid_extends_existing_lines(self):
        self._wizard(self.size.value_ids[:1], self.colour.value_ids).action_apply()
        self._wizard(self.size.value_ids[1:], self.colour.value_ids).action_apply()
        self.assertEqual(len(self.jersey.attribute_line_ids), 2)
        self.assertEqual(self.jersey.product_variant_count, 6)

    def test_grid_without_colour_is_refused(self):
        wizard = self._wizard(self.size.value_ids, self.colour.value_ids.browse())
        with self.assertRaises(UserError):
            wizard.action_apply()
        self.assertEqual(self.jersey.product_variant_count, 1)
