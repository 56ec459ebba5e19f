/**
 * The adapter contract between the driver and an implementation under test. The driver
 * resets the implementation to a configuration, steps one node at a time with a received
 * message or an environment event, and observes that node's abstract state, which it
 * compares with the model's. Bindings: in-process (./in-process.ts) and JSON lines over
 * stdin/stdout (./stdio.ts, documented in docs/drive-protocol.md).
 */
/** An adapter whose implementation broke the protocol (bad reply, crash): not a divergence, a failure. */
export class AdapterError extends Error {
    constructor(message) {
        super(message);
        this.name = 'AdapterError';
    }
}
