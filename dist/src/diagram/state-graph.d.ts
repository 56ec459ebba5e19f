export interface StateGraphNode {
    id: number;
    label: string;
    initial?: boolean;
    /** The state breaks a property. */
    violation?: boolean;
}
export interface StateGraphEdge {
    from: number;
    to: number;
    label: string;
}
export interface StateGraph {
    nodes: StateGraphNode[];
    edges: StateGraphEdge[];
    /** Node ids of a counterexample path, in order (initial state first). */
    highlight?: number[];
}
export interface StateGraphOptions {
    /** Most nodes drawn; beyond it only the neighbourhood of the path (or of the initial states) is kept. */
    maxNodes?: number;
    /** Longest label kept, in characters. */
    maxLabel?: number;
}
export declare const DEFAULT_MAX_NODES = 150;
/** What will actually be drawn: a subgraph of the input plus what was left out. */
export interface GraphView {
    nodes: StateGraphNode[];
    edges: StateGraphEdge[];
    /** Indices into `edges` that lie on the highlighted path, with their 1-based step numbers. */
    pathEdges: Map<number, number[]>;
    pathNodes: Set<number>;
    /** Drawn nodes that have neighbours that were left out. */
    frontier: Set<number>;
    hiddenNodes: number;
    hiddenEdges: number;
}
export declare function viewOf(graph: StateGraph, maxNodes?: number): GraphView;
export declare function stateGraphToDot(graph: StateGraph, options?: StateGraphOptions): string;
export declare function stateGraphToMermaid(graph: StateGraph, options?: StateGraphOptions): string;
