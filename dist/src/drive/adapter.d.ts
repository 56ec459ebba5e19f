/**
 * The adapter contract between the driver and an implementation under test. The driver
 * resets the implementation to a configuration, steps one node at a time with a received
 * message or an environment event, and observes that node's abstract state, which it
 * compares with the model's. Bindings: in-process (./in-process.ts) and JSON lines over
 * stdin/stdout (./stdio.ts, documented in docs/drive-protocol.md).
 */
export type Message = {
    type: string;
} & Record<string, unknown>;
export type DriveInput = {
    kind: 'receive';
    from: string;
    msg: Message;
} | {
    kind: 'event';
    event: Message;
};
/** What a node did in one step: `{type: 'send', to, msg}`, `{type: 'decide', value}`, ... */
export type DriveOutput = {
    type: string;
} & Record<string, unknown>;
/** One node: its id, role, and the role's configuration (the model actor's input). */
export interface NodeSpec {
    id: string;
    role: string;
    input: unknown;
}
export interface DriveConfig {
    protocol: string;
    nodes: NodeSpec[];
}
export interface Adapter {
    readonly name: string;
    /** Discards all state and builds the nodes of `config` in their initial states. */
    reset(config: DriveConfig): Promise<void>;
    /** Hands one input to one node; returns what it emitted. */
    step(node: string, input: DriveInput): Promise<DriveOutput[]>;
    /** The node's abstract state, or undefined when the implementation does not expose it. */
    observe(node: string): Promise<unknown>;
    /** The node crashed and restarts from its stable storage. */
    restart(node: string): Promise<void>;
    close(): Promise<void>;
}
/** An adapter whose implementation broke the protocol (bad reply, crash): not a divergence, a failure. */
export declare class AdapterError extends Error {
    constructor(message: string);
}
