import { registry } from "@web/core/registry";

registry.category("web_tour.tours").add("alltricks_helpdesk_portal_ticket", {
    url: "/new/ticket",
    steps: () => [
        {
            content: "Pick the ordered fork",
            trigger: "select[name=alltricks_sale_line]",
            run: "selectByLabel Fork 150mm",
        },
        {
            content: "Write the subject",
            trigger: "input[name=subject]",
            run: "edit Fork noise on descents",
        },
        {
            content: "Describe the problem",
            trigger: "textarea[name=description]",
            run: "edit It clicks when I brake.",
        },
        {
            content: "Send the ticket",
            trigger: "button[type=submit]:contains(Submit Ticket)",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "The ticket page opens, with its discipline",
            trigger: "#card_header h3:contains(Fork noise on descents)",
        },
        {
            content: "The discipline found from the fork is shown",
            trigger: ".o_alltricks_discipline:contains(MTB)",
        },
    ],
});

registry.category("web_tour.tours").add("alltricks_helpdesk_portal_answer", {
    url: "/my/tickets",
    steps: () => [
        {
            content: "Open the ticket from the list",
            trigger: "a:contains(Fork noise on descents)",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "The expert's answer is visible",
            trigger: "#chatterRoot:shadow .o-mail-Message:contains(Tighten the thru-axle to 15 Nm)",
        },
        {
            content: "The answer is signed by the expert",
            trigger: "#chatterRoot:shadow .o-mail-Message:contains(Bruno Mtb, MTB expert)",
        },
    ],
});
