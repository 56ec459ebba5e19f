import { type ComposedSystem } from '../explore/compose.ts';
import type { Adapter, DriveConfig } from './adapter.ts';
import type { ProtocolBinding } from './binding.ts';
import { type DriveStep } from './steps.ts';
export interface Observation {
    outputs: string[];
    state: unknown;
}
export interface Divergence {
    /** 1-based index of the diverging step in `path`; 0 for the initial state. */
    step: number;
    node: string;
    description: string;
    what: 'outputs' | 'state' | 'error';
    expected: Observation;
    actual: Observation | {
        error: string;
    };
    /** Steps from the initial state, the diverging one last. */
    path: DriveStep[];
}
/** Picks the next step given the options (computed on demand), or null to stop. */
export type Chooser = (options: () => DriveStep[], depth: number) => DriveStep | null;
export declare const fixedPath: (steps: readonly DriveStep[]) => Chooser;
export declare class Driver {
    readonly system: ComposedSystem;
    readonly binding: ProtocolBinding;
    readonly adapter: Adapter;
    readonly config: DriveConfig;
    paths: number;
    steps: number;
    private readonly initialViews;
    private readonly initialKeys;
    constructor(system: ComposedSystem, binding: ProtocolBinding, adapter: Adapter);
    /** Drives one path; returns the first divergence, or null if the implementation kept up. */
    /** `known[k]`, when given, is the model state after step k (saves recomputing it). */
    run(choose: Chooser, maxSteps?: number, known?: readonly Uint32Array[]): Promise<Divergence | null>;
    /**
     * Expected outputs and state per local transition: a model transition is memoized by the
     * composed system as one id, so its expectation is computed once, not once per path.
     */
    private readonly expectedByStep;
    private readonly expectedIgnored;
    private expected;
    /** What the model expects of the acting node, and the input that produces it; null when no node acts. */
    private expectation;
    private apply;
    private failed;
}
