/**
 * A renderer-neutral view of an XState v5 machine: the state tree and every
 * transition with its event, guard and action names. Both the Mermaid and the DOT
 * renderers read this, so they cannot disagree about what the machine contains.
 */
import type { AnyStateMachine } from 'xstate';
export type StateKind = 'atomic' | 'compound' | 'parallel' | 'final' | 'history';
export interface ChartState {
    /** XState's unique id, e.g. "paxos-acceptor.serving". */
    id: string;
    /** The key within its parent, e.g. "serving" (the root uses the machine id). */
    key: string;
    kind: StateKind;
    /** Id of the initial child (compound states only). */
    initial?: string;
    children: ChartState[];
}
export type TriggerKind = 'event' | 'always' | 'after';
export interface ChartTransition {
    source: string;
    /** Target state ids; empty for a targetless transition (runs actions, stays put). */
    targets: string[];
    trigger: TriggerKind;
    /** Event type for 'event', the delay for 'after' (e.g. "500ms" or a named delay), '' for 'always'. */
    event: string;
    guard?: string;
    actions: string[];
}
export interface Statechart {
    id: string;
    root: ChartState;
    transitions: ChartTransition[];
}
export declare function toStatechart(machine: AnyStateMachine): Statechart;
/** Names a guard as written: "name", "name(params)", "and(a, b)", "!a", or "inline" for an anonymous function. */
export declare function guardName(guard: unknown): string;
/** Names an action: its registered name, a built-in such as "assign", or "inline". */
export declare function actionName(action: unknown): string;
/** "EVENT [guard] / a, b" — the UML edge label used by both renderers. */
export declare function transitionLabel(t: ChartTransition): string;
/** Every state of the tree, parents before children. */
export declare function allStates(root: ChartState): ChartState[];
