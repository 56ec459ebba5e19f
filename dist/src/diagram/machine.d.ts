/**
 * Statechart diagrams of XState machines: Mermaid `stateDiagram-v2` and Graphviz DOT.
 * States get generated ids (s0, s1, ...) and their names go into labels, so any
 * state, event, guard or action name renders, whatever characters it holds.
 */
import type { AnyStateMachine } from 'xstate';
import { type Statechart } from './statechart.ts';
export declare function machineToMermaid(machine: AnyStateMachine): string;
export declare function machineToDot(machine: AnyStateMachine): string;
export declare function statechartToMermaid(chart: Statechart): string;
export declare function statechartToDot(chart: Statechart): string;
