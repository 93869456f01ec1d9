import { Component, onWillStart, useState } from "@odoo/owl";
import { _t } from "@web/core/l10n/translation";
import { registry } from "@web/core/registry";
import { useService } from "@web/core/utils/hooks";
import { standardActionServiceProps } from "@web/webclient/actions/action_service";
import { callOrRefuse, takeInputCode, useScanner } from "./scan_hooks";

const BATCH = "stock.picking.batch";

/**
 * Picker screen: take a cart, walk its lines in route order, scan bin,
 * product and tote. Every check and write happens on the server.
 */
export class PickerScreen extends Component {
    static template = "alltricks_picking.PickerScreen";
    static props = { ...standardActionServiceProps };

    setup() {
        this.orm = useService("orm");
        this.state = useState({
            batches: [],
            cart: null,
            lineId: null,
            binOk: false,
            message: "",
            ok: true,
            code: "",
        });
        useScanner((code) => this.scan(code));
        onWillStart(() => this.loadBatches());
    }

    get line() {
        const lines = this.state.cart?.lines || [];
        return lines.find((l) => l.id === this.state.lineId) || null;
    }

    get hint() {
        const line = this.line;
        if (!line) {
            return _t("All lines are done: press Done to validate the cart.");
        }
        if (!this.state.binOk && !line.done) {
            return _t("Go to bin %s and scan it.", line.bin);
        }
        if (!line.done) {
            return _t("Scan %s: %s of %s.", line.product, line.scanned, line.quantity);
        }
        return _t("Put it in tote %s and scan the tote.", line.tote);
    }

    async loadBatches() {
        this.state.batches = await this.orm.call(BATCH, "alltricks_scan_batches", []);
    }

    async take(batchId) {
        const res = await callOrRefuse(this.orm, BATCH, "action_alltricks_scan_take", [
            [batchId],
        ]);
        if (res.error) {
            return this.say(false, res.error);
        }
        this.setCart(res.value);
        this.say(true, _t("Cart %s is yours.", res.value.name));
    }

    setCart(cart) {
        this.state.cart = cart;
        this.goTo(cart.current_id);
    }

    goTo(lineId) {
        this.state.lineId = lineId;
        this.state.binOk = false;
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
        if (!this.state.cart) {
            return this.say(false, _t("Take a cart first."));
        }
        if (!this.line) {
            return this.say(false, _t("Nothing left to pick on this cart."));
        }
        await this.call("alltricks_scan", [this.line.id, code]);
    }

    async call(method, args) {
        const cart = this.state.cart;
        const res = await callOrRefuse(this.orm, BATCH, method, [[cart.id], ...args]);
        if (res.error) {
            return this.say(false, res.error);
        }
        const result = res.value;
        this.say(result.ok, result.message);
        if (result.ok && result.kind === "bin") {
            this.state.binOk = true;
        }
        const wasDone = this.line?.done;
        this.state.cart = result.state;
        // the line's units are in their tote (or none were found): next line
        const toteDone = result.ok && result.kind === "tote" && wasDone;
        if (toteDone || result.kind === "missing") {
            this.goTo(result.state.current_id);
        }
    }

    onInputKey(ev) {
        if (ev.key === "Enter") {
            this.scan(takeInputCode(ev, this.state));
        }
    }

    fill() {
        return this.call("alltricks_scan_fill", [this.line.id]);
    }

    missing() {
        return this.call("alltricks_scan_missing", [this.line.id]);
    }

    async done() {
        const res = await callOrRefuse(this.orm, BATCH, "alltricks_scan_done", [
            [this.state.cart.id],
        ]);
        if (res.error) {
            return this.say(false, res.error);
        }
        const name = this.state.cart.name;
        this.state.cart = null;
        this.goTo(null);
        this.say(true, _t("Cart %s validated: bring it to the packing area.", name));
        await this.loadBatches();
    }
}

registry.category("actions").add("alltricks_picker_screen", PickerScreen);
