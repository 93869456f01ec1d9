from . import controllers
from . import models
from . import wizards


def post_init_hook(env):
    env["product.template"]._alltricks_unpublish_unvalidated()
    _create_default_sheet_rules(env)


def _create_default_sheet_rules(env):
    """Every company gets its default sheet rule; the main company's keeps the
    external id it had when the rule was a data record."""
    companies = env["res.company"].with_context(active_test=False).search([])
    rules = companies._alltricks_create_default_sheet_rule()
    main_rule = rules.filtered(lambda r: r.company_id == env.ref("base.main_company"))
    if main_rule:
        env["ir.model.data"]._update_xmlids(
            [
                {
                    "xml_id": "alltricks_catalog.alltricks_sheet_rule_default",
                    "record": main_rule,
                    "noupdate": True,
                }
            ]
        )
