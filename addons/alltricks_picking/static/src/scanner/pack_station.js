import { Component, useState } from "@odoo/owl";
import { _t } from "@web/core/l10n/translation";
import { registry } from "@web/core/registry";
import { useService } from "@web/core/utils/hooks";
import { useSetupAction } from "@web/search/action_hook";
import { standardActionServiceProps } from "@web/webclient/actions/action_service";
import { callOrRefuse, takeInputCode, useScanner } from "./scan_hooks";

const PICKING = "stock.picking";

/**
 * Packing station: scan the cart's pick list, then a tote of it (or a transfer
 * / order), then every unit again. Tote labels repeat on every cart: the cart
 * stays selected for its next totes until another cart is scanned or the
 * packer leaves the screen (coming back from the delivery slip keeps it). The
 * server refuses the picker as packer, logs every difference and validates
 * only when every unit matches; a wrong or extra item blocks until the packer
 * confirms it is set aside.
 */
export class PackStation extends Component {
    static template = "alltricks_picking.PackStation";
    static props = { ...standardActionServiceProps };

    setup() {
        this.orm = useService("orm");
        this.action = useService("action");
        // back from the delivery slip (breadcrumb): the cart is still selected
        const saved = this.props.state || {};
        this.state = useState({
            cart: saved.cart || null,
            pack: null,
            message: saved.message || "",
            ok: saved.ok ?? true,
            code: "",
        });
        useSetupAction({
            getLocalState: () => ({
                cart: this.state.cart,
                message: this.state.message,
                ok: this.state.ok,
            }),
        });
        useScanner((code) => this.scan(code));
    }

    get openMismatches() {
        return (this.state.pack && this.state.pack.open_mismatches) || [];
    }

    get hint() {
        if (!this.state.pack && this.state.cart) {
            return _t("Scan a tote of cart %s, or another cart's pick list.", this.state.cart.name);
        }
        if (!this.state.pack) {
            return _t("Scan the cart's pick list (barcode at the top), a tote, a transfer or an order.");
        }
        if (this.openMismatches.length) {
            return _t("Take the wrong or extra item out of the tote, then press Set aside.");
        }
        if (this.state.pack.complete) {
            return _t("Every unit matches: press Done.");
        }
        return _t("Scan every unit of the tote.");
    }

    say(ok, message) {
        this.state.ok = ok;
        this.state.message = message;
    }

    async scan(code) {
        code = (code || "").trim();
        if (!code) {
            return;
        }
        if (!this.state.pack) {
            return this.open(code);
        }
        await this.call("alltricks_pack_scan", [code]);
    }

    /** A cart's pick list selects the cart; a tote, transfer or order opens it. */
    async open(code) {
        const cartId = this.state.cart ? this.state.cart.id : false;
        const args = [code, cartId];
        const res = await callOrRefuse(this.orm, PICKING, "alltricks_pack_open", args);
        if (res.error) {
            // a refused scan keeps the cart selected
            return this.say(false, res.error);
        }
        if (res.value.cart) {
            this.state.cart = res.value.cart;
            return this.say(true, res.value.message);
        }
        this.state.pack = res.value;
        this.say(true, _t("%s: scan every unit.", res.value.name));
    }

    async call(method, args) {
        const pack = this.state.pack;
        const res = await callOrRefuse(this.orm, PICKING, method, [[pack.id], ...args]);
        if (res.error) {
            this.say(false, res.error);
            return null;
        }
        const result = res.value;
        if (result.state && typeof result.state === "object") {
            this.state.pack = result.state;
        }
        this.say(result.ok, result.message || "");
        return result;
    }

    onInputKey(ev) {
        if (ev.key === "Enter") {
            this.scan(takeInputCode(ev, this.state));
        }
    }

    async done() {
        const name = this.state.pack.name;
        const result = await this.call("alltricks_pack_done", []);
        if (!result || !result.ok) {
            return;
        }
        this.state.pack = null;
        this.say(true, _t("%s validated: delivery slip printed.", name));
        if (result.report) {
            await this.action.doAction(result.report);
        }
    }

    async setAside() {
        await this.call("alltricks_pack_set_aside", []);
    }

    leave() {
        this.state.pack = null;
        this.say(true, "");
    }
}

registry.category("actions").add("alltricks_pack_station", PackStation);
