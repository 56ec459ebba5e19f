import type { Tick } from './types.ts';
export interface SessionTrackerInput {
    /** Session timeout in ticks (sessionTimeout / tickTime). */
    timeout: number;
}
export interface OpenSession {
    created: Tick;
    lastHeard: Tick;
    ephemerals: string[];
}
export interface SessionTrackerContext {
    timeout: number;
    now: Tick;
    open: Record<string, OpenSession>;
    /** Ephemeral znodes present in the data tree. */
    tree: string[];
    expired: Record<string, {
        at: Tick;
        lastHeard: Tick;
    }>;
    /** Ghost: when each client last created or heartbeated its session, as the client saw it. */
    clientHeard: Record<string, Tick>;
}
export type SessionEvent = {
    type: 'tick';
    now: Tick;
} | {
    type: 'create';
    session: string;
    ephemeral: string;
} | {
    type: 'heartbeat';
    session: string;
};
/** Sessions whose last heartbeat is at least `timeout` ticks before `now`. */
export declare const dueSessions: (c: SessionTrackerContext, now: Tick, timeout: number) => string[];
/** The context update that expires `due` (deleting their ephemerals when `deleteEphemerals`). */
export declare function expireSessions(c: SessionTrackerContext, due: string[], deleteEphemerals: boolean): Partial<SessionTrackerContext>;
export declare const sessionTrackerMachine: import("xstate").StateMachine<SessionTrackerContext, {
    type: 'tick';
    now: Tick;
} | {
    type: 'create';
    session: string;
    ephemeral: string;
} | {
    type: 'heartbeat';
    session: string;
}, {}, never, {
    type: "advanceClock";
    params: import("xstate").NonReducibleUnknown;
} | {
    type: "createSession";
    params: import("xstate").NonReducibleUnknown;
} | {
    type: "expireDue";
    params: import("xstate").NonReducibleUnknown;
} | {
    type: "heartbeat";
    params: import("xstate").NonReducibleUnknown;
} | {
    type: "noteClient";
    params: import("xstate").NonReducibleUnknown;
} | {
    type: "traceHeartbeat";
    params: import("xstate").NonReducibleUnknown;
}, {
    type: "isNew";
    params: unknown;
} | {
    type: "isOpen";
    params: unknown;
}, never, "tracking", string, SessionTrackerInput, import("xstate").NonReducibleUnknown, {
    type: 'role';
    role: 'looking' | 'following' | 'leading';
    epoch: import("./types.ts").Epoch;
    leader: import("./types.ts").ServerId | null;
    zxid: number;
} | {
    type: 'suspect';
    peer: import("./types.ts").ServerId;
    tick: Tick;
} | {
    type: 'session';
    session: string;
    action: 'create' | 'heartbeat' | 'expire' | 'close';
    ephemerals?: string[];
}, import("xstate").MetaObject, {
    id: "cluster-session-tracker";
    states: {
        readonly tracking: {};
    };
}, import("xstate").MetaObject>;
