from odoo.exceptions import UserError
from odoo.tests import tagged
from odoo.tests.common import TransactionCase

from .common import HelpdeskFixture


@tagged("post_install", "-at_install")
class TestAfterSales(HelpdeskFixture, TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_helpdesk()
        cls.line = cls.order_alice.order_line
        warehouse = cls.order_alice.warehouse_id
        cls.env["stock.quant"]._update_available_quantity(
            cls.fork, warehouse.lot_stock_id, 3
        )
        cls.delivery = cls.order_alice.picking_ids
        cls.delivery.action_assign()
        cls.delivery.move_ids.write({"quantity": 1, "picked": True})
        cls.delivery._action_done()
        cls.ticket = cls._create_ticket(
            cls.portal_alice.partner_id,
            alltricks_request_type="defect",
            alltricks_sale_line_id=cls.line.id,
        ).with_user(cls.tech)

    def setUp(self):
        super().setUp()
        # Read everything again as the technician, with their access rights.
        self.env.invalidate_all()

    def test_defect_ticket_links_order_product_and_brand(self):
        self.assertEqual(self.ticket.user_id, self.tech)
        self.assertEqual(self.ticket.alltricks_sale_order_id, self.order_alice)
        self.assertEqual(self.ticket.alltricks_product_id, self.fork)
        self.assertEqual(self.ticket.alltricks_brand_id, self.brand)

    def test_return_reverses_the_delivered_picking(self):
        self.ticket.action_alltricks_create_return()

        back = self.ticket.alltricks_return_picking_id
        self.assertEqual(
            back.picking_type_id, self.delivery.picking_type_id.return_picking_type_id
        )
        self.assertEqual(back.move_ids.product_id, self.fork)
        self.assertEqual(back.move_ids.product_uom_qty, 1.0)
        self.assertEqual(back.move_ids.origin_returned_move_id, self.delivery.move_ids)

    def test_second_return_is_refused(self):
        self.ticket.action_alltricks_create_return()

        with self.assertRaisesRegex(UserError, "already has return"):
            self.ticket.action_alltricks_create_return()

    def test_advice_ticket_cannot_create_a_return(self):
        self.ticket.alltricks_request_type = "advice"

        with self.assertRaisesRegex(UserError, "not a warranty or defect"):
            self.ticket.action_alltricks_create_return()

    def test_repair_under_warranty_when_brand_accepts(self):
        self.ticket.write(
            {"alltricks_brand_decision": "accepted", "alltricks_brand_note": "OK"}
        )

        self.ticket.action_alltricks_create_repair()

        repair = self.ticket.alltricks_repair_id
        self.assertEqual(repair.partner_id, self.portal_alice.partner_id)
        self.assertEqual(repair.product_id, self.fork)
        self.assertTrue(repair.under_warranty)

    def test_refused_warranty_repair_is_billed_by_a_quotation(self):
        self.ticket.alltricks_brand_decision = "refused"
        self.ticket.action_alltricks_create_repair()
        repair = self.ticket.alltricks_repair_id

        repair.action_create_sale_order()

        self.assertFalse(repair.under_warranty)
        self.assertEqual(repair.sale_order_id.partner_id, self.portal_alice.partner_id)

    def test_repair_of_a_service_is_refused_with_nothing_created(self):
        service = self.env["product.product"].create(
            {"name": "Fitting session", "type": "service"}
        )
        self.ticket.alltricks_product_id = service
        repairs = self.env["repair.order"].sudo().search_count([])

        with self.assertRaisesRegex(UserError, "not a physical product"):
            self.ticket.action_alltricks_create_repair()

        self.assertFalse(self.ticket.alltricks_repair_id)
        self.assertEqual(self.env["repair.order"].sudo().search_count([]), repairs)

    def test_support_agent_is_told_who_creates_returns_and_repairs(self):
        ticket = self.ticket.with_user(self.anna)
        message = "Only after-sales technicians create returns and repairs"

        with self.assertRaisesRegex(UserError, message):
            ticket.action_alltricks_create_return()
        with self.assertRaisesRegex(UserError, message):
            ticket.action_alltricks_create_repair()

        self.assertFalse(self.ticket.alltricks_return_picking_id)
        self.assertFalse(self.ticket.alltricks_repair_id)

    def test_repair_link_cannot_be_removed_by_hand(self):
        self.ticket.action_alltricks_create_repair()
        repair = self.ticket.alltricks_repair_id

        with self.assertRaisesRegex(UserError, "Repair: set by Odoo only"):
            self.ticket.write({"alltricks_repair_id": False})

        self.assertEqual(self.ticket.alltricks_repair_id, repair)
