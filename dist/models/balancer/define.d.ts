export interface Backend {
    id: string;
    weight: number;
}
export type BalancerEvent = {
    type: 'PICK';
    request: string;
    key?: string;
} | {
    type: 'DONE';
    request: string;
} | {
    type: 'MEMBERSHIP';
    backends: Backend[];
};
export interface PickEmitted {
    type: 'pick';
    request: string;
    backend: string;
    candidates?: [string, string];
}
export type BalancerEmitted = PickEmitted | {
    type: 'rejected';
    request: string;
};
export interface BalancerInput {
    backends: Backend[];
    seed?: number;
}
/** One context for all policies; each reads the fields it needs. */
export interface BalancerContext {
    backends: Backend[];
    /** Round robin: index of the next backend; least connections: where the tie scan starts. */
    cursor: number;
    /** PRNG state (mulberry32), so random choices are deterministic and explorable. */
    rng: number;
    /** Smooth WRR: current score per backend, parallel to `backends`. */
    current: number[];
    /** In-flight requests per backend, and which backend each open request went to. */
    inflight: Record<string, number>;
    open: Record<string, string>;
    lastPick: PickEmitted | null;
}
export interface Choice {
    backend: string;
    candidates?: [string, string];
    patch?: Partial<BalancerContext>;
}
export interface PolicySpec {
    id: string;
    description: string;
    /** Name of the choosing action, e.g. 'advanceCursor'. */
    chooseAction: string;
    choose(context: BalancerContext, event: {
        request: string;
        key?: string;
    }): Choice;
    /** What a membership change does beyond replacing the backends. */
    onMembership?(context: BalancerContext, next: Backend[]): Partial<BalancerContext>;
    /** Whether the policy counts in-flight requests. */
    tracksLoad?: boolean;
}
export declare function defineBalancer(spec: PolicySpec): import("xstate").StateMachine<BalancerContext, {
    type: 'PICK';
    request: string;
    key?: string;
} | {
    type: 'DONE';
    request: string;
} | {
    type: 'MEMBERSHIP';
    backends: Backend[];
}, {}, never, {
    type: string;
    params: unknown;
}, {
    type: "bringsBackends";
    params: unknown;
} | {
    type: "leavesNoBackends";
    params: unknown;
} | {
    type: "noBackends";
    params: unknown;
}, never, "empty" | "serving", string, BalancerInput, import("xstate").NonReducibleUnknown, PickEmitted | {
    type: 'rejected';
    request: string;
}, import("xstate").MetaObject, {
    id: string;
    states: {
        readonly serving: {};
        readonly empty: {};
    };
}, import("xstate").MetaObject>;
export type BalancerMachine = ReturnType<typeof defineBalancer>;
