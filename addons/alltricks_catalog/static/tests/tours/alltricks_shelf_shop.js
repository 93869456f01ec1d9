import { registry } from "@web/core/registry";
import * as tourUtils from "@website_sale/js/tours/tour_utils";

const PRODUCT = "Zefal Pulse bottle cage";

registry.category("web_tour.tours").add("alltricks_shelf_not_in_shop", {
    url: "/shop",
    steps: () => [
        ...tourUtils.searchProduct(PRODUCT),
        {
            content: "A product waiting in WH/Input is not on sale",
            trigger: "#products_grid h3:contains('No results')",
        },
    ],
});

registry.category("web_tour.tours").add("alltricks_shelf_buy_last_unit", {
    url: "/shop",
    steps: () => [
        ...tourUtils.searchProduct(PRODUCT, { select: true }),
        {
            content: "The page promises a delivery date",
            trigger: ".o_alltricks_delivery_promise:contains('delivered')",
        },
        {
            content: "Add the last unit to the cart",
            trigger: "#product_detail form #add_to_cart",
            run: "click",
        },
        tourUtils.goToCart(),
        {
            content: "The cart promises a delivery date too",
            trigger: "#shop_cart .o_alltricks_delivery_promise:contains('delivered')",
        },
        tourUtils.goToCheckout(),
        tourUtils.confirmOrder(),
        ...tourUtils.payWithDemo(),
    ],
});
