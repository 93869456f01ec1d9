from odoo import SUPERUSER_ID, api

CHECKLISTS = ("road", "mtb_full", "hardtail", "ebike", "kids")


def migrate(cr, version):
    """Databases updated from an earlier version: as on a new install, the gears
    step of the shipped checklists (and of the open work orders copied from them)
    may be not applicable; no other legal step may."""
    env = api.Environment(cr, SUPERUSER_ID, {})
    checklists = env["alltricks.bike.checklist"]
    for name in CHECKLISTS:
        checklists |= env.ref(f"alltricks_bike_prep.checklist_{name}", False) or (
            checklists.browse()
        )
    gears = checklists.step_ids.filtered(
        lambda s: s.kind == "legal" and s.name.startswith("Gears:")
    )
    gears.allow_not_applicable = True
    env["alltricks.bike.prep.step"].search(
        [
            ("work_order_id.state", "in", ("draft", "in_progress")),
            ("kind", "=", "legal"),
            ("name", "=like", "Gears:%"),
        ]
    ).allow_not_applicable = True
