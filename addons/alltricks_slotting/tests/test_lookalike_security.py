from odoo.exceptions import AccessError, ValidationError
from odoo.tests import tagged
from odoo.tests.common import TransactionCase, new_test_user


@tagged("post_install", "-at_install")
class TestLookalikeSecurity(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.picker = new_test_user(
            cls.env, "lookalike_picker", groups="alltricks_slotting.group_picker"
        )
        cls.manager = new_test_user(
            cls.env,
            "lookalike_manager",
            groups="alltricks_slotting.group_warehouse_manager",
        )
        cls.group = cls.env["alltricks.lookalike.group"].create(
            {"name": "Chain + quick link"}
        )
        cls.other_company = cls.env["res.company"].create({"name": "Alltricks ES"})
        cls.other_group = cls.env["alltricks.lookalike.group"].create(
            {"name": "Pedals", "company_id": cls.other_company.id}
        )
        cls.warehouse = cls.env["stock.warehouse"].create(
            {"name": "Settings test", "code": "SET"}
        )

    def test_picker_reads_but_cannot_edit_lookalike_groups(self):
        groups = self.env["alltricks.lookalike.group"].with_user(self.picker)

        self.assertEqual(groups.browse(self.group.id).name, "Chain + quick link")
        with self.assertRaises(AccessError):
            groups.create({"name": "Brake pads"})
        with self.assertRaises(AccessError):
            groups.browse(self.group.id).write({"name": "Renamed"})

    def test_manager_edits_lookalike_groups(self):
        groups = self.env["alltricks.lookalike.group"].with_user(self.manager)

        created = groups.create({"name": "Short vs long cage"})
        groups.browse(self.group.id).write({"name": "Chain and quick link"})
        self.assertEqual(created.company_id, self.env.company)
        self.assertEqual(self.group.name, "Chain and quick link")

    def test_groups_of_another_company_are_hidden(self):
        groups = self.env["alltricks.lookalike.group"].with_user(self.manager)

        found = groups.search([("id", "in", (self.group | self.other_group).ids)])
        self.assertEqual(found, self.group)
        with self.assertRaises(AccessError):
            groups.browse(self.other_group.id).read(["name"])

    def test_manager_tunes_putaway_settings_but_picker_cannot(self):
        self.warehouse.with_user(self.manager).write(
            {
                "slot_fill_factor": 0.7,
                "slot_weight_walk": 2.0,
                "slot_reserve_share": 0.1,
            }
        )
        settings, weights = self.warehouse._get_slot_putaway_settings()
        self.assertEqual(settings.fill_factor, 0.7)
        self.assertEqual(settings.reserve_share, 0.1)
        self.assertEqual(weights.walk, 2.0)
        with self.assertRaises(AccessError):
            self.warehouse.with_user(self.picker).write({"slot_fill_factor": 0.5})
        with self.assertRaisesRegex(ValidationError, "prime band share"):
            self.warehouse.with_user(self.manager).write({"slot_reserve_share": -0.1})
        with self.assertRaisesRegex(ValidationError, "between 0 and 1"):
            self.warehouse.with_user(self.manager).write({"slot_fill_factor": 1.5})
