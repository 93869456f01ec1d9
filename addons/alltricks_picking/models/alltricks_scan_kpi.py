from odoo import fields, models, tools
from odoo.tools import SQL

ROLES = [("picker", "Picker"), ("packer", "Packer")]


class AlltricksScanKpi(models.Model):
    """Lines scanned and mismatches per picker and per packer.

    A picker's errors are the packing mismatches found on orders he picked; a
    packer's are the mismatches he recorded, a measure of what he catches.
    """

    _name = "alltricks.scan.kpi"
    _description = "Picking and packing quality"
    _auto = False
    _order = "role, error_rate desc"
    # Searching the view flushes these first (else pending writes are missed).
    _depends = {
        "stock.move.line": ["alltricks_picked_by", "alltricks_packed_by", "company_id"],
        "alltricks.pack.mismatch": ["picker_id", "packer_id", "company_id"],
    }

    role = fields.Selection(ROLES, readonly=True)
    user_id = fields.Many2one("res.users", string="User", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    line_count = fields.Integer(string="Lines", readonly=True)
    error_count = fields.Integer(string="Errors", readonly=True)
    error_rate = fields.Float(
        string="Error rate (%)", digits=(5, 2), readonly=True, aggregator=False
    )

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(
            SQL(
                """
            CREATE VIEW %s AS (
            WITH work AS (
                SELECT 'picker' AS role, alltricks_picked_by AS user_id,
                       company_id, count(*) AS line_count
                  FROM stock_move_line
                 WHERE alltricks_picked_by IS NOT NULL
                 GROUP BY alltricks_picked_by, company_id
                UNION ALL
                SELECT 'packer', alltricks_packed_by, company_id, count(*)
                  FROM stock_move_line
                 WHERE alltricks_packed_by IS NOT NULL
                 GROUP BY alltricks_packed_by, company_id
            ), errors AS (
                SELECT 'picker' AS role, picker_id AS user_id, company_id,
                       count(*) AS error_count
                  FROM alltricks_pack_mismatch
                 WHERE picker_id IS NOT NULL
                 GROUP BY picker_id, company_id
                UNION ALL
                SELECT 'packer', packer_id, company_id, count(*)
                  FROM alltricks_pack_mismatch
                 WHERE packer_id IS NOT NULL
                 GROUP BY packer_id, company_id
            )
            SELECT row_number() OVER (ORDER BY w.role, w.user_id, w.company_id)
                       AS id,
                   w.role, w.user_id, w.company_id, w.line_count,
                   COALESCE(e.error_count, 0) AS error_count,
                   COALESCE(e.error_count, 0) * 100.0 / w.line_count AS error_rate
              FROM work w
              LEFT JOIN errors e
                ON e.role = w.role AND e.user_id = w.user_id
               AND e.company_id = w.company_id
            )
            """,
                SQL.identifier(self._table),
            )
        )
