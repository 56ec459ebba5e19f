/**
 * `coordkit check cluster`: the ZooKeeper-style cluster model (election, epochs, tick
 * heartbeats, failure detection) or, with --sessions, the leader's session tracker.
 * Named by the cluster row of src/families.ts; the shared runner prints progress, the summary
 * and counterexamples.
 */
import { Option } from 'commander';
import { z } from 'zod';
import type { CheckModel } from '../check/check-model.ts';
import { UserError } from '../errors.ts';
import { flag, parsedBy, parseOptions, text, wholeNumber } from '../options.ts';
import { clusterSystem, MAX_TICKS_LIMIT, NO_CLUSTER_FAULTS, openClockProblem, type ClusterFaults } from '../../../models/cluster/system.ts';
import { sessionSystem } from '../../../models/cluster/session-system.ts';
import { clusterMutants, findClusterMutant, sessionMutants } from '../../../models/cluster/mutants.ts';

/** Fault names users type, and the budget each one sets. */
const FAULT_NAMES: Record<string, keyof ClusterFaults> = {
  crash: 'crashes', restart: 'restarts', partition: 'partitions', loss: 'losses', dup: 'duplicates', duplicate: 'duplicates', pause: 'pauses',
};

/** Parses "crash,loss:2,partition" into fault budgets (a bare name means 1). */
export function parseFaults(raw: string): ClusterFaults {
  const faults = { ...NO_CLUSTER_FAULTS };
  if (raw.trim() === '' || raw === 'none') return faults;
  for (const item of raw.split(',')) {
    const [name, count = '1'] = item.trim().split(':');
    const key = FAULT_NAMES[name];
    if (!key) throw new UserError(`unknown fault '${name}' in --faults; known: ${Object.keys(FAULT_NAMES).join(', ')} (optionally name:count)`, { field: '--faults' });
    // Digits only: not '' (from 'loss:'), ' 2' or '1e1'.
    if (!/^\d+$/.test(count) || Number(count) > 15) throw new UserError(`fault count for '${name}' must be a whole number 0..15, got '${count}'`, { field: '--faults' });
    faults[key] = Number(count);
  }
  // A restart needs a crash to undo.
  if (faults.restarts > 0 && faults.crashes === 0) faults.crashes = faults.restarts;
  return faults;
}

/** The --faults value that parseFaults reads back as `faults` ("none" for no faults). */
export function faultsFlag(faults: ClusterFaults): string {
  const items = Object.entries(FAULT_NAMES)
    .filter(([name, key]) => name !== 'duplicate' && faults[key] > 0)
    .map(([name, key]) => (faults[key] === 1 ? name : `${name}:${faults[key]}`));
  return items.length === 0 ? 'none' : items.join(',');
}

const mutantNames = () => [...clusterMutants, ...sessionMutants].map((m) => m.name).join(', ');

const clusterOptions = z.object({
  servers: wholeNumber(1, 7),
  syncLimit: wholeNumber(1, 6),
  maxTicks: wholeNumber(0, MAX_TICKS_LIMIT),
  faults: parsedBy(parseFaults),
  livenessBound: wholeNumber(0, 64).optional(),
  openClock: flag().optional(),
  sessions: wholeNumber(1, 4).optional(),
  sessionTimeout: wholeNumber(1, 8),
  mutant: text().optional(),
});

