from odoo.exceptions import AccessError
from odoo.modules.module import get_module_path, load_script
from odoo.tests import tagged
from odoo.tests.common import TransactionCase, new_test_user
from odoo.tools import convert_file

from .common import HelpdeskFixture


@tagged("post_install", "-at_install")
class TestCategoryDiscipline(HelpdeskFixture, TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_helpdesk()
        cls.manager = new_test_user(
            cls.env,
            "hd_manager",
            groups="base.group_user,helpdesk_mgmt.group_helpdesk_manager",
            name="Helen Manager",
        )

    def test_helpdesk_manager_sets_only_the_discipline_of_categories(self):
        categories = self.categ_mtb.with_user(self.manager)

        categories.write({"alltricks_discipline_id": self.road.id})
        with self.assertRaises(AccessError):
            categories.write({"name": "Renamed"})
        with self.assertRaises(AccessError):
            categories.write({"name": "Renamed", "alltricks_discipline_id": False})

        self.assertEqual(self.categ_mtb.alltricks_discipline_id, self.road)
        self.assertEqual(self.categ_mtb.name, "MTB parts")

    def test_support_agent_cannot_set_a_discipline(self):
        with self.assertRaises(AccessError):
            self.categ_mtb.with_user(self.anna).alltricks_discipline_id = self.road

        self.assertEqual(self.categ_mtb.alltricks_discipline_id, self.mtb)

    def test_demo_routes_adventureworks_bikes_to_their_experts(self):
        categories = self.env["product.category"]
        adventure = categories.create({"name": "AdventureWorks"})
        tops = {
            name: categories.create({"name": name, "parent_id": adventure.id})
            for name in ("Bikes", "Components", "Accessories")
        }
        mountain, touring, handlebars = (
            categories.create({"name": name, "parent_id": tops[top].id})
            for top, name in (
                ("Bikes", "Mountain Bikes"),
                ("Bikes", "Touring Bikes"),
                ("Components", "Handlebars"),
            )
        )
        bike = self.env["product.product"].create(
            {"name": "Mountain-100", "type": "consu", "categ_id": mountain.id}
        )

        convert_file(
            self.env,
            "alltricks_helpdesk",
            "demo/product_category_demo.xml",
            {},
            mode="init",
        )
        order = self._create_order(self.portal_alice.partner_id, bike)
        ticket = self._create_ticket(
            self.portal_alice.partner_id, alltricks_sale_line_id=order.order_line.id
        )

        self.assertEqual(mountain.alltricks_discipline_id, self.mtb)
        self.assertEqual(
            touring.alltricks_discipline_id,
            self.env.ref("alltricks_helpdesk.discipline_urban"),
        )
        self.assertFalse(handlebars.alltricks_discipline_id)
        self.assertEqual(ticket.alltricks_discipline_id, self.mtb)
        self.assertEqual(ticket.user_id, self.anna)

    def test_sub_category_follows_later_changes_of_its_parent(self):
        forks = self.categ_mtb_forks
        self.assertFalse(forks.alltricks_discipline_id)
        self.assertEqual(forks.alltricks_effective_discipline_id, self.mtb)

        self.categ_mtb.with_user(self.manager).alltricks_discipline_id = self.road
        order = self._create_order(self.portal_alice.partner_id, self.fork)
        ticket = self._create_ticket(
            self.portal_alice.partner_id, alltricks_sale_line_id=order.order_line.id
        )

        self.assertEqual(forks.alltricks_effective_discipline_id, self.road)
        self.assertEqual(ticket.alltricks_discipline_id, self.road)
        self.assertIn(ticket.user_id, self.bruno | self.chloe)

    def test_own_discipline_of_a_sub_category_wins_until_cleared(self):
        forks = self.categ_mtb_forks.with_user(self.manager)
        forks.alltricks_discipline_id = self.road

        self.categ_mtb.alltricks_discipline_id = self.env.ref(
            "alltricks_helpdesk.discipline_urban"
        )
        self.assertEqual(forks.alltricks_effective_discipline_id, self.road)

        forks.alltricks_discipline_id = False
        self.assertEqual(
            forks.alltricks_effective_discipline_id,
            self.env.ref("alltricks_helpdesk.discipline_urban"),
        )

    def test_upgrade_lets_copied_disciplines_follow_their_parent(self):
        # Before 19.0.1.3.0 sub-categories stored a copy of their parent's.
        forks = self.categ_mtb_forks
        travel = self.env["product.category"].create(
            {"name": "Travel forks", "parent_id": forks.id}
        )
        dampers = self.env["product.category"].create(
            {"name": "Dampers", "parent_id": self.categ_mtb.id}
        )
        self.env.flush_all()
        self.env.cr.execute(
            "UPDATE product_category SET alltricks_discipline_id = %s WHERE id IN %s",
            (self.mtb.id, (forks.id, travel.id)),
        )
        self.env.cr.execute(
            "UPDATE product_category SET alltricks_discipline_id = %s WHERE id = %s",
            (self.road.id, dampers.id),
        )
        self.env.invalidate_all()

        migration = load_script(
            get_module_path("alltricks_helpdesk")
            + "/migrations/19.0.1.3.0/post-migrate.py",
            "alltricks_helpdesk_post_migrate_19_0_1_3_0",
        )
        migration.migrate(self.env.cr, "19.0.1.2.0")
        self.env.invalidate_all()

        self.assertEqual(self.categ_mtb.alltricks_discipline_id, self.mtb)
        self.assertFalse(forks.alltricks_discipline_id)
        self.assertFalse(travel.alltricks_discipline_id)
        self.assertEqual(dampers.alltricks_discipline_id, self.road)
        self.categ_mtb.alltricks_discipline_id = self.road
        self.assertEqual(travel.alltricks_effective_discipline_id, self.road)
