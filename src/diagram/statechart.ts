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

/** Minimal structural view of XState's StateNode: only what the walk reads. */
interface NodeLike {
  id: string;
  key: string;
  type: StateKind;
  states: Record<string, NodeLike>;
  initial?: { target?: readonly NodeLike[] };
  transitions: Map<string, readonly TransitionLike[]>;
  always?: readonly TransitionLike[];
  after?: readonly (TransitionLike & { delay: string | number })[];
}
interface TransitionLike {
  target?: readonly NodeLike[];
  guard?: unknown;
  actions: readonly unknown[];
}

const AFTER_PREFIX = 'xstate.after.';

export function toStatechart(machine: AnyStateMachine): Statechart {
  const transitions: ChartTransition[] = [];
  const visit = (node: NodeLike): ChartState => {
    for (const [event, list] of node.transitions) {
      if (event.startsWith(AFTER_PREFIX)) continue; // listed again, with its delay, in node.after
      for (const t of list) transitions.push(chartTransition(node.id, 'event', event, t));
    }
    for (const t of node.always ?? []) transitions.push(chartTransition(node.id, 'always', '', t));
    for (const t of node.after ?? []) transitions.push(chartTransition(node.id, 'after', delayLabel(t.delay), t));
    const initial = node.initial?.target?.[0]?.id;
    return {
      id: node.id,
      key: node.key,
      kind: node.type,
      ...(initial !== undefined && node.type === 'compound' ? { initial } : {}),
      children: Object.values(node.states).map(visit),
    };
  };
  const root = visit(machine.root as unknown as NodeLike);
  return { id: machine.id, root, transitions };
}

function chartTransition(source: string, trigger: TriggerKind, event: string, t: TransitionLike): ChartTransition {
  const guard = t.guard === undefined ? undefined : guardName(t.guard);
  return {
    source,
    targets: (t.target ?? []).map((n) => n.id),
    trigger,
    event,
    ...(guard !== undefined ? { guard } : {}),
    actions: t.actions.map(actionName),
  };
}

function delayLabel(delay: string | number): string {
  return typeof delay === 'number' ? `${delay}ms` : delay;
}

/** Names a guard as written: "name", "name(params)", "and(a, b)", "!a", or "inline" for an anonymous function. */
export function guardName(guard: unknown): string {
  if (typeof guard === 'string') return guard;
  if (typeof guard === 'function') {
    const fn = guard as { name?: string; guards?: unknown[]; stateValue?: unknown };
    const parts = fn.guards?.map(guardName);
    if (parts && fn.name === 'not') return `!${parts[0]}`;
    if (parts && (fn.name === 'and' || fn.name === 'or')) return `${fn.name}(${parts.join(', ')})`;
    if (fn.stateValue !== undefined) return `in(${compact(fn.stateValue)})`;
    return namedFunction(fn.name);
  }
  if (isTyped(guard)) return withParams(guard.type, guard.params);
  return 'inline';
}

/** Names an action: its registered name, a built-in such as "assign", or "inline". */
export function actionName(action: unknown): string {
  if (typeof action === 'string') return action;
  if (typeof action === 'function') {
    const fn = action as { name?: string; type?: unknown };
    if (typeof fn.type === 'string') return fn.type.replace(/^xstate\./, '');
    return namedFunction(fn.name);
  }
  if (isTyped(action)) return withParams(action.type, action.params);
  return 'inline';
}

// Inline arrow functions in a config object take the property name ("guard", "actions").
function namedFunction(name: string | undefined): string {
  return !name || name === 'guard' || name === 'actions' || name === 'anonymous' ? 'inline' : name;
}

function isTyped(x: unknown): x is { type: string; params?: unknown } {
  return typeof x === 'object' && x !== null && typeof (x as { type?: unknown }).type === 'string';
}

function withParams(type: string, params: unknown): string {
  return params === undefined || typeof params === 'function' ? type : `${type}(${compact(params)})`;
}

function compact(x: unknown): string {
  try {
    return JSON.stringify(x) ?? String(x);
  } catch {
    return String(x);
  }
}

/** "EVENT [guard] / a, b" — the UML edge label used by both renderers. */
export function transitionLabel(t: ChartTransition): string {
  const trigger = t.trigger === 'always' ? 'always' : t.trigger === 'after' ? `after ${t.event}` : t.event;
  const guard = t.guard !== undefined ? ` [${t.guard}]` : '';
  const actions = t.actions.length > 0 ? ` / ${t.actions.join(', ')}` : '';
  return `${trigger}${guard}${actions}`;
}

/** Every state of the tree, parents before children. */
export function allStates(root: ChartState): ChartState[] {
  const out: ChartState[] = [];
  const walk = (s: ChartState) => {
    out.push(s);
    s.children.forEach(walk);
  };
  walk(root);
  return out;
}

/**
 * A transition that only swallows its event: it stays in its state (no target) and its
 * actions, if any, are all named discard* or ignore*. Such rows (`ping [arrived] / discard`
 * in every cluster-server state) bury the protocol, so diagrams hide them unless asked.
 */
export function isDiscardOnly(t: ChartTransition): boolean {
  return t.trigger === 'event' && t.targets.length === 0 && t.actions.every((a) => /^(discard|ignore)/i.test(a));
}

/** The transitions a diagram draws: all of them, or all but the discard-only ones. */
export function shownTransitions(chart: Statechart, all: boolean): { shown: ChartTransition[]; hidden: number } {
  const shown = all ? chart.transitions : chart.transitions.filter((t) => !isDiscardOnly(t));
  return { shown, hidden: chart.transitions.length - shown.length };
}

/**
 * The label in the pieces a renderer may put on separate lines: the trigger with its
 * guard, then "/ " and each action (the pieces joined by spaces give transitionLabel).
 */
export function transitionLabelParts(t: ChartTransition): string[] {
  const trigger = t.trigger === 'always' ? 'always' : t.trigger === 'after' ? `after ${t.event}` : t.event;
  const head = t.guard !== undefined ? `${trigger} [${t.guard}]` : trigger;
  if (t.actions.length === 0) return [head];
  return [head, `/ ${t.actions.join(', ')}`];
}
