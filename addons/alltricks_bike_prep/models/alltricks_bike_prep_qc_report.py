from odoo import fields, models, tools
from odoo.tools import SQL


class AlltricksBikePrepQcReport(models.Model):
    """Bikes finished, checked and failed, per mechanic."""

    _name = "alltricks.bike.prep.qc.report"
    _description = "Workshop quality per mechanic"
    _auto = False
    _order = "failure_rate desc, mechanic_id"

    mechanic_id = fields.Many2one("res.users", string="Mechanic", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    bike_count = fields.Integer(string="Bikes", readonly=True)
    checked_count = fields.Integer(string="Checked", readonly=True)
    failed_count = fields.Integer(string="Failed", readonly=True)
    failure_rate = fields.Float(
        string="Failure rate (%)",
        readonly=True,
        aggregator=False,
        help="Bikes that failed a check, out of the bikes checked.",
    )

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(
            SQL(
                """
            CREATE VIEW %s AS (
                SELECT
                    row_number() OVER (ORDER BY wo.company_id, wo.user_id) AS id,
                    wo.user_id AS mechanic_id,
                    wo.company_id,
                    count(*) AS bike_count,
                    count(*) FILTER (WHERE qc.checks > 0) AS checked_count,
                    count(*) FILTER (WHERE qc.failures > 0) AS failed_count,
                    round(
                        100.0 * count(*) FILTER (WHERE qc.failures > 0)
                        / NULLIF(count(*) FILTER (WHERE qc.checks > 0), 0),
                        2
                    ) AS failure_rate
                FROM alltricks_bike_prep wo
                LEFT JOIN LATERAL (
                    SELECT
                        count(*) AS checks,
                        count(*) FILTER (WHERE c.result = 'failed') AS failures
                    FROM alltricks_bike_prep_qc c
                    WHERE c.work_order_id = wo.id
                ) qc ON TRUE
                WHERE wo.qc_bike_number > 0 AND wo.user_id IS NOT NULL
                GROUP BY wo.company_id, wo.user_id
            )
            """,
                SQL.identifier(self._table),
            )
        )
