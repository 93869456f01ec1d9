from odoo import Command
from odoo.modules.module import get_module_path, load_script
from odoo.tests import tagged
from odoo.tests.common import TransactionCase
from odoo.tools import file_open


@tagged("post_install", "-at_install")
class TestShowroomData(TransactionCase):
    """The addon's data sets the showroom up on install, without demo data."""

    def test_install_creates_a_kiosk_paid_at_the_counter(self):
        config = self.env.ref("alltricks_kiosk.pos_config_showroom")

        self.assertEqual(config.name, "Showroom kiosk")
        self.assertEqual(config.self_ordering_mode, "kiosk")
        self.assertEqual(config.self_ordering_service_mode, "counter")
        self.assertEqual(config.self_ordering_pay_after, "each")
        self.assertTrue(config.alltricks_showroom)
        self.assertEqual(
            config.payment_method_ids,
            self.env.ref("alltricks_kiosk.pos_payment_method_counter"),
        )
        self.assertFalse(config.payment_method_ids.is_cash_count)

    def test_install_creates_an_express_pick_type_to_the_pickup_location(self):
        config = self.env.ref("alltricks_kiosk.pos_config_showroom")
        pickup = self.env.ref("alltricks_kiosk.stock_location_showroom_pickup")
        express = config.picking_type_id

        self.assertEqual(
            express, self.env.ref("alltricks_kiosk.stock_picking_type_express")
        )
        self.assertTrue(express.alltricks_express)
        self.assertEqual(express.code, "internal")
        self.assertEqual(express.reservation_method, "manual")
        self.assertEqual(
            express.default_location_src_id, config.warehouse_id.lot_stock_id
        )
        self.assertEqual(express.default_location_dest_id, pickup)
        self.assertEqual(pickup.usage, "internal")
        handover = express.alltricks_handover_type_id
        self.assertEqual(handover.code, "outgoing")
        self.assertEqual(handover.default_location_src_id, pickup)
        self.assertEqual(handover.default_location_dest_id.usage, "customer")
        self.assertFalse(pickup.slot_sellable)

    def test_setting_the_showroom_up_again_creates_nothing(self):
        configs = self.env["pos.config"].search_count([])

        self.assertFalse(self.env["pos.config"]._alltricks_setup_showroom())
        self.assertEqual(self.env["pos.config"].search_count([]), configs)


@tagged("post_install", "-at_install")
class TestShowroomImages(TransactionCase):
    """The kiosk shows a bike shop's splash, not pos_self_order's restaurant."""

    def _urls(self, config):
        images = (
            config.self_ordering_image_home_ids
            | config.self_ordering_image_background_ids
        )
        return sorted(images.mapped("url"))

    def test_kiosk_splash_and_background_are_the_showroom_ones(self):
        config = self.env.ref("alltricks_kiosk.pos_config_showroom")

        urls = self._urls(config)

        self.assertEqual(
            urls,
            [
                "/alltricks_kiosk/static/img/showroom_background.svg",
                "/alltricks_kiosk/static/img/showroom_home.svg",
            ],
        )
        for url in urls:
            with file_open(url.removeprefix("/"), "rb") as image:
                self.assertTrue(image.read().startswith(b"<svg"))

    def test_upgrade_replaces_the_restaurant_pictures_only(self):
        config = self.env.ref("alltricks_kiosk.pos_config_showroom")
        food = [
            Command.clear(),
            Command.create(
                {
                    "name": "landing_01.jpg",
                    "type": "url",
                    "url": "/pos_self_order/static/img/landing_01.jpg",
                }
            ),
        ]
        config.write({"self_ordering_image_home_ids": food})
        migration = load_script(
            get_module_path("alltricks_kiosk")
            + "/migrations/19.0.1.3.0/post-migrate.py",
            "alltricks_kiosk_post_migrate_19_0_1_3_0",
        )

        migration.migrate(self.env.cr, "19.0.1.2.4")
        self.assertNotIn(
            "/pos_self_order/static/img/landing_01.jpg", self._urls(config)
        )

        own = [
            Command.clear(),
            Command.create({"name": "ours", "type": "url", "url": "/x.jpg"}),
        ]
        config.write({"self_ordering_image_home_ids": own})
        migration.migrate(self.env.cr, "19.0.1.2.4")
        self.assertIn("/x.jpg", self._urls(config))
