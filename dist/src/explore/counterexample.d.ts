import type { TraceEvent, TraceHeader } from '../../conformance/schema/trace.ts';
import { type ComposedSystem } from './compose.ts';
import type { StateStore } from './state-store.ts';
export interface Step {
    /** 1-based step number; step 0 is the initial state. */
    index: number;
    actor: string;
    /** What happened, e.g. "receive prepare(ballot=1) from p1", "crash". */
    action: string;
    /** The acting node's local state afterwards, or the network change for faults. */
    after: string;
}
export interface Counterexample {
    header: TraceHeader;
    events: TraceEvent[];
    steps: Step[];
}
export declare function counterexample(system: ComposedSystem, store: StateStore, path: number[]): Counterexample;
/** The steps as an aligned text table. */
export declare function stepTable(steps: Step[]): string;
