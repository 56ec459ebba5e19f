/**
 * `coordkit diagram ./system.ts`: diagrams of a user's system (the module `coordkit check`
 * loads). `./system.ts` draws its first actor's machine, `./system.ts#role` the first actor
 * of that role; `--graph` explores the system and draws the state graph around the first
 * safety violation (highlighted), else a liveness lasso, else around a reachability witness. Its counterexample
 * traces are drawn like any trace, with `diagram --trace FILE`.
 */
import type { AnyStateMachine } from 'xstate';
import { machineToDot, machineToMermaid } from '../../diagram/machine.ts';
import { stateGraphToDot, stateGraphToMermaid } from '../../diagram/state-graph.ts';
import { dotToSvg } from '../../diagram/svg.ts';
import { STATE_GRAPH_OPTIONS } from '../all/diagrams.ts';
import { stateGraphOf } from '../all/user-system.ts';
import { UserError } from '../errors.ts';
import { runCheck } from './runner.ts';
import { loadUserSystem, moduleName, type Params } from './user-module.ts';

export type DiagramFormat = 'mermaid' | 'dot' | 'svg';

export interface UserDiagramOptions {
  format: DiagramFormat;
  params: Params;
  /** Draw the explored state graph instead of a machine. */
  graph: boolean;
  /** Machine diagrams: also draw transitions that only discard an event; the legend. */
  all: boolean;
  legend: boolean;
}

/** A search bigger than this is cut before drawing: the graph shows the neighbourhood of what was found. */
const GRAPH_SEARCH_STATES = 500_000;
const GRAPH_NODES = 60;

/** The diagram of `arg` (`./system.ts` or `./system.ts#role`) as text in the format asked for. */
export async function userSystemDiagram(arg: string, opts: UserDiagramOptions): Promise<string> {
  const [file, role] = arg.split('#');
  const spec = await loadUserSystem(file, opts.params);
  if (opts.graph) {
    if (role !== undefined) throw new UserError(`--graph draws the whole system's state graph: give the module without '#${role}'`, { field: '--graph' });
    const run = runCheck(moduleName(file), spec, { strategy: 'bfs', maxStates: GRAPH_SEARCH_STATES });
    const graph = stateGraphOf(run, GRAPH_NODES);
    const dot = () => stateGraphToDot(graph, STATE_GRAPH_OPTIONS);
    return opts.format === 'mermaid' ? stateGraphToMermaid(graph, STATE_GRAPH_OPTIONS) : opts.format === 'dot' ? dot() : dotToSvg(dot());
  }
  const machine = machineOf(spec.actors, role, file);
  const options = { all: opts.all, legend: opts.legend };
  return opts.format === 'mermaid' ? machineToMermaid(machine, options) : opts.format === 'dot' ? machineToDot(machine, options) : dotToSvg(machineToDot(machine, options));
}

function machineOf(actors: readonly { role: string; machine: AnyStateMachine }[], role: string | undefined, file: string): AnyStateMachine {
  const actor = role === undefined ? actors[0] : actors.find((a) => a.role === role);
  if (!actor) throw new UserError(`no actor with role '${role}'; roles: ${[...new Set(actors.map((a) => a.role))].join(', ')}`, { file });
  return actor.machine;
}
