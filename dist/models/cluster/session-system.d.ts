/**
 * The session system: the leader's session tracker and its clients. The environment may,
 * at any point of any tick, open a session (with one ephemeral node) or heartbeat an open
 * one, and advances time up to `maxTicks`.
 */
import type { AnyStateMachine } from 'xstate';
import type { Property, SystemSpec } from '../../src/explore/spec.ts';
export interface SessionConfig {
    sessions: number;
    /** Session timeout in ticks. */
    timeout: number;
    maxTicks: number;
    tracker?: AnyStateMachine;
    tickTime?: number;
}
export declare function sessionSystem(cfg: SessionConfig): SystemSpec;
export declare function sessionProperties(timeout: number): Property[];
