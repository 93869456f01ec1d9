from lxml import etree

from odoo.tests import tagged
from odoo.tests.common import TransactionCase, new_test_user

RELATIONAL = ("many2one", "one2many", "many2many")


@tagged("post_install", "-at_install")
class TestRoleProductForms(TransactionCase):
    """Every role of the addons opens product forms: buyers, floor staff,
    mechanics, agents and counter staff all look products up."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.product = cls.env["product.product"].create(
            {"name": "Chain 12 speed", "type": "consu", "is_storable": True}
        )
        cls.env["alltricks.lookalike.group"].create(
            {
                "name": "Chain + quick link",
                "product_tmpl_ids": [(4, cls.product.product_tmpl_id.id)],
                "product_ids": [(4, cls.product.id)],
            }
        )
        cls.roles = cls.env["ir.model.data"].search(
            [("model", "=", "res.groups"), ("module", "=like", "alltricks\\_%")]
        )

    def _open_form(self, record):
        """Read a record as the web client does for its form view: the fields
        the view shows this user (sub-views of lines left out), with the name
        of each linked record."""
        views = record.get_views([(False, "form")])
        fields = views["models"][record._name]["fields"]
        arch = etree.fromstring(views["views"]["form"]["arch"])
        names = {
            node.get("name") for node in arch.xpath("//field[not(ancestor::field)]")
        }
        spec = {
            name: {"fields": {"display_name": {}}}
            if fields[name]["type"] in RELATIONAL
            else {}
            for name in names
        }
        return record.web_read(spec)

    def test_every_role_opens_product_forms(self):
        self.assertGreaterEqual(len(self.roles), 10)
        for role in self.roles:
            # As created in Settings > Users: an internal user with one role.
            user = new_test_user(
                self.env,
                f"form_{role.name}",
                groups=f"base.group_user,{role.module}.{role.name}",
            )
            for record in (self.product.product_tmpl_id, self.product):
                with self.subTest(role=role.complete_name, model=record._name):
                    values = self._open_form(record.with_user(user))
                    self.assertEqual(values[0]["id"], record.id)
