/**
 * Model checks for the main job: every registered configuration (expected to pass) and
 * every Paxos mutant (expected to be caught). Each run is reduced at once to what the
 * report needs (summary, counterexamples, optionally a drawable state graph), so the
 * explorer's state store is freed before the next run.
 */
import type { StateGraph } from '../../diagram/state-graph.ts';
import type { Counterexample } from '../../explore/counterexample.ts';
import type { Progress } from '../../explore/search.ts';
import { type CheckModel } from '../check/models.ts';
import { type CheckSummary } from '../check/runner.ts';
import type { PaxosMutant } from '../../../models/paxos/mutants.ts';
export interface Configuration {
    /** The check model's name, as in `coordkit check NAME`. */
    model: string;
    label: string;
    opts: Record<string, unknown>;
    /** A depth bound; such a run can only be BOUNDED, and counts as expected only if `expect` says so. */
    maxDepth?: number;
    /** What a correct model gives here: 'pass' (the default) or, for a deliberately bounded run, 'bounded'. */
    expect?: 'pass' | 'bounded';
}
export interface GraphRequest {
    maxNodes: number;
    /** Which path to highlight: the first violated property's counterexample, or a reachability witness. */
    highlight: 'violation' | 'witness';
    /** Searches larger than this are not re-expanded for drawing. */
    maxStates: number;
}
export interface CheckOutcome {
    model: string;
    label: string;
    /** Set for a mutant run. */
    mutant?: {
        name: string;
        description: string;
        role: string;
    };
    expected: 'pass' | 'bounded' | 'caught';
    summary: CheckSummary;
    counterexamples: {
        property: string;
        cx: Counterexample;
    }[];
    asExpected: boolean;
    detail: string;
    graph?: StateGraph;
    /** For mutants: the configurations tried, in order, up to the one that caught it. */
    tried?: string[];
}
export interface CheckHooks {
    onProgress?: (p: Progress) => void;
    /** Where counterexample traces are written. */
    traceDir?: string;
}
export declare function findCheckModel(name: string): CheckModel;
/** Every configuration the check models register as their defaults. */
export declare function defaultConfigurations(): Configuration[];
/** A correct configuration: every invariant must hold and every reachability property be reached. */
export declare function checkConfiguration(config: Configuration, hooks?: CheckHooks, graph?: GraphRequest): CheckOutcome;
/**
 * A mutant is caught when some invariant is violated. The configurations are tried in
 * order (cheapest first) until one catches it; the outcome is that run's.
 */
export declare function catchMutant(mutant: PaxosMutant, configs: Configuration[], hooks?: CheckHooks, graph?: GraphRequest): CheckOutcome;
