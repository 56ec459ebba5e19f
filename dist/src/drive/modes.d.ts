import { ComposedSystem } from '../explore/compose.ts';
import type { DriveStep } from './steps.ts';
import type { Adapter } from './adapter.ts';
import type { DriveSize, ProtocolBinding } from './binding.ts';
import { type CoveragePlan } from './coverage.ts';
import { type Chooser, type Divergence } from './driver.ts';
export type PathMode = 'coverage' | 'random' | 'fastcheck';
export declare const PATH_MODES: readonly PathMode[];
export interface DriveOptions {
    mode: PathMode;
    /** Model size; coverage defaults to 'small' (it explores exhaustively). */
    size?: DriveSize;
    /** Random walks / fast-check runs (coverage: a cap on paths). */
    budget?: number;
    maxSteps?: number;
    seed?: number;
}
export interface DriveReport {
    protocol: string;
    implementation: string;
    mode: PathMode;
    system: string;
    paths: number;
    steps: number;
    elapsedMs: number;
    pathsPerSecond: number;
    /** coverage: edges of the explored graph and how many were driven. */
    coverage?: {
        states: number;
        edges: number;
        driven: number;
        plannedPaths: number;
        complete: boolean;
    };
    divergence: Divergence | null;
    /** fast-check: schedule length before and after shrinking. */
    shrunk?: {
        from: number;
        to: number;
    };
}
/**
 * Walks favour protocol steps (deliveries, environment events) over faults and ignored
 * deliveries: uniform choice spends most steps losing and duplicating messages and rarely
 * gets two proposers far enough to conflict.
 */
export declare function stepWeight(step: DriveStep): number;
export declare const randomChooser: (rng: () => number) => Chooser;
/** Step k takes option choices[k] modulo the number of options; the schedule ends with the list. */
export declare const scheduleChooser: (choices: readonly number[]) => Chooser;
export declare function modelFor(binding: ProtocolBinding, size: DriveSize): {
    system: ComposedSystem;
    plan(): CoveragePlan;
};
export declare function drive(binding: ProtocolBinding, adapter: Adapter, opts: DriveOptions): Promise<DriveReport>;
