/** The balancer specifications, by CLI name. */
import type { RegisteredMachine } from '../registered-machine.ts';
export declare const balancerMachines: RegisteredMachine[];
/** The specification of each policy, by the policy name used in trace headers. */
export declare const machineByPolicy: {
    readonly 'round-robin': import("xstate").StateMachine<import("./define.ts").BalancerContext, {
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
    readonly random: import("xstate").StateMachine<import("./define.ts").BalancerContext, {
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
    readonly 'least-connections': import("xstate").StateMachine<import("./define.ts").BalancerContext, {
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
    readonly hash: import("xstate").StateMachine<import("./define.ts").BalancerContext, {
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
    readonly 'weighted-round-robin': import("xstate").StateMachine<import("./define.ts").BalancerContext, {
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
    readonly 'power-of-two': import("xstate").StateMachine<import("./define.ts").BalancerContext, {
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
    readonly 'consistent-hash': import("xstate").StateMachine<import("./define.ts").BalancerContext, {
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
};
