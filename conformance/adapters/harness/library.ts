/**
 * The interface a balancer library implements to be judged by `coordkit thirdparty`: one
 * small adapter file per library (see conformance/adapters/libraries/roundround.ts for a
 * ten-line example). The adapter says what the library can do (Capabilities), and the
 * harness generates only scenarios inside that; it builds one instance per scenario and
 * drives it through pick / done / membership. An adapter never judges anything: the
 * library's answers become a trace, and the balancer checkers judge the trace.
 *
 * The same interface, as JSON lines over stdio, is the balancer protocol
 * (docs/balancer-protocol.md) for libraries in other languages.
 */
import type { Backend, Decision, Policy } from '../../../src/impl/balancer/types.ts';

export type { Backend, Decision, Policy };

export interface Capabilities {
  /** The policy the library claims: it decides which checkers judge it. */
  policy: Policy;
  /** Membership changes it can apply: any (add, remove, replace, re-add, reweight),
   * only appending a backend or removing the last one (jump hash), or none (fixed set). */
  membership: 'any' | 'append-or-remove-last' | 'none';
  /** Weights it accepts: any positive number, positive integers only, or none (every
   * backend weighs 1 in the scenarios it is given). */
  weights: 'any' | 'integers' | 'none';
  /** Whether weight 0 ("configured but drained") is accepted; such a backend must never be picked. */
  zeroWeight: boolean;
  /** Whether it can change a backend's weight in place (otherwise never generated). */
  reweight: boolean;
  /** Whether it is told when a request finishes (least connections, P2C); if not, no done is sent. */
  completions: boolean;
  /** Whether it survives having no backend at all (a pick is then a documented rejection). */
  empty: boolean;
  /** It keeps a list, not a set: adding an id already present adds a second entry, as it
   * documents, so "add an existing id again" is not generated for it. */
  duplicates?: boolean;
  /** Largest backend count it takes (default 64). */
  maxBackends?: number;
  /** Largest weight it documents taking (default: any, up to 2^31 - 1). */
  maxWeight?: number;
  /** Consistent hashing: ring points per unit of weight it promises (the balance bound
   * is derived from it; absent: 1, the weakest promise). */
  vnodes?: number;
  /** Hash policies: the key hash, when it is one the trace format names. */
  hash?: 'fnv1a-fmix32' | 'crc32' | 'md5';
}

/** What one membership operation was, for adapters that apply changes one by one. */
export type Change =
  | { kind: 'add'; backend: Backend }
  | { kind: 'add-again'; backend: Backend }
  | { kind: 'remove'; id: string }
  | { kind: 'replace'; remove: string; add: Backend }
  | { kind: 'reweight'; id: string; weight: number };

/** One library instance, as configured with one backend list. */
export interface LibraryInstance {
  /** Chooses a backend; hash policies get the routing key. Throw `Rejected` for an input
   * the library documents as refused (no backend to pick); any other throw is a crash. */
  pick(request: string, key: string | undefined): Decision;
  /** The request finished (called only when capabilities.completions). */
  done(request: string): void;
  /** Applies one change; `next` is the backend list after it. */
  membership(next: readonly Backend[], change: Change): void;
}

export interface LibraryAdapter {
  /** Unique, file-name safe: `library` or `library.variant`. */
  id: string;
  /** npm package name (or a label for libraries that are not packages). */
  library: string;
  /** The class or mode, when the library has several. */
  variant: string;
  /** Installed version (read at run time), or a label. */
  version(): string;
  capabilities: Capabilities;
  /** How it is driven, in one line (shown in the table). */
  notes: string;
  /** A fresh instance. `seed` is entropy for whatever randomness the library lets one
   * seed: the scenario's seed for the first instance, another for each restarted instance
   * or fresh process (as real processes draw their own), so a library that maps keys by
   * it is not deterministic across instances, and is caught. */
  create(backends: readonly Backend[], seed: number): LibraryInstance;
}

/** Thrown by an adapter for an input the library documents as refused (e.g. no backend). */
export class Rejected extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'Rejected';
  }
}

/** Applies a change with a library's add / remove calls (reweight: remove, then add). */
export function applyChange(change: Change, add: (b: Backend) => void, remove: (id: string) => void): void {
  switch (change.kind) {
    case 'add': case 'add-again': add(change.backend); break;
    case 'remove': remove(change.id); break;
    case 'replace': remove(change.remove); add(change.add); break;
    case 'reweight': remove(change.id); add({ id: change.id, weight: change.weight }); break;
  }
}
