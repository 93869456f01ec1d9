"""State of one replay run: the plan, the workers, what was measured."""

import time
from contextlib import contextmanager

from ..dayplan import WorkerPool


class ReplayRun:
    """Everything a replay carries from step to step (no Odoo record cache:
    records are kept by id and browsed when needed)."""

    def __init__(self, plan, day, staff):
        self.plan = plan
        self.planned = {order.ref: order for order in plan.orders}
        self.day = day
        self.staff = staff  # {role: res.users recordset, in login order}
        self.pools = {
            role: WorkerPool([u.login for u in users], start=7 * 60)
            for role, users in staff.items()
            if users
        }
        self.order_ids = {}  # order ref -> sale.order / pos.order id
        self.ref_of_pick = {}  # PICK transfer id -> order ref
        self.pick_ids = set()
        # PICK transfers that went on a cart: the plan's faults are played on
        # their first cart only, not again when what was short comes back
        self.carted = set()
        # PICK transfers a cart gave back to planning, nothing found in them
        self.released = set()
        self.short = {}  # (order ref, product id) -> units found missing
        self.pick_done = {}  # order ref -> simulated end of its last pick
        self.bike_ready = {}  # order ref -> simulated minute the bikes are ready
        self.wall = {}
        self.cpu = {}
        self._open_steps = []  # [wall, CPU] of the inner steps of each open step
        self.results = {
            "receipts": [],
            "picks": [],
            "shipments": [],
            "bikes": [],
            "tickets": [],
            "orders": {"placed": 0, "refused": 0, "lines": 0, "kiosk": 0},
            "baselines": {
                "lines": 0,
                "ours_m": 0.0,
                "name_order_m": 0.0,
                "fcfs_m": 0.0,
            },
            "scans": {
                "wrong_pick": 0,
                "wrong_pick_refused": 0,
                "wrong_pack": 0,
                "wrong_pack_refused": 0,
                "short_pick": 0,
                "backorders": 0,
                "released": 0,
                "carts_cancelled": 0,
                "rereserved": 0,
                "unchanged": True,
            },
            "invariants": {},
            "wall": self.wall,
            "cpu": self.cpu,
        }
        self.oversold = 0.0

    def user(self, role, login):
        return self.staff[role].filtered(lambda u: u.login == login)

    @contextmanager
    def step(self, name):
        """Add the wall and CPU time of the block to step ``name``.

        CPU time is this process's only (PostgreSQL works on another core):
        with wall time it tells a slow step from a busy machine. A step run
        inside another one (the bike workshop while packing) is taken out of
        the outer step, so the steps add up to the day.
        """
        nested = [0.0, 0.0]  # wall, CPU of the steps run inside this one
        self._open_steps.append(nested)
        started, cpu = time.perf_counter(), time.process_time()
        try:
            yield
        finally:
            wall_used = time.perf_counter() - started
            cpu_used = time.process_time() - cpu
            self._open_steps.pop()
            if self._open_steps:
                self._open_steps[-1][0] += wall_used
                self._open_steps[-1][1] += cpu_used
            self.wall[name] = round(self.wall.get(name, 0.0) + wall_used - nested[0], 2)
            self.cpu[name] = round(self.cpu.get(name, 0.0) + cpu_used - nested[1], 2)
