from odoo.tests.common import new_test_user


class HelpdeskFixture:
    """Teams, experts, customers and orders built for each test class.

    The data teams shipped by the addon keep their flags off here so the
    routing only sees the teams of the test.
    """

    @classmethod
    def _setup_helpdesk(cls):
        env = cls.env
        env.ref(
            "alltricks_helpdesk.helpdesk_team_experts"
        ).alltricks_default_team = False
        env.ref(
            "alltricks_helpdesk.helpdesk_team_after_sales"
        ).alltricks_after_sales = False
        cls.mtb = env.ref("alltricks_helpdesk.discipline_mtb")
        cls.road = env.ref("alltricks_helpdesk.discipline_road")
        cls.bmx = env.ref("alltricks_helpdesk.discipline_bmx")
        cls.calendar = cls._create_calendar(
            "Support 8-17",
            [(day, 8, 12) for day in range(5)] + [(day, 13, 17) for day in range(5)],
        )
        cls.team = env["helpdesk.ticket.team"].create(
            {
                "name": "Test experts",
                "alltricks_default_team": True,
                "resource_calendar_id": cls.calendar.id,
            }
        )
        cls.after_sales_team = env["helpdesk.ticket.team"].create(
            {"name": "Test after-sales", "alltricks_after_sales": True}
        )
        agent = "alltricks_helpdesk.group_support_agent"
        cls.anna = new_test_user(env, "hd_anna", groups=agent, name="Anna Mtb")
        cls.bruno = new_test_user(env, "hd_bruno", groups=agent, name="Bruno Mtb")
        cls.chloe = new_test_user(env, "hd_chloe", groups=agent, name="Chloe Road")
        cls.tech = new_test_user(
            env,
            "hd_tech",
            groups="alltricks_helpdesk.group_after_sales",
            name="Theo Tech",
        )
        Expert = env["alltricks.helpdesk.expert"]
        cls.expert_anna = Expert.create(
            {
                "user_id": cls.anna.id,
                "team_id": cls.team.id,
                "sequence": 1,
                "discipline_ids": [(6, 0, cls.mtb.ids)],
            }
        )
        cls.expert_bruno = Expert.create(
            {
                "user_id": cls.bruno.id,
                "team_id": cls.team.id,
                "sequence": 2,
                "discipline_ids": [(6, 0, (cls.mtb | cls.road).ids)],
            }
        )
        cls.expert_chloe = Expert.create(
            {
                "user_id": cls.chloe.id,
                "team_id": cls.team.id,
                "sequence": 3,
                "discipline_ids": [(6, 0, cls.road.ids)],
            }
        )
        cls.expert_tech = Expert.create(
            {"user_id": cls.tech.id, "team_id": cls.after_sales_team.id}
        )
        cls.portal_alice = new_test_user(
            env,
            "hd_alice",
            groups="base.group_portal",
            name="Alice Rider",
            password="hd_alice_pass_1234",
        )
        cls.portal_bob = new_test_user(
            env,
            "hd_bob",
            groups="base.group_portal",
            name="Bob Rider",
            password="hd_bob_pass_1234",
        )
        cls._setup_catalog()

    @classmethod
    def _create_calendar(cls, name, slots):
        """Calendar in Paris time from ``(weekday, hour_from, hour_to)``."""
        return cls.env["resource.calendar"].create(
            {
                "name": name,
                "tz": "Europe/Paris",
                "attendance_ids": [(5, 0, 0)]
                + [
                    (
                        0,
                        0,
                        {
                            "name": f"{name} {day} {start}",
                            "dayofweek": str(day),
                            "hour_from": start,
                            "hour_to": end,
                            "day_period": "morning" if start < 12 else "afternoon",
                        },
                    )
                    for day, start, end in slots
                ],
            }
        )

    @classmethod
    def _setup_catalog(cls):
        env = cls.env
        cls.brand = env["product.brand"].create({"name": "Shimano test"})
        cls.categ_mtb = env["product.category"].create(
            {"name": "MTB parts", "alltricks_discipline_id": cls.mtb.id}
        )
        cls.categ_mtb_forks = env["product.category"].create(
            {"name": "Forks", "parent_id": cls.categ_mtb.id}
        )
        cls.fork = env["product.product"].create(
            {
                "name": "Fork 150mm",
                "type": "consu",
                "is_storable": True,
                "categ_id": cls.categ_mtb_forks.id,
                "product_brand_id": cls.brand.id,
                "list_price": 600.0,
            }
        )
        cls.order_alice = cls._create_order(cls.portal_alice.partner_id, cls.fork)

    @classmethod
    def _create_order(cls, partner, product, qty=1):
        order = cls.env["sale.order"].create(
            {
                "partner_id": partner.id,
                "order_line": [
                    (0, 0, {"product_id": product.id, "product_uom_qty": qty})
                ],
            }
        )
        order.action_confirm()
        return order

    @classmethod
    def _create_ticket(cls, partner, **values):
        vals = {
            "name": "My question",
            "description": "<p>Hello</p>",
            "partner_id": partner.id,
            "user_id": False,
        }
        vals.update(values)
        return cls.env["helpdesk.ticket"].create(vals)

    def _routing_notes(self, ticket):
        """The notes the routing posted on ``ticket`` (as OdooBot), oldest first."""
        root = self.env.ref("base.partner_root")
        return (
            ticket.message_ids.filtered(lambda m: m.author_id == root)
            .sorted("id")
            .mapped("preview")
        )
