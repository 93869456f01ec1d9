import logging
import time
from collections import defaultdict
from datetime import date
from pathlib import Path

from odoo import api, models
from odoo.addons.alltricks_catalog.adventureworks import DataError, read_dataset
from odoo.addons.alltricks_catalog.models.alltricks_demo_loader import DATA_DIR
from odoo.exceptions import AccessError, UserError
from odoo.fields import Command

from ..dayplan import DayParams, SourceOrder, plan_day
from ..dayplan.model import CLOSING, OPENING
from .replay_run import ReplayRun

_logger = logging.getLogger(__name__)

DEFAULT_DAY = date(2026, 12, 1)  # a Tuesday: every team works
WAVE_MINUTES = 60
# role: (how many users, groups)
STAFF = {
    "picker": (4, ("alltricks_slotting.group_picker",)),
    "packer": (2, ("alltricks_slotting.group_packer",)),
    "mechanic": (2, ("alltricks_bike_prep.group_mechanic",)),
    "agent": (3, ("alltricks_helpdesk.group_support_agent",)),
    "manager": (
        1,
        (
            "alltricks_slotting.group_warehouse_manager",
            "alltricks_bike_prep.group_workshop_manager",
        ),
    ),
    "cashier": (1, ("alltricks_kiosk.group_showroom_staff",)),
}
CUSTOMER_COUNT = 40


