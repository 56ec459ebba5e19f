/**
 * Consistency rules of a header's configuration that a field-by-field schema cannot say:
 * ids declared once, quorums that exist and are made of declared acceptors. A header that
 * breaks one is malformed input (the reader names line 1 and the field), not a trace
 * whose properties fail: with `quorums: []` no value can ever be chosen, and a checker
 * would report that as a protocol violation of the implementation under test.
 *
 * Used as zod refinements by the config schemas in trace.ts, so every parse of a header
 * (reader, ITF import, tests) applies them. Types are structural to keep trace.ts the
 * only owner of the schemas.
 */

/** The part of zod's refinement context these rules use. */
export interface RuleContext {
  addIssue(issue: { code: 'custom'; message: string; path: (string | number)[] }): void;
}

function duplicates(ids: readonly string[], field: string | undefined, ctx: RuleContext, role: string): void {
  const seen = new Set<string>();
  ids.forEach((id, i) => {
    if (seen.has(id)) ctx.addIssue({ code: 'custom', path: field === undefined ? [i] : [field, i], message: `${role} '${id}' is declared twice` });
    seen.add(id);
  });
}

export function paxosConfigRules(
  c: { acceptors: string[]; proposers: string[]; learners?: string[]; quorums?: string[][] },
  ctx: RuleContext,
): void {
  duplicates(c.acceptors, 'acceptors', ctx, 'acceptor');
  duplicates(c.proposers, 'proposers', ctx, 'proposer');
  duplicates(c.learners ?? [], 'learners', ctx, 'learner');
  if (c.quorums === undefined) return;
  const issue = (message: string) => ctx.addIssue({ code: 'custom', path: ['quorums'], message });
  if (c.quorums.length === 0) {
    issue('no quorums: an empty list leaves nothing that can ever be chosen (omit the field for all majorities)');
    return;
  }
  const acceptors = new Set(c.acceptors);
  c.quorums.forEach((q, i) => {
    if (q.length === 0) issue(`quorum ${i} is empty`);
    const members = new Set<string>();
    for (const id of q) {
      if (!acceptors.has(id)) issue(`quorum ${i} names '${id}', which is not a declared acceptor (acceptors: ${c.acceptors.join(', ')})`);
      else if (members.has(id)) issue(`quorum ${i} names '${id}' twice`);
      members.add(id);
    }
  });
}

export function clusterConfigRules(c: { servers: string[]; clients?: string[] }, ctx: RuleContext): void {
  duplicates(c.servers, 'servers', ctx, 'server');
  duplicates(c.clients ?? [], 'clients', ctx, 'client');
  const servers = new Set(c.servers);
  (c.clients ?? []).forEach((id, i) => {
    if (servers.has(id)) ctx.addIssue({ code: 'custom', path: ['clients', i], message: `client '${id}' is also declared as a server` });
  });
}

/** A backend list (the header's or a membership event's), refined as an array: each id once. */
export function backendListRules(backends: readonly { id: string }[], ctx: RuleContext): void {
  duplicates(backends.map((b) => b.id), undefined, ctx, 'backend');
}

/** A custom protocol's nodes: each declared once. */
export function customConfigRules(c: { nodes: string[] }, ctx: RuleContext): void {
  duplicates(c.nodes, 'nodes', ctx, 'node');
}
