/**
 * A declared symmetry is a claim about the system: renaming interchangeable names maps
 * every step to a step. Reduction trusts it, as TLC trusts SYMMETRY; a system that only
 * looks symmetric (a FIFO queue of client names, which the renaming treats as a set when
 * it happens to be sorted; a guard that prefers the least name) would have states pruned
 * that nothing else reaches, and a violation there would pass unseen.
 *
 * So before a reduced search, this spot-check takes the first states of a plain
 * breadth-first search and, for each state s and renaming g, compares the successors of
 * g(s) with the images under g of the successors of s, state by state. They must be the
 * same set; any difference is a user error naming the renaming and the step. A check of
 * some states, not a proof: it finds the asymmetries that show near the start.
 */
import { UserError } from '../../conformance/schema/user-error.ts';
import type { ComposedSystem } from './compose.ts';
import { fingerprintKey } from './fingerprint.ts';
import { BUDGET, DUPS, FAULTS } from './state-layout.ts';
import { describeStep } from './step.ts';
import type { SymmetryTables } from './symmetry-tables.ts';

/** How many successor comparisons (states x renamings) the check may make at most. */
const BUDGET_OF_COMPARISONS = 6_000;

/**
 * Throws a UserError when the declared symmetry fails on one of the first states. `tables`
 * are the search's own (CanonicalForm.tables): what this fills, the search reuses.
 */
export function checkDeclaredSymmetry(system: ComposedSystem, tables: SymmetryTables): void {
  const limit = Math.max(20, Math.floor(BUDGET_OF_COMPARISONS / tables.size));
  // States are keyed by fingerprint: at a few thousand keys a collision is out of reach.
  const seen = new Set<number>();
  const queue: { v: Uint32Array; depth: number }[] = [{ v: system.initial(), depth: 0 }];
  seen.add(fingerprintKey(queue[0].v));
  for (let head = 0; head < queue.length && head < limit; head++) {
    const { v, depth } = queue[head];
    const successors = successorsOf(system, v);
    for (let r = 1; r < tables.size; r++) {
      const expected = new Map(successors.map(({ action, next }) => [fingerprintKey(imageOf(system, tables, r, next)), action]));
      const actual = new Map<number, number>();
      system.successors(imageOf(system, tables, r, v), (action, next) => actual.set(fingerprintKey(next), action));
      const extra = [...actual].find(([k]) => !expected.has(k));
      const missing = [...expected].find(([k]) => !actual.has(k));
      if (extra || missing) {
        const renaming = [...tables.maps[r]].filter(([a, b]) => a !== b).map(([a, b]) => `${a}→${b}`).join(', ');
        const what = missing
          ? `the step "${describeStep(system.decodeStep(missing[1]))}" has no renamed counterpart`
          : `the renamed state has a step "${describeStep(system.decodeStep(extra![1]))}" that no step of the state maps to`;
        throw new UserError(
          `the declared symmetry does not hold: in a state ${depth} step(s) from the start, under the renaming ${renaming}, ${what}; `
          + 'reduction would miss states (lists of names are renamed as sets when they are sorted: keep queues as objects keyed by position, or drop the symmetry)',
          { field: 'symmetry' },
        );
      }
    }
    for (const { next } of successors) {
      const k = fingerprintKey(next);
      if (!seen.has(k)) { seen.add(k); queue.push({ v: next, depth: depth + 1 }); }
    }
  }
}

function successorsOf(system: ComposedSystem, v: Uint32Array): { action: number; next: Uint32Array }[] {
  const out: { action: number; next: Uint32Array }[] = [];
  system.successors(v, (action, next) => out.push({ action, next: next.slice() }));
  return out;
}

/** The state `v` renamed by renaming `r`: locals moved to the renamed actors, messages renamed. */
function imageOf(system: ComposedSystem, tables: SymmetryTables, r: number, v: Uint32Array): Uint32Array {
  const { layout } = system;
  const images: number[] = [];
  const copies: number[] = [];
  layout.forEachPresent(v, (e) => { images.push(tables.entryImage(r, e)); copies.push(layout.copies(v, e)); });
  const out = new Uint32Array(system.width); // after entryImage, which may intern new messages
  out[FAULTS] = tables.renameFaults(r, v[FAULTS]);
  out[BUDGET] = v[BUDGET];
  out[DUPS] = v[DUPS];
  const perm = tables.actorPerm[r];
  for (let i = 0; i < layout.actors; i++) layout.setLocal(out, perm[i], tables.localImage(r, i, layout.local(v, i)));
  images.forEach((e, k) => { for (let c = 0; c < copies[k]; c++) layout.addCopy(out, e); });
  return out;
}

