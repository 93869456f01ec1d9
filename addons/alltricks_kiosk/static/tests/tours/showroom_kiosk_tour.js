import { registry } from "@web/core/registry";
import * as Utils from "@pos_self_order/../tests/tours/utils/common";
import * as CartPage from "@pos_self_order/../tests/tours/utils/cart_page_util";
import * as ConfirmationPage from "@pos_self_order/../tests/tours/utils/confirmation_page_util";
import { scan_barcode } from "@point_of_sale/../tests/generic_helpers/utils";

registry.category("web_tour.tours").add("alltricks_kiosk_scan_and_order", {
    steps: () => [
        Utils.clickBtn("Order Now"),
        {
            content: "The item shows its stock, floor and bins, brought to the counter",
            trigger: ".o_self_product_box:contains('Showroom Gravel Bike') .o_alltricks_kiosk_qty:contains('2 in stock, brought to the counter')",
        },
        {
            content: "An item not put away is not offered",
            trigger: "body:not(:has(.o_self_product_box:contains('Unshelved Helmet')))",
        },
        ...scan_barcode("3700000000017"),
        CartPage.checkProduct("Showroom Gravel Bike", "150.00", "1"),
        Utils.clickBtn("Order"),
        ConfirmationPage.orderNumberShown(),
        {
            content: "The visitor is told when the order will be ready",
            trigger: ".o_alltricks_ready_in:contains('4 minutes')",
        },
        {
            content: "The visitor is asked to pay at the counter",
            trigger: ".confirmation-page:contains('at the counter')",
        },
        Utils.clickBtn("Close"),
    ],
});
