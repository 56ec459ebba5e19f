/**
 * The main job's results as the HTML report's model (src/report) and as the machine-
 * readable out/report.json. Pure: everything here is computed from outcomes already run.
 */
import type { Step } from '../../explore/counterexample.ts';
import type { CounterexampleStep, Diagram, Report } from '../../report/types.ts';
import type { PropertySummary } from '../check/runner.ts';
import type { CheckOutcome } from './checks.ts';
import type { TraceOutcome } from './traces.ts';
export interface AllResult {
    generatedAt: string;
    elapsedMs: number;
    checks: CheckOutcome[];
    mutants: CheckOutcome[];
    traces: TraceOutcome[];
    /** Files written under the diagram directory. */
    diagramFiles: string[];
    /** Statecharts by model family. */
    statecharts: Map<string, Diagram[]>;
    /** Explored state graphs, by the outcome they belong to. */
    graphs: Map<CheckOutcome, Diagram>;
    environment: Record<string, string>;
}
/** One line per thing that did not go as expected; empty when all is well. */
export declare function unexpected(r: Pick<AllResult, 'checks' | 'mutants' | 'traces'>): string[];
export declare function timelineStep(s: Step): CounterexampleStep;
export declare function buildReport(r: AllResult): Report;
/** out/report.json: everything a machine needs, without the drawings. */
export declare function buildJson(r: AllResult, files: {
    html: string;
    json: string;
}): {
    generatedAt: string;
    elapsedMs: number;
    ok: boolean;
    unexpected: string[];
    environment: Record<string, string>;
    checks: {
        system: string;
        strategy: import("../../explore/search.ts").Strategy;
        states: number;
        statesUnreduced: number;
        symmetryGroup: number;
        transitions: number;
        depth: number;
        elapsedMs: number;
        complete: boolean;
        stopReason: import("../../explore/search.ts").StopReason;
        statesPerSecond: number;
        checkpoint?: string;
        peakRssBytes: number;
        verdict: import("../check/runner.ts").CheckVerdict;
        verdictNote: string;
        properties: PropertySummary[];
        writeErrors: string[];
        model: string;
        label: string;
        mutant?: {
            name: string;
            description: string;
            role: string;
        } | undefined;
        tried?: string[] | undefined;
        expected: "bounded" | "caught" | "pass";
        asExpected: boolean;
        detail: string;
        counterexamples: {
            property: string;
            steps: Step[];
        }[];
    }[];
    mutants: {
        system: string;
        strategy: import("../../explore/search.ts").Strategy;
        states: number;
        statesUnreduced: number;
        symmetryGroup: number;
        transitions: number;
        depth: number;
        elapsedMs: number;
        complete: boolean;
        stopReason: import("../../explore/search.ts").StopReason;
        statesPerSecond: number;
        checkpoint?: string;
        peakRssBytes: number;
        verdict: import("../check/runner.ts").CheckVerdict;
        verdictNote: string;
        properties: PropertySummary[];
        writeErrors: string[];
        model: string;
        label: string;
        mutant?: {
            name: string;
            description: string;
            role: string;
        } | undefined;
        tried?: string[] | undefined;
        expected: "bounded" | "caught" | "pass";
        asExpected: boolean;
        detail: string;
        counterexamples: {
            property: string;
            steps: Step[];
        }[];
    }[];
    traces: {
        file: string;
        protocol: "balancer" | "cluster" | "paxos" | null;
        producer: string | null;
        events: number;
        expected: string;
        expectedBecause: string;
        failed: string[];
        asExpected: boolean;
        detail: string;
        elapsedMs: number;
        verdicts: {
            property: string;
            status: "fail" | "pass" | "skip";
            violations: number;
            firstViolation?: {
                line: number;
                message: string;
            } | undefined;
            figures: Record<string, import("../../../conformance/checkers/types.ts").Figure>;
        }[];
    }[];
    diagrams: string[];
    report: {
        html: string;
        json: string;
    };
};
export type AllJson = ReturnType<typeof buildJson>;
