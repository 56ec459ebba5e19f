/** Diagrams: statecharts of machines, explored state graphs and trace sequence diagrams. */
export { machineToDot, machineToMermaid, statechartToDot, statechartToMermaid } from './machine.ts';
export { toStatechart, transitionLabel, type Statechart, type ChartState, type ChartTransition } from './statechart.ts';
export {
  stateGraphToDot, stateGraphToMermaid, viewOf,
  type StateGraph, type StateGraphNode, type StateGraphEdge, type StateGraphOptions,
} from './state-graph.ts';
export { buildSequence, sequenceToMermaid, traceToMermaid, type Sequence, type SequenceItem, type SequenceOptions } from './sequence.ts';
export { eventText, messageText } from './describe.ts';
export { dotToSvg, dotToInlineSvg, DotError } from './svg.ts';