class AlltricksReplay(models.AbstractModel):
    """A simulated working day at Maurepas, replayed through the addons.

    Each step calls the server methods the real screens call (shop checkout,
    kiosk, picking planner, scanner, packing station, workshop, helpdesk), as
    the user of the role. Times of the day come from a simulated clock; wall
    times are measured per step. See readme/USAGE.md.
    """

    _name = "alltricks.replay"
    _description = "Replay of a simulated working day"

    @api.model
    def run_day(self, params=None, day=None, data_path=None):
        """Replay the day of ``params`` (a ``DayParams``) and return the
        results (a JSON-able dict; ``dayplan.summarize`` turns it into
        figures). Refuses a database that already holds a replayed day."""
        if not self.env.is_superuser():
            raise AccessError(self.env._("Only an administrator replays a day."))
        params = params or DayParams()
        self._check_not_replayed(params.prefix)
        # as the demo loader: no chatter line per field change of the day
        replay = self.with_context(tracking_disable=True, mail_create_nolog=True)
        return replay._replay_day(params, day or DEFAULT_DAY, data_path)

    def _replay_day(self, params, day, data_path):
        started, cpu = time.perf_counter(), time.process_time()
        with self.env.cr.savepoint():
            staff = self._ensure_staff()
            self._ensure_bike_types()
            warehouse = self._get_replay_warehouse()
            plan = self._get_replay_plan(params, warehouse, data_path)
            run = ReplayRun(plan, day, staff)
            run.warehouse_id = warehouse.id
            run.customers = self._ensure_customers()
            run.catalog = self._get_replay_catalog()
            run.published_morning = set(self._get_replay_published(run))
            run.wall["setup and day plan"] = round(time.perf_counter() - started, 2)
            run.cpu["setup and day plan"] = round(time.process_time() - cpu, 2)
            _logger.info(
                "Replaying %s orders (%s lines), %s receipts, %s tickets, seed %s",
                len(plan.orders),
                plan.line_count,
                len(plan.receipts),
                len(plan.tickets),
                params.seed,
            )
            start = -1
            for end in range(OPENING, CLOSING + 1, WAVE_MINUTES):
                self._replay_wave(run, start, end)
                start = end
            with run.step("invariants"):
                run.results["invariants"] = self._get_replay_invariants(run)
            evening = set(self._get_replay_published(run))
            run.results["published"] = {
                "morning": len(run.published_morning),
                "evening": len(evening),
                "newly": len(evening - run.published_morning),
            }
        run.results["day"] = run.day.isoformat()
        run.results["params"] = dict(vars(params))
        return run.results

    def _check_not_replayed(self, prefix):
        """A day is replayed once per database: the orders it places stay."""
        orders = self.env["sale.order"].search_count(
            [("client_order_ref", "=like", f"{prefix}-%")]
        )
        if orders:
            raise UserError(
                self.env._(
                    "This database already holds a replayed day (%(count)s orders "
                    "referenced %(prefix)s-...). Replay on a fresh copy of the demo "
                    "database (createdb -T <demo database> <new copy>, or odoo db "
                    "duplicate <demo database> <new copy>); --dry-run replays a "
                    "day without keeping it.",
                    count=orders,
                    prefix=prefix,
                )
            )

    def _get_replay_warehouse(self):
        warehouse = self.env["stock.warehouse"].search(
            [("company_id", "=", self.env.company.id), ("slot_aisle_count", ">", 0)],
            order="id",
            limit=1,
        )
        if not warehouse or warehouse.delivery_steps != "pick_pack_ship":
            raise UserError(
                self.env._(
                    "No laid-out warehouse shipping in three steps: install the "
                    "demo data of alltricks_catalog (--with-demo) or load it with "
                    "alltricks.demo.loader first."
                )
            )
        return warehouse

    def _ensure_staff(self):
        """``{role: users}``, creating the replay's users that are missing."""
        Users = self.env["res.users"].with_context(no_reset_password=True)
        staff = {}
        base_group = self.env.ref("base.group_user")
        for role, (count, xmlids) in STAFF.items():
            logins = [f"replay_{role}_{index}" for index in range(1, count + 1)]
            found = Users.search([("login", "in", logins)])
            missing = sorted(set(logins) - set(found.mapped("login")))
            groups = base_group + self.env["res.groups"].concat(
                *(self.env.ref(xmlid) for xmlid in xmlids)
            )
            found |= Users.create(
                [
                    {
                        "name": f"Replay {role} {login.rsplit('_', 1)[1]}",
                        "login": login,
                        "company_id": self.env.company.id,
                        "company_ids": [Command.set(self.env.company.ids)],
                        "group_ids": [Command.set(groups.ids)],
                    }
                    for login in missing
                ]
            )
            staff[role] = found.sorted("login")
        self._ensure_agents_are_experts(staff["agent"])
        return staff

    def _ensure_bike_types(self):
        """Give a workshop checklist to bike categories that have none.

        The AdventureWorks demo leaves the bike type of its bike categories
        empty, and a bike without checklist cannot be finished: mountain bikes
        get the hardtail checklist, the others the road one.
        """
        categories = self.env["product.category"].search(
            [
                ("alltricks_complete_bike", "=", True),
                ("alltricks_bike_type", "=", False),
            ]
        )
        children = self.env["product.category"].search(
            [("id", "child_of", categories.ids), ("alltricks_bike_type", "=", False)]
        )
        for category in children.sorted("id"):
            mountain = "mountain" in category.name.lower()
            category.alltricks_bike_type = "hardtail" if mountain else "road"

    def _ensure_agents_are_experts(self, agents):
        team = self.env["helpdesk.ticket.team"].search(
            [("alltricks_default_team", "=", True)], order="id", limit=1
        )
        if not team:
            return
        Expert = self.env["alltricks.helpdesk.expert"]
        known = Expert.search([("team_id", "=", team.id)]).user_id
        Expert.create(
            [
                {"user_id": agent.id, "team_id": team.id, "sequence": 100 + index}
                for index, agent in enumerate(agents)
                if agent not in known
            ]
        )

    def _ensure_customers(self):
        Partner = self.env["res.partner"]
        refs = [f"REPLAY-C{index:03d}" for index in range(1, CUSTOMER_COUNT + 1)]
        found = Partner.search([("ref", "in", refs)])
        france = self.env.ref("base.fr")
        found |= Partner.create(
            [
                {
                    "ref": ref,
                    "name": f"Replay customer {ref[-3:]}",
                    "email": f"{ref.lower()}@example.com",
                    "street": "1 rue de la Gare",
                    "zip": "78310",
                    "city": "Maurepas",
                    "country_id": france.id,
                }
                for ref in sorted(set(refs) - set(found.mapped("ref")))
            ]
        )
        return found.sorted("ref").ids

    def _get_replay_catalog(self):
        """``{code: product id}`` of the products the shop sells."""
        products = self.env["product.product"].search(
            [
                ("default_code", "!=", False),
                ("is_storable", "=", True),
                ("sheet_state", "=", "validated"),
                ("barcode", "!=", False),
            ],
            order="default_code",
        )
        return {p.default_code: p.id for p in products}

    def _get_replay_published(self, run):
        """Codes of the catalog products the shop shows now."""
        products = self.env["product.product"].browse(sorted(run.catalog.values()))
        return products.filtered("product_tmpl_id.is_published").mapped("default_code")

    def _get_replay_plan(self, params, warehouse, data_path=None):
        """The day plan from the AdventureWorks orders and this morning's shelf."""
        try:
            dataset = read_dataset(Path(data_path) if data_path else DATA_DIR)
        except DataError as error:
            raise UserError(
                self.env._(
                    "The AdventureWorks files cannot be read: %(error)s", error=error
                )
            ) from error
        catalog = self._get_replay_catalog()
        lines = defaultdict(list)
        for line in sorted(
            dataset.sales_lines, key=lambda ln: (ln.order_number, ln.line_number)
        ):
            lines[line.order_number].append((line.product_number, line.quantity))
        sources = [
            SourceOrder(number, tuple(order_lines))
            for number, order_lines in sorted(lines.items())
            if all(code in catalog for code, _qty in order_lines)
        ]
        products = self.env["product.product"].browse(sorted(catalog.values()))
        bikes = products.filtered("categ_id.alltricks_complete_bike").mapped(
            "default_code"
        )
        shelf = products._get_alltricks_sellable_quantities(warehouse=warehouse)
        backlog = self._get_replay_backlog(warehouse, products)
        on_hand = {p.default_code: shelf[p.id] - backlog.get(p, 0.0) for p in products}
        return plan_day(sources, bikes, on_hand, params)

    def _get_replay_backlog(self, warehouse, products):
        """Units that yesterday's orders still wait for: Odoo reserves them
        the receipts first, so the plan counts them as taken."""
        groups = self.env["stock.move"]._read_group(
            [
                ("picking_type_id", "=", warehouse._get_alltricks_pick_type().id),
                ("product_id", "in", products.ids),
                ("state", "in", ("confirmed", "waiting", "partially_available")),
            ],
            ["product_id"],
            ["product_uom_qty:sum", "quantity:sum"],
        )
        return {product: wanted - reserved for product, wanted, reserved in groups}

    def _replay_wave(self, run, start, end):
        """Events of (start, end], in time order, then the hour's picking."""
        plan = run.plan
        events = [(r.minute, 0, r) for r in plan.receipts if start < r.minute <= end]
        events += [(o.minute, 1, o) for o in plan.orders if start < o.minute <= end]
        for _minute, kind, event in sorted(
            events, key=lambda e: (e[0], e[1], e[2].ref)
        ):
            if kind == 0:
                with run.step("receipts"):
                    self._replay_receipt(run, event)
            else:
                with run.step("orders"):
                    self._replay_order(run, event)
        self._replay_picking(run, end)
        tickets = [t for t in plan.tickets if start < t.minute <= end]
        with run.step("tickets"):
            for ticket in tickets:
                self._replay_ticket(run, ticket)
