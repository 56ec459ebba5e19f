import type { ComposedSystem } from '../explore/compose.ts';
import type { Divergence } from './driver.ts';
/**
 * The diverging path as trace events. Model steps come from the explorer's counterexample;
 * a delivery the model ignores appears as a bare receive (the model reacts with nothing).
 */
export declare function divergenceTrace(system: ComposedSystem, d: Divergence): string;
/** The steps of the diverging path as a table (model side). */
export declare function divergenceSteps(system: ComposedSystem, d: Divergence): string;
export declare function formatDivergence(d: Divergence): string;
