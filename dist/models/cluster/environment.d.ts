import type { ServerId, Tick } from './types.ts';
export interface EnvironmentInput {
    servers: ServerId[];
    maxTicks: number;
    /** How many pauses a run may contain. */
    pauses: number;
}
export interface EnvironmentContext {
    servers: ServerId[];
    maxTicks: number;
    now: Tick;
    pausesLeft: number;
    paused: ServerId[];
    /** The explorer's fault count (crashes, restarts, cuts, heals, losses, duplicates) at the last advance. */
    faultsSeen: number;
    /** The round in which the last fault (including a pause or resume) happened; 0 = the start. */
    lastFault: Tick;
    /** Crashed servers -> the round in which they crashed. */
    crashedAt: Record<ServerId, Tick>;
}
export type EnvironmentEvent = {
    type: 'advance';
    faults: number;
    crashed: ServerId[];
} | {
    type: 'pause';
    server: ServerId;
} | {
    type: 'resume';
    server: ServerId;
};
export declare const environmentMachine: import("xstate").StateMachine<EnvironmentContext, {
    type: 'advance';
    faults: number;
    crashed: ServerId[];
} | {
    type: 'pause';
    server: ServerId;
} | {
    type: 'resume';
    server: ServerId;
}, {}, never, {
    type: "advanceClock";
    params: import("xstate").NonReducibleUnknown;
} | {
    type: "pauseServer";
    params: import("xstate").NonReducibleUnknown;
} | {
    type: "recordFaults";
    params: import("xstate").NonReducibleUnknown;
} | {
    type: "resumeServer";
    params: import("xstate").NonReducibleUnknown;
}, {
    type: "canPause";
    params: unknown;
} | {
    type: "isPaused";
    params: unknown;
} | {
    type: "timeLeft";
    params: unknown;
}, never, "running", string, EnvironmentInput, import("xstate").NonReducibleUnknown, import("xstate").EventObject, import("xstate").MetaObject, {
    id: "cluster-environment";
    states: {
        readonly running: {};
    };
}, import("xstate").MetaObject>;
