/**
 * End to end against real Apache ZooKeeper: install (if needed), start a 3-server
 * ensemble, record it under kill -9 / SIGSTOP / session expiry, and verify the trace
 * with `coordkit verify` and the cluster checkers. Mutants of the same real trace show
 * that verify catches what it claims to check.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { header as headerSchema, traceEvent, type TraceEvent } from '../../schema/trace.ts';
import { readTraceText } from '../../schema/reader.ts';
import { verifyItems, type TraceReport } from '../../checkers/run.ts';
import { recordZooKeeper, type Recording } from './recorder.ts';
import { traceToJsonl } from '../../schema/writer.ts';

const ROOT = resolve(import.meta.dirname, '../../..');

const verdict = (r: TraceReport, property: string) => {
  const v = r.verdicts.find((x) => x.property === property);
  if (!v) throw new Error(`no verdict for ${property}: ${r.verdicts.map((x) => x.property).join(', ')}`);
  return v;
};

const verifyEvents = (rec: Recording, events: TraceEvent[]) =>
  verifyItems(readTraceText(traceToJsonl({ header: rec.header, events })), 'mutant.jsonl');

describe('real ZooKeeper ensemble', () => {
  let rec: Recording;
  let file: string;

  beforeAll(async () => {
    const install = spawnSync('bash', [join(ROOT, 'scripts/zookeeper/install.sh')], { stdio: 'inherit', timeout: 540_000 });
    expect(install.status, 'scripts/zookeeper/install.sh failed').toBe(0);
    rec = await recordZooKeeper({ log: (l) => process.stdout.write(`[zookeeper] ${l}\n`) });
    process.stdout.write(`[zookeeper] measured ${JSON.stringify(rec.measured)}\n`);
    file = join(mkdtempSync(join(tmpdir(), 'coordkit-zk-trace-')), 'zookeeper.jsonl');
    writeFileSync(file, traceToJsonl(rec));
  });

  it('writes a trace every line of which matches the schema', () => {
    expect(headerSchema.safeParse(rec.header).success).toBe(true);
    for (const e of rec.events) expect(traceEvent.safeParse(e).error).toBeUndefined();
    const kinds = new Set(rec.events.map((e) => e.kind));
    for (const k of ['role', 'tick', 'crash', 'restart', 'pause', 'resume', 'suspect', 'session']) expect(kinds).toContain(k);
  });

  it('saw the faults take effect: a new epoch after the crash, expiry only after the timeout', () => {
    const led = rec.events.filter((e) => e.kind === 'role' && e.role === 'leading').map((e) => (e as { epoch: number }).epoch);
    expect(new Set(led).size).toBeGreaterThanOrEqual(2);
    expect(rec.measured.sessionExpiryAfterLastHeartbeatMs).toBeGreaterThanOrEqual(rec.measured.negotiatedSessionTimeoutMs);
    expect(rec.measured.leaderGaveUpPausedFollowerMs).not.toBeNull();
  });

  it('passes `coordkit verify`', () => {
    const out = spawnSync('node', [join(ROOT, 'bin/coordkit.mjs'), 'verify', '--json', file], { encoding: 'utf8', cwd: ROOT });
    expect(out.stderr).toBe('');
    const [report] = JSON.parse(out.stdout) as TraceReport[];
    const failing = report.verdicts.filter((v) => v.status === 'fail');
    expect(failing, JSON.stringify(failing, null, 1)).toEqual([]);
    expect(out.status).toBe(0);
    for (const p of ['cluster.one-leader-per-epoch', 'cluster.monotonic-epochs', 'cluster.session-expiry', 'cluster.election-time']) {
      expect(verdict(report, p).status).toBe('pass');
    }
    // The crash of the leader is the last fault: the checker times the failover.
    expect(verdict(report, 'cluster.election-time').figures.electionMs).toBeGreaterThan(0);
  });

  it('verify catches a second leader in an epoch (mutant of the real trace)', async () => {
    const leading = rec.events.find((e) => e.kind === 'role' && e.role === 'leading')!;
    const other = rec.header.config.servers.find((s) => s !== leading.node)!;
    const forged = { ...leading, node: other, leader: other } as TraceEvent;
    const at = rec.events.indexOf(leading) + 1;
    const mutant = [...rec.events.slice(0, at), forged, ...rec.events.slice(at)]
      .map((e, i) => ({ ...e, seq: i + 1 }) as TraceEvent);
    const report = await verifyEvents(rec, mutant);
    expect(verdict(report, 'cluster.one-leader-per-epoch').status).toBe('fail');
  });

  it('verify catches a session expired before its timeout (mutant of the real trace)', async () => {
    const beats = rec.events.filter((e) => e.kind === 'session' && e.action === 'heartbeat');
    const last = beats[beats.length - 1];
    const expire = rec.events.find((e) => e.kind === 'session' && e.action === 'expire')!;
    // Move the expiry to half a timeout after the last heartbeat.
    const early = { ...expire, ts: (last.ts ?? 0) + rec.measured.negotiatedSessionTimeoutMs / 2 } as TraceEvent;
    const mutant = rec.events.filter((e) => e !== expire).concat(early)
      .sort((a, b) => (a.ts ?? 0) - (b.ts ?? 0) || a.seq - b.seq)
      .map((e, i) => ({ ...e, seq: i + 1 }) as TraceEvent);
    const report = await verifyEvents(rec, mutant);
    expect(verdict(report, 'cluster.session-expiry').status).toBe('fail');
  });
});
