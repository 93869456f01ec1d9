from odoo.exceptions import UserError, ValidationError
from odoo.fields import Command
from odoo.tests import tagged
from odoo.tests.common import TransactionCase, new_test_user

PIXEL = (
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGA"
    "WjR9awAAAABJRU5ErkJggg=="
)


@tagged("post_install", "-at_install")
class TestSheetWorkflow(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.tyres = cls.env["product.category"].create({"name": "Tyres"})
        cls.road_tyres = cls.env["product.category"].create(
            {"name": "Road tyres", "parent_id": cls.tyres.id}
        )
        cls.rule = cls.env["alltricks.sheet.rule"].create(
            {
                "category_id": cls.tyres.id,
                "title_min_length": 15,
                "title_requires_brand": True,
                "image_required": True,
                "weight_verified_required": True,
                "required_attribute_names": "Wheel size",
                "threshold": 80,
            }
        )
        cls.brand = cls.env["product.brand"].create({"name": "Schwalbe"})
        cls.wheel_size = cls.env["product.attribute"].create(
            {"name": "Wheel size", "value_ids": [Command.create({"name": "700c"})]}
        )
        groups = "alltricks_catalog.group_sheet_editor"
        cls.author = new_test_user(cls.env, "sheet_author", groups=groups)
        cls.reviewer = new_test_user(cls.env, "sheet_reviewer", groups=groups)

    def _complete_values(self):
        return {
            "name": "Schwalbe Marathon Plus 700x35",
            "categ_id": self.road_tyres.id,
            "product_brand_id": self.brand.id,
            "image_1920": PIXEL,
            "weight": 0.92,
            "weight_verified": True,
            "attribute_line_ids": [
                Command.create(
                    {
                        "attribute_id": self.wheel_size.id,
                        "value_ids": [Command.set(self.wheel_size.value_ids.ids)],
                    }
                )
            ],
        }

    def _submitted(self, **values):
        template = (
            self.env["product.template"]
            .with_user(self.author)
            .create({**self._complete_values(), **values})
        )
        template.action_sheet_submit()
        return template

    def test_missing_items_follow_the_rule_of_the_parent_category(self):
        template = self.env["product.template"].create(
            {"name": "Tyre", "categ_id": self.road_tyres.id}
        )
        self.assertEqual(template.sheet_rule_id, self.rule)
        self.assertEqual(
            self.rule._get_missing_items(template),
            [
                "Title of at least 15 characters",
                "Brand name in the title",
                "At least one image",
                "Verified weight",
                "Attribute Wheel size",
            ],
        )
        self.assertEqual(template.sheet_score, 0)
        self.assertIn("<li>Verified weight</li>", template.sheet_missing)

    def test_complete_sheet_scores_one_hundred(self):
        template = self.env["product.template"].create(self._complete_values())
        self.assertEqual(template.sheet_score, 100)
        self.assertFalse(template.sheet_missing)

    def test_submit_records_the_author(self):
        template = self._submitted()
        self.assertEqual(template.sheet_state, "review")
        self.assertEqual(template.sheet_author_id, self.author)

    def test_editor_cannot_validate_own_sheet(self):
        template = self._submitted()
        with self.assertRaises(UserError):
            template.with_user(self.author).action_sheet_validate()
        self.assertEqual(template.sheet_state, "review")

    def test_author_cannot_erase_authorship_or_skip_submit(self):
        template = self._submitted().with_user(self.author)
        with self.assertRaisesRegex(UserError, "Use Submit for review"):
            template.write({"sheet_author_id": False})
        draft = (
            self.env["product.template"]
            .with_user(self.author)
            .create(self._complete_values())
        )
        with self.assertRaisesRegex(UserError, "Use Submit for review"):
            draft.write({"sheet_state": "review"})
        self.assertEqual(template.sheet_author_id, self.author)
        self.assertEqual(draft.sheet_state, "draft")

    def _flush_tracking(self):
        # Tracking values are written just before commit; records created in the
        # same transaction are not tracked until then.
        self.env.flush_all()
        self.env.cr.precommit.run()

    def test_another_editor_validates_and_the_change_is_tracked(self):
        template = (
            self.env["product.template"]
            .with_user(self.author)
            .create(self._complete_values())
        )
        self._flush_tracking()
        template.action_sheet_submit()
        self._flush_tracking()
        template.with_user(self.reviewer).action_sheet_validate()
        self._flush_tracking()

        self.assertEqual(template.sheet_state, "validated")
        self.assertFalse(template.allow_out_of_stock_order)
        tracked = template.sudo().message_ids.tracking_value_ids.filtered(
            lambda value: value.field_id.name == "sheet_state"
        )
        self.assertEqual(
            sorted(tracked.mapped("new_value_char")), ["In review", "Validated"]
        )

    def test_validation_refused_below_threshold(self):
        template = self._submitted(weight_verified=False, image_1920=False)
        self.assertEqual(template.sheet_score, 60)
        with self.assertRaises(UserError):
            template.with_user(self.reviewer).action_sheet_validate()
        self.assertEqual(template.sheet_state, "review")

    def test_writing_validated_state_runs_the_same_checks(self):
        template = self._submitted()
        with self.assertRaises(UserError):
            template.with_user(self.author).write({"sheet_state": "validated"})

    def test_import_context_validates_directly(self):
        template = (
            self.env["product.template"]
            .with_context(alltricks_catalog_import=True)
            .create({"name": "AW Road tyre", "sheet_state": "validated"})
        )
        self.assertEqual(template.sheet_state, "validated")

    def test_draft_sheet_cannot_be_published(self):
        template = self.env["product.template"].create(self._complete_values())
        with self.assertRaises(ValidationError):
            template.is_published = True

    def test_back_to_draft_unpublishes(self):
        template = self._submitted(is_storable=True, type="consu")
        template.with_user(self.reviewer).action_sheet_validate()
        self.env["stock.quant"]._update_available_quantity(
            template.product_variant_id,
            self.env["stock.location"].create(
                {
                    "name": "A-02-02-1-1",
                    "location_id": self.env.ref("stock.stock_location_stock").id,
                    "slot_rack_type": "shelf",
                }
            ),
            2,
        )
        self.env.cr.flush()  # as COMMIT does: the publication sync runs
        self.assertTrue(template.is_published)
        template.with_user(self.reviewer).action_sheet_reset()
        self.assertFalse(template.is_published)
        self.assertEqual(template.sheet_state, "draft")

    def test_forged_context_keys_do_not_let_an_editor_validate_alone(self):
        template = self._submitted().with_user(self.author)
        forged = template.with_context(
            alltricks_sheet_checked=True, alltricks_catalog_import=True
        )
        with self.assertRaises(UserError) as refusal:
            forged.write({"sheet_state": "validated"})
        self.assertIn("ask another editor", str(refusal.exception))
        with self.assertRaises(UserError) as refusal:
            forged.write({"sheet_author_id": self.reviewer.id})
        self.assertIn("Use Submit for review", str(refusal.exception))
        self.assertEqual(template.sheet_state, "review")
        self.assertEqual(template.sheet_author_id, self.author)

    def test_a_sheet_is_created_as_a_draft_by_editors(self):
        Template = self.env["product.template"].with_user(self.author)
        # another author named at creation would let the author validate it
        for values in (
            {"sheet_state": "review", "sheet_author_id": self.reviewer.id},
            {"sheet_state": "validated"},
        ):
            with self.subTest(values=values):
                with self.assertRaises(UserError) as refusal:
                    Template.with_context(alltricks_catalog_import=True).create(
                        {**self._complete_values(), **values}
                    )
                self.assertIn("as a draft sheet", str(refusal.exception))
        self.assertFalse(
            self.env["product.template"].search(
                [("name", "=", self._complete_values()["name"])]
            )
        )

    def test_catalog_manager_imports_validated_sheets(self):
        manager = new_test_user(
            self.env, "sheet_manager", groups="alltricks_catalog.group_catalog_manager"
        )
        template = (
            self.env["product.template"]
            .with_user(manager)
            .with_context(alltricks_catalog_import=True)
            .create({**self._complete_values(), "sheet_state": "validated"})
        )
        self.assertEqual(template.sheet_state, "validated")

    def test_validated_sheet_keeps_its_completeness(self):
        template = self._submitted()
        template.with_user(self.reviewer).action_sheet_validate()
        editor = template.with_user(self.author)
        editor.write({"name": "Schwalbe Marathon Plus 700x38"})  # still complete
        with self.assertRaises(UserError) as refusal:
            editor.write({"image_1920": False, "weight_verified": False})
        self.assertIn("Reset to draft", str(refusal.exception))
        self.assertTrue(template.image_1920)
        self.assertTrue(template.weight_verified)
        self.assertEqual(template.sheet_state, "validated")

        editor.action_sheet_reset()
        editor.write({"image_1920": False})
        self.assertEqual(template.sheet_score, 80)
        self.assertEqual(template.sheet_state, "draft")

    def test_hand_publication_needs_shelf_stock(self):
        template = self._submitted(is_storable=True, type="consu")
        template.with_user(self.reviewer).action_sheet_validate()
        self.assertFalse(template.is_published)
        with self.assertRaises(UserError) as refusal:
            template.with_user(self.reviewer).write({"is_published": True})
        self.assertIn("no stock on a shelf bin", str(refusal.exception))
        self.assertFalse(template.is_published)

        bin_location = self.env["stock.location"].create(
            {
                "name": "A-03-01-1-1",
                "location_id": self.env.ref("stock.stock_location_stock").id,
                "slot_rack_type": "shelf",
            }
        )
        self.env["stock.quant"]._update_available_quantity(
            template.product_variant_id, bin_location, 1
        )
        self.env.cr.flush()  # the publication sync publishes it
        self.assertTrue(template.is_published)
        template.with_user(self.reviewer).write({"is_published": False})
        template.with_user(self.reviewer).write({"is_published": True})
        self.assertTrue(template.is_published)

    def test_sheet_imported_below_its_rule_can_still_be_edited(self):
        # imported validated without an image: 80 % for a threshold of 80
        template = (
            self.env["product.template"]
            .with_context(alltricks_catalog_import=True)
            .create(
                {
                    **self._complete_values(),
                    "image_1920": False,
                    "sheet_state": "validated",
                }
            )
        )
        self.rule.threshold = 100
        editor = template.with_user(self.author)
        editor.write({"weight": 0.95, "name": "Schwalbe Marathon Plus 700x38"})
        self.assertEqual(template.sheet_score, 80)
        with self.assertRaises(UserError) as refusal:
            editor.write({"weight_verified": False})
        self.assertIn("60% complete", str(refusal.exception))
        self.assertTrue(template.weight_verified)

    def test_a_weight_is_positive_to_count_as_verified(self):
        template = self.env["product.template"].create(
            {**self._complete_values(), "weight": 0.0}
        )
        self.assertIn("Verified weight", template.sheet_missing)
        with self.assertRaises(ValidationError) as refusal:
            template.with_user(self.author).write({"weight": -5})
        self.assertIn("cannot be negative", str(refusal.exception))
        self.assertEqual(template.weight, 0.0)
