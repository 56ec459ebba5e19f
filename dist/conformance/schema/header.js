/**
 * The one constructor of trace headers: every producer (explorer, simulations, real-process
 * runs, recorders, third-party harnesses) builds its header here, so the format name and
 * version are written in one place.
 */
import { TRACE_FORMAT, TRACE_VERSION } from './trace.js';
export function traceHeader(protocol, config, producer, description) {
    return {
        type: 'header', format: TRACE_FORMAT, version: TRACE_VERSION, protocol, producer,
        ...(description !== undefined ? { description } : {}),
        config,
    };
}
