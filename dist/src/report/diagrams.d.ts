/**
 * Ready-to-embed diagrams for the report (async because Graphviz runs as WebAssembly).
 */
import type { RegisteredMachine } from '../../models/index.ts';
import { type StateGraph, type StateGraphOptions } from '../diagram/state-graph.ts';
import type { Diagram } from './types.ts';
export declare function machineDiagram(entry: Pick<RegisteredMachine, 'name' | 'description' | 'machine'>): Promise<Diagram>;
export declare function stateGraphDiagram(title: string, graph: StateGraph, options?: StateGraphOptions): Promise<Diagram>;
