import { registry } from "@web/core/registry";

// A customer puts a full-suspension bike in the cart and gives the rider weight.
registry.category("web_tour.tours").add("alltricks_bike_prep_shop_rider_weight", {
    url: "/shop",
    steps: () => [
        {
            content: "Open the bike page",
            trigger: "a:contains('Tour Enduro 29')",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "Add the bike to the cart",
            trigger: "#product_detail form #add_to_cart",
            run: "click",
        },
        {
            content: "Go to the cart",
            trigger: "a sup.my_cart_quantity:text(1)",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "Type the rider weight",
            trigger: "form.o_alltricks_rider_weight input[name=rider_weight]",
            run: "edit 70",
        },
        {
            content: "Save it",
            trigger: "form.o_alltricks_rider_weight button[type=submit]",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "The cart shows the weight saved",
            trigger: "form.o_alltricks_rider_weight input[name=rider_weight][value='70.0']",
        },
    ],
});

// The mechanic prepares the bike in the web client: start, checklist, frame ID, done.
const REQUIRED_STEPS = 12; // mtb_full checklist: 9 legal + 3 workshop steps
const GEARS_ROW = 2; // the only legal step the checklist lets be not applicable

function notApplicableSteps(line) {
    return [
        {
            content: "Brakes offer no N/A",
            trigger:
                "div[name=step_ids] tr.o_data_row:nth-child(1)" +
                ":not(:has(button[name=action_mark_not_applicable]))",
        },
        {
            content: "Say why the gears do not apply",
            trigger: `${line} td[name=na_reason]`,
            run: "click",
        },
        {
            content: "Type the reason",
            trigger: `${line} div[name=na_reason] input`,
            run: "edit Single-speed: no gears",
        },
        {
            content: "Mark the gears not applicable",
            trigger: `${line} button[name=action_mark_not_applicable]`,
            run: "click",
        },
        {
            content: "The gears are not applicable",
            trigger: `${line} button[name=action_reopen]`,
        },
    ];
}

function checklistSteps() {
    const steps = [];
    for (let row = 1; row <= REQUIRED_STEPS; row++) {
        const line = `div[name=step_ids] tr.o_data_row:nth-child(${row})`;
        if (row === GEARS_ROW) {
            steps.push(...notApplicableSteps(line));
            continue;
        }
        steps.push(
            {
                content: `Tick checklist step ${row}`,
                trigger: `${line} button[name=action_mark_done]`,
                run: "click",
            },
            {
                content: `Step ${row} is done`,
                trigger: `${line} button[name=action_reopen]`,
            }
        );
    }
    return steps;
}

registry.category("web_tour.tours").add("alltricks_bike_prep_mechanic", {
    steps: () => [
        {
            content: "Start the work order",
            trigger: ".o_form_view button[name=action_start]",
            run: "click",
        },
        {
            content: "The work order is in progress",
            trigger: ".o_statusbar_status button[data-value=in_progress][aria-checked=true]",
        },
        {
            content: "Type the frame marking ID",
            trigger: "div[name=frame_marking] input",
            run: "edit TOUR123456",
        },
        {
            content: "Open the suspension tab",
            trigger: ".o_notebook a.nav-link:contains('Suspension')",
            run: "click",
        },
        {
            content: "Suspension values come from the table",
            trigger: "div[name=suspension_ids] td:contains('TourFork 160')",
        },
        {
            content: "Back to the checklist",
            trigger: ".o_notebook a.nav-link:contains('Checklist')",
            run: "click",
        },
        ...checklistSteps(),
        {
            content: "Mark the work order done",
            trigger: ".o_form_view button[name=action_done]",
            run: "click",
        },
        {
            content: "The work order is done",
            trigger: ".o_statusbar_status button[data-value=done][aria-checked=true]",
        },
    ],
});
