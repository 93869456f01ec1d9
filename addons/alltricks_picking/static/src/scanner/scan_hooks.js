import { _t } from "@web/core/l10n/translation";
import { ConnectionLostError } from "@web/core/network/rpc";
import { useBus, useService } from "@web/core/utils/hooks";

/**
 * Scans from a keyboard-wedge scanner (barcode service) call ``onScan``;
 * the screens also offer an input for typing a code by hand.
 */
export function useScanner(onScan) {
    const barcode = useService("barcode");
    useBus(barcode.bus, "barcode_scanned", (ev) => onScan(ev.detail.barcode));
}

/** Call a server method; a refusal (UserError) becomes a message, not a dialog. */
export async function callOrRefuse(orm, model, method, args) {
    try {
        return { value: await orm.call(model, method, args) };
    } catch (error) {
        if (error instanceof ConnectionLostError) {
            // nothing reached the server: the same scan can be made again
            return {
                error: _t("No connection to the server: check the Wi-Fi, then scan again."),
            };
        }
        const message = error.data?.message || error.message || String(error);
        return { error: message };
    }
}

/**
 * The code typed or sent into the scan input when Enter is pressed; the input
 * is emptied at once, whatever the server answers next.
 *
 * Read from the element itself, not from the state bound by t-model: a
 * scanner in "send as string" mode (or a paste) sets the code and presses
 * Enter before the screen renders again, so the state goes "" -> code -> ""
 * between two renders, OWL sees no change to patch and the input would keep
 * the code, glued to the next one.
 */
export function takeInputCode(ev, state) {
    const code = ev.target.value;
    ev.target.value = "";
    state.code = "";
    return code;
}
