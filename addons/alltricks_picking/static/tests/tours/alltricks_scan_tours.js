import { registry } from "@web/core/registry";

const INPUT = ".o_alltricks_scan_input";

function scan(code, expect) {
    return [
        { content: `Scan ${code}`, trigger: INPUT, run: `edit ${code} && press Enter` },
        { content: `Answer to ${code}`, trigger: `.o_alltricks_scan_message:contains(${expect})` },
    ];
}

/**
 * A scanner in "send as string" mode (or a paste): the whole code and Enter
 * arrive before the screen renders again. The input must be empty after it,
 * whether the code was accepted or refused, so the next code is not glued on.
 */
function scanAtOnce(code, expect) {
    return [
        {
            content: `Send ${code} and Enter at once`,
            trigger: INPUT,
            run() {
                const input = this.anchor;
                input.value = code;
                input.dispatchEvent(new InputEvent("input", { bubbles: true }));
                input.dispatchEvent(
                    new KeyboardEvent("keydown", { key: "Enter", bubbles: true })
                );
            },
        },
        { content: `Answer to ${code}`, trigger: `.o_alltricks_scan_message:contains(${expect})` },
        { content: `The input is empty after ${code}`, trigger: `${INPUT}:empty` },
    ];
}

registry.category("web_tour.tours").add("alltricks_picker_screen_tour", {
    steps: () => [
        { content: "Take the cart", trigger: ".o_alltricks_batch", run: "click" },
        { trigger: ".o_alltricks_bin:contains(C-01-05-1-1)" },
        { content: "The card shows the product's reference", trigger: ".o_alltricks_code:contains(PRT-C0105)" },
        ...scan("C-01-05-1-1", "Bin confirmed."),
        ...scanAtOnce("NOPE-1", "Unknown barcode NOPE-1"),
        {
            content: "A look-alike is refused",
            trigger: INPUT,
            run: "edit EAN-LOOK && press Enter",
        },
        {
            trigger:
                ".o_alltricks_scan_message.alert-danger:contains(Wrong item: this is Part A-01-09-1-1 (black))",
        },
        { trigger: ".o_alltricks_qty:contains(0 / 2)" },
        ...scan("EAN-C-01-05-1-1", "1 of 2 picked."),
        { trigger: ".o_alltricks_scan_message.alert-success" },
        ...scanAtOnce("EAN-C-01-05-1-1", "2 of 2 picked."),
        ...scan("TOTE-1", "Tote confirmed."),
        { trigger: ".o_alltricks_bin:contains(A-01-09-1-1)" },
        ...scan("A-01-09-1-1", "Bin confirmed."),
        ...scan("EAN-A-01-09-1-1", "1 of 1 picked."),
        ...scan("TOTE-1", "Tote confirmed."),
        { content: "Validate the cart", trigger: ".o_alltricks_done", run: "click" },
        { trigger: ".o_alltricks_scan_message:contains(validated)" },
    ],
});

// Two validated carts have a TOTE-1: the tote alone is ambiguous, the cart's
// pick list (BATCH/TOUR, the name the test gives it) selects the cart first.
registry.category("web_tour.tours").add("alltricks_pack_station_tour", {
    steps: () => [
        ...scan("TOTE-1", "pick list first (the barcode at the top of the sheet)"),
        ...scan("BATCH/TOUR", "Cart BATCH/TOUR: scan a tote."),
        { trigger: ".o_alltricks_cart:contains(BATCH/TOUR)" },
        ...scanAtOnce("TOTE-2", "Cart BATCH/TOUR has no TOTE-2"),
        { content: "A refused tote keeps the cart", trigger: ".o_alltricks_cart:contains(BATCH/TOUR)" },
        ...scan("TOTE-1", "scan every unit."),
        { content: "Leave the tote", trigger: ".o_alltricks_leave", run: "click" },
        { trigger: ".o_alltricks_hint:contains(Scan a tote of cart BATCH/TOUR)" },
        ...scan("TOTE-1", "scan every unit."),
        { content: "A look-alike in the tote", trigger: INPUT, run: "edit EAN-LOOK && press Enter" },
        {
            trigger:
                ".o_alltricks_scan_message.alert-danger:contains(Wrong item: Part A-01-09-1-1 (black) is not in)",
        },
        { trigger: ".o_alltricks_hint:contains(then press Set aside)" },
        { content: "Take it out: set aside", trigger: ".o_alltricks_set_aside", run: "click" },
        { trigger: ".o_alltricks_scan_message.alert-success:contains(1 unit set aside)" },
        ...scan("EAN-C-01-05-1-1", "1 of 2."),
        ...scan("EAN-A-01-09-1-1", "1 of 1."),
        { content: "Close with a unit missing", trigger: ".o_alltricks_done", run: "click" },
        {
            trigger:
                ".o_alltricks_scan_message.alert-danger:contains(Delivery blocked: 1 unit is missing)",
        },
        { trigger: ".o_alltricks_mismatches:contains(2 mismatch)" },
        ...scan("EAN-C-01-05-1-1", "2 of 2."),
        { trigger: ".o_alltricks_hint:contains(Every unit matches)" },
        { content: "Validate", trigger: ".o_alltricks_done", run: "click" },
        // Wait for the slip itself: a request still running when the tour ends
        // would be served after the test, against a database already rolled back.
        { content: "The delivery slip opens", trigger: ":iframe .page:contains(Part C-01-05-1-1)" },
        {
            content: "Back to the packing screen",
            trigger: ".breadcrumb-item:contains('Pack (scanner)')",
            run: "click",
        },
        { content: "The cart is still selected", trigger: ".o_alltricks_cart:contains(BATCH/TOUR)" },
        { trigger: ".o_alltricks_scan_message:contains(validated: delivery slip printed)" },
        { trigger: ".o_alltricks_hint:contains(Scan a tote of cart BATCH/TOUR)" },
    ],
});
