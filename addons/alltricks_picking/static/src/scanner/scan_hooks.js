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
        const message = error.data?.message || error.message || String(error);
        return { error: message };
    }
}
