/**
 * Random XState machines for property tests of the diagram renderers: nested and
 * parallel states up to a small depth, names drawn from awkward strings (quotes, Mermaid
 * and DOT syntax, any unicode grapheme) and transitions between any two states, with
 * guards and actions. Shared by machine.test.ts and the Chromium measurement test.
 */
import fc from 'fast-check';
import { setup, type AnyStateMachine } from 'xstate';

const name = fc.oneof(
  fc.string({ minLength: 1, maxLength: 12 }),
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 6 }),
  fc.constantFrom('"', '[x]', 'a:b', '#1;', 'a;b', '-->', '<br>', '{}', '%%', 'end', 'state', ' lead', '*x*', '_y_', 'constructor', 'toString'),
).filter((s) => s !== '__proto__'); // would set a prototype in a plain config object
// XState reserves '*' (wildcard), '.' (paths and partial wildcards) and the xstate. prefix.
const eventName = name.filter((s) => !s.includes('*') && !s.includes('.') && !s.startsWith('xstate') && s.trim() !== '');

interface GenState { key: string; children: GenState[]; parallel: boolean }
const stateTree = fc.letrec((tie) => ({
  state: fc.record({
    key: name.filter((s) => !s.includes('.') && !s.startsWith('#')),
    children: fc.oneof({ depthSize: 'small', withCrossShrink: true }, fc.constant([]), tie('states')),
    parallel: fc.boolean(),
  }),
  states: fc.uniqueArray(tie('state'), { minLength: 1, maxLength: 4, selector: (s) => (s as GenState).key }),
})).states as fc.Arbitrary<GenState[]>;

export const generatedMachine: fc.Arbitrary<AnyStateMachine> = fc.record({
  tree: stateTree,
  transitions: fc.array(fc.record({
    from: fc.nat(), to: fc.option(fc.nat(), { nil: undefined }), event: eventName,
    guard: fc.option(name, { nil: undefined }), actions: fc.array(name, { maxLength: 2 }),
  }), { maxLength: 8 }),
}).map(({ tree, transitions }) => {
  const ids: string[] = [];
  const build = (states: GenState[]): Record<string, object> => Object.fromEntries(states.map((s) => {
    const id = `st${ids.length}`;
    ids.push(id);
    const config: Record<string, unknown> = { id };
    if (s.children.length > 0) {
      Object.assign(config, s.parallel ? { type: 'parallel' } : { initial: s.children[0].key }, { states: build(s.children) });
    }
    return [s.key, config];
  }));
  const states = build(tree);
  const byState = new Map<string, Record<string, unknown[]>>();
  const guards: Record<string, () => boolean> = {};
  const actions: Record<string, () => void> = {};
  for (const t of transitions) {
    const from = ids[t.from % ids.length];
    const on = byState.get(from) ?? {};
    byState.set(from, on);
    if (t.guard !== undefined) guards[t.guard] = () => true;
    for (const a of t.actions) actions[a] = () => {};
    if (!Object.hasOwn(on, t.event)) on[t.event] = [];
    on[t.event].push({
      ...(t.to !== undefined ? { target: `#${ids[t.to % ids.length]}` } : {}),
      ...(t.guard !== undefined ? { guard: t.guard } : {}),
      actions: t.actions,
    });
  }
  const attach = (config: Record<string, any>) => {
    for (const child of Object.values(config.states ?? {}) as Record<string, any>[]) {
      const on = byState.get(child.id);
      if (on) child.on = on;
      attach(child);
    }
  };
  const root = { id: 'gen', initial: tree[0].key, states };
  attach(root);
  return setup({ guards, actions }).createMachine(root as never) as unknown as AnyStateMachine;
});
