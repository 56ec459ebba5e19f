/**
 * The child process a TypeScript library adapter runs in: the library side of the
 * balancer protocol over stdin/stdout. Usage (the harness starts it):
 *   node --import tsx conformance/adapters/harness/child.ts <adapter module URL> <adapter id>
 * It answers protocol requests one by one, and also runs a whole scenario on request (the
 * driver here, beside the library: no round trip per call), writing a heartbeat at least
 * every 100 ms so that the harness can tell a hung call from a long scenario.
 * Replies are written with a synchronous write, so whatever the library does next (loop
 * forever, exit) cannot lose a reply already given.
 */
import { writeSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { reloadPackages } from '../libraries/package-version.ts';
import { driveSync, type DriveMeta } from './drive.ts';
import { InProcessHost } from './host.ts';
import type { Capabilities, LibraryAdapter } from './library.ts';
import type { Scenario } from './scenario.ts';
import { AdapterServer, type Request } from './protocol.ts';

const [moduleUrl, id] = process.argv.slice(2);
const mod = (await import(moduleUrl)) as { adapters?: LibraryAdapter[] };
const adapter = mod.adapters?.find((a) => a.id === id);
if (!adapter) {
  process.stderr.write(`no adapter ${id} in ${moduleUrl}\n`);
  process.exit(2);
}
const server = new AdapterServer(adapter, true);
/** A whole scenario may take this many per-call timeouts (a library slow on every call). */
const SCENARIO_TIMEOUTS = 10;
const local = new InProcessHost(adapter, true, reloadPackages);

/** A whole scenario here, with a heartbeat line at least every 100 ms while it runs. */
function runScenario(msg: { scenario: Scenario; capabilities: Capabilities; meta: DriveMeta; timeoutMs: number }) {
  const started = performance.now();
  let last = started;
  const outcome = driveSync(msg.scenario, msg.capabilities, msg.meta, (c) => {
    const before = performance.now();
    if (before - last > 100) { last = before; writeSync(1, '{"alive":1}\n'); }
    const reply = local.callSync(c);
    const after = performance.now();
    // A call that returns, but later than the timeout, did not return in time; nor did
    // the calls of a scenario that runs past SCENARIO_TIMEOUTS timeouts in all.
    if (after - before > msg.timeoutMs) return { ok: false, timeout: true, tookMs: after - before };
    if (after - started > SCENARIO_TIMEOUTS * msg.timeoutMs) return { ok: false, timeout: true, scenarioMs: after - started };
    return reply;
  });
  return { ok: true, outcome };
}

createInterface({ input: process.stdin }).on('line', (line) => {
  let reply;
  try {
    const msg = JSON.parse(line) as Request | { op: 'scenario'; scenario: Scenario; capabilities: Capabilities; meta: DriveMeta; timeoutMs: number };
    reply = msg.op === 'scenario' ? runScenario(msg) : server.handle(msg);
  } catch (err) {
    reply = { ok: false, error: `protocol: bad request line: ${(err as Error).message}` };
  }
  writeSync(1, `${JSON.stringify(reply)}\n`);
});
