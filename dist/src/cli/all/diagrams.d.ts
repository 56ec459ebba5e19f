import type { RegisteredMachine } from '../../../models/index.ts';
import { type StateGraph, type StateGraphOptions } from '../../diagram/state-graph.ts';
import type { Counterexample } from '../../explore/counterexample.ts';
import type { Diagram } from '../../report/types.ts';
/** A file name from any text: lower case, dashes, nothing a shell or URL would trip on. */
export declare function slug(text: string): string;
export declare function writeMachineDiagram(entry: RegisteredMachine, dir: string, files: string[]): Promise<Diagram>;
export declare const STATE_GRAPH_OPTIONS: StateGraphOptions;
export declare function writeStateGraph(title: string, name: string, graph: StateGraph, dir: string, files: string[]): Promise<Diagram>;
export declare function writeSequence(name: string, cx: Counterexample, dir: string, files: string[]): void;
