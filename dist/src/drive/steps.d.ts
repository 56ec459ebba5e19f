/**
 * Steps the driver can take from a model state: every step of the composed model
 * (deliveries, environment events, faults, network loss and duplication), plus
 * deliveries the model ignores. Those leave the model unchanged, so the implementation
 * must also emit nothing and keep its state; without them a mutant that reacts to a
 * message the model refuses (say, an accept below the promise) would never be exercised.
 */
import { type ComposedSystem } from '../explore/compose.ts';
export type DriveStep = {
    kind: 'model';
    action: number;
} | {
    kind: 'ignored';
    actor: number;
    entry: number;
};
export declare function stepKey(s: DriveStep): string;
/** Every step from `v`: the model's successors in their order, then ignored deliveries. */
export declare function stepsFrom(system: ComposedSystem, v: Uint32Array): DriveStep[];
/** The model state after `step` (a copy); ignored deliveries leave it as it is. */
export declare function modelAfter(system: ComposedSystem, v: Uint32Array, step: DriveStep): Uint32Array;
export declare function describeStep(system: ComposedSystem, step: DriveStep): string;