export const clusterCheckModel: CheckModel = {
  name: 'cluster',
  description: 'ZooKeeper-style cluster: leader election, epochs, tick heartbeats, syncLimit failure detection (or, with --sessions, session expiry)',
  options: () => [
    new Option('--servers <n>', 'servers').default(3),
    new Option('--sync-limit <ticks>', 'ticks without an answer before a peer is given up').default(2),
    new Option('--max-ticks <n>', 'rounds of time explored').default(8),
    new Option('--faults <list>', 'fault budget: crash, restart, partition, loss, dup, pause (name or name:count, comma-separated), or none').default('crash'),
    new Option('--open-clock', 'time never stops (the clock window slides at --max-ticks): also checks the unbounded liveness property leader-eventually, with a lasso counterexample'),
    new Option('--liveness-bound <ticks>', 'override the derived bound (syncLimit + 5) of the bounded-liveness property'),
    new Option('--sessions <n>', 'check the session tracker instead, with this many client sessions'),
    new Option('--session-timeout <ticks>', 'session timeout in ticks (with --sessions)').default(3),
    new Option('--mutant <name>', `check a deliberately broken model: ${mutantNames()}`),
  ],
  schema: clusterOptions,
  build(raw) {
    const o = parseOptions(clusterOptions, raw);
    const name = o.mutant;
    const sessionMutant = name === undefined ? undefined : sessionMutants.find((m) => m.name === name);
    const serverMutant = name === undefined ? undefined : findClusterMutant(name);
    if (name !== undefined && !sessionMutant && !serverMutant) {
      throw new UserError(`unknown mutant '${name}'; known: ${mutantNames()}`, { field: '--mutant' });
    }
    if (o.sessions !== undefined || sessionMutant) {
      if (serverMutant) throw new UserError(`mutant '${name}' is a server mutant; drop --sessions`, { field: '--mutant' });
      // The session tracker has no election and no clock window: these would be silently ignored.
      if (o.openClock) throw new UserError('the session tracker (--sessions or a session mutant) has no open clock; --open-clock is for the cluster model', { field: '--open-clock' });
      if (o.livenessBound !== undefined) throw new UserError('the session tracker (--sessions or a session mutant) has no leader-liveness bound; --liveness-bound is for the cluster model', { field: '--liveness-bound' });
      // Its reachability check (session-kept-alive) would fail as vacuous in every run.
      if (o.sessionTimeout < 2) {
        throw new UserError('a session timeout of 1 tick lets no heartbeat keep a session open: one heard at a tick is a tick old at the next, which expires it (ZooKeeper\'s least session timeout is 2 ticks); use 2 or more', { field: '--session-timeout' });
      }
      return sessionSystem({
        sessions: o.sessions ?? 1, timeout: o.sessionTimeout, maxTicks: o.maxTicks,
        tracker: sessionMutant?.machine,
      });
    }
    const config = {
      servers: o.servers, syncLimit: o.syncLimit, maxTicks: o.maxTicks,
      faults: o.faults, livenessBound: o.livenessBound, openClock: o.openClock === true,
    };
    const problem = openClockProblem(config);
    if (problem) throw new UserError(problem, { field: '--open-clock' });
    return clusterSystem({ ...config, server: serverMutant?.machine });
  },
  defaults: [
    { label: '3 servers, syncLimit 2, 8 ticks, 1 crash', opts: { servers: 3, syncLimit: 2, maxTicks: 8, faults: 'crash' } },
    { label: '3 servers, syncLimit 2, 8 ticks, crash + restart', opts: { servers: 3, syncLimit: 2, maxTicks: 8, faults: 'crash,restart' } },
    { label: '3 servers, syncLimit 2, 8 ticks, 1 partition', opts: { servers: 3, syncLimit: 2, maxTicks: 8, faults: 'partition' } },
    { label: '3 servers, syncLimit 1, 8 ticks, 2 message losses', opts: { servers: 3, syncLimit: 1, maxTicks: 8, faults: 'loss:2' } },
    { label: 'sessions: 2 clients, timeout 3 ticks, 8 ticks', opts: { sessions: 2, sessionTimeout: 3, maxTicks: 8 } },
    // Time never stops: the unbounded leader-eventually liveness property is checked too.
    { label: '3 servers, syncLimit 2, 7 ticks, crash + restart, open clock', opts: { servers: 3, syncLimit: 2, maxTicks: 7, faults: 'crash,restart', openClock: true } },
  ],
};
