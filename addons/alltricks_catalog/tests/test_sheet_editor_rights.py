from lxml import etree

from odoo.exceptions import AccessError
from odoo.fields import Command
from odoo.tests import tagged
from odoo.tests.common import TransactionCase, new_test_user


@tagged("post_install", "-at_install")
class TestSheetEditorRights(TransactionCase):
    """A product-sheet editor duplicates and archives sheets of stocked products,
    with every addon of the shop installed, without rights on the stock."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.editor = new_test_user(
            cls.env, "rights_editor", groups="alltricks_catalog.group_sheet_editor"
        )
        cls.lookalike = cls.env["alltricks.lookalike.group"].create(
            {"name": "Chain and its quick link"}
        )
        cls.size = cls.env["product.attribute"].create(
            {
                "name": "Chain length",
                "value_ids": [Command.create({"name": n}) for n in ("114", "126")],
            }
        )
        cls.template = cls.env["product.template"].create(
            {
                "name": "KMC X11 chain",
                "type": "consu",
                "is_storable": True,
                "slot_lookalike_group_ids": [Command.set(cls.lookalike.ids)],
                "attribute_line_ids": [
                    Command.create(
                        {
                            "attribute_id": cls.size.id,
                            "value_ids": [Command.set(cls.size.value_ids.ids)],
                        }
                    )
                ],
            }
        )

    def _read_as_form(self, template):
        """Read the fields of the product form that ``template``'s user sees."""
        arch = etree.fromstring(
            template.get_views([(False, "form")])["views"]["form"]["arch"]
        )
        names = {
            node.get("name")
            for node in arch.iter("field")
            if not any(parent.tag == "field" for parent in node.iterancestors())
        }
        return template.web_read({name: {} for name in names})[0]

    def test_editor_duplicates_a_sheet_with_its_lookalike_groups(self):
        template = self.template.with_user(self.editor)

        copy = template.copy()
        values = self._read_as_form(copy)

        self.assertEqual(values["name"], "KMC X11 chain (copy)")
        self.assertEqual(copy.slot_lookalike_group_ids, self.lookalike)
        self.assertEqual(copy.product_variant_count, 2)

    def test_editor_archives_a_sheet_and_its_variants(self):
        template = self.template.with_user(self.editor)

        template.action_archive()

        self.assertFalse(self._read_as_form(template)["active"])
        self.assertFalse(
            self.template.with_context(active_test=False).product_variant_ids.filtered(
                "active"
            )
        )

    def test_editor_only_reads_lookalike_groups_and_reordering_rules(self):
        orderpoint = self.env["stock.warehouse.orderpoint"].create(
            {
                "product_id": self.template.product_variant_ids[0].id,
                "product_min_qty": 2,
                "product_max_qty": 6,
            }
        )
        group = self.lookalike.with_user(self.editor)
        self.assertEqual(group.name, "Chain and its quick link")
        with self.assertRaises(AccessError):
            group.name = "Renamed"
        orderpoint = orderpoint.with_user(self.editor)
        self.assertEqual(orderpoint.product_max_qty, 6)
        with self.assertRaises(AccessError):
            orderpoint.product_max_qty = 60
