export declare const hashMachine: import("xstate").StateMachine<import("./define.ts").BalancerContext, {
    type: 'PICK';
    request: string;
    key?: string;
} | {
    type: 'DONE';
    request: string;
} | {
    type: 'MEMBERSHIP';
    backends: import("./define.ts").Backend[];
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
}, never, "empty" | "serving", string, import("./define.ts").BalancerInput, import("xstate").NonReducibleUnknown, import("./define.ts").PickEmitted | {
    type: 'rejected';
    request: string;
}, import("xstate").MetaObject, {
    id: string;
    states: {
        readonly serving: {};
        readonly empty: {};
    };
}, import("xstate").MetaObject>;
