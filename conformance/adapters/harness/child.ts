/**
 * The child process a TypeScript library adapter runs in: the library side of the
 * balancer protocol over stdin/stdout. Usage (the harness starts it):
 *   node --import tsx conformance/adapters/harness/child.ts <adapter module URL> <adapter id>
 * Replies are written with a synchronous write, so whatever the library does next (loop
 * forever, exit) cannot lose a reply already given.
 */
import { writeSync } from 'node:fs';
import { createInterface } from 'node:readline';
import type { LibraryAdapter } from './library.ts';
import { AdapterServer, type Request } from './protocol.ts';

const [moduleUrl, id] = process.argv.slice(2);
const mod = (await import(moduleUrl)) as { adapters?: LibraryAdapter[] };
const adapter = mod.adapters?.find((a) => a.id === id);
if (!adapter) {
  process.stderr.write(`no adapter ${id} in ${moduleUrl}\n`);
  process.exit(2);
}
const server = new AdapterServer(adapter, true);
createInterface({ input: process.stdin }).on('line', (line) => {
  let reply;
  try {
    reply = server.handle(JSON.parse(line) as Request);
  } catch (err) {
    reply = { ok: false, error: `protocol: bad request line: ${(err as Error).message}` };
  }
  writeSync(1, `${JSON.stringify(reply)}\n`);
});
