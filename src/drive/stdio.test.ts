/**
 * The stdio adapter against misbehaving processes: a stray line on stdout is named, not
 * taken for a reply; a process that never answers times out and its whole process group
 * (helpers it started included) is killed.
 */
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { StdioAdapter } from './stdio.ts';

/** Running (a zombie nobody reaped yet counts as dead: it holds no resources but its pid). */
const alive = (pid: number) => {
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
};

const script = (body: string) => `python3 -c '${body.replace(/'/g, "'\\''")}'`;

describe('stdio adapter', () => {
  it('a stray line before a reply is reported as a stray line, naming the request it came before', async () => {
    const a = new StdioAdapter(script(`import sys, json
for line in sys.stdin:
    req = json.loads(line)
    print("debug: got", req["op"], flush=True)
    print(json.dumps({"ok": True, "id": req["id"], "name": "x", "roles": ["acceptor"]}), flush=True)`));
    await expect(a.hello()).rejects.toThrow(/stray line on stdout while waiting for the reply to hello \(id 1\).*debug: got hello/);
    await a.close();
  });

  it('replies are matched by id: a reply with the wrong id is a stray line, not the answer', async () => {
    const a = new StdioAdapter(script(`import sys, json
for line in sys.stdin:
    req = json.loads(line)
    print(json.dumps({"ok": True, "id": req["id"] + 1, "roles": []}), flush=True)`));
    await expect(a.hello()).rejects.toThrow(/stray line.*a reply with id 2/);
    await a.close();
  });

  it('a process that never answers times out after 500 ms and its helper process dies with it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'coordkit-stdio-'));
    const pidFile = join(dir, 'helper.pid');
    const a = new StdioAdapter(`sh -c 'sleep 300 & echo $! > ${pidFile}; sleep 300'`, 500);
    const started = Date.now();
    await expect(a.hello()).rejects.toThrow(/did not answer hello \(id 1\) within 500 ms/);
    expect(Date.now() - started).toBeLessThan(3000);
    await a.close();
    const helper = Number(readFileSync(pidFile, 'utf8'));
    await new Promise((r) => setTimeout(r, 200));
    expect(alive(helper)).toBe(false);
  });

  it('close kills a process that ignores the end of its input, with its helpers', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'coordkit-stdio-'));
    const pidFile = join(dir, 'helper.pid');
    const a = new StdioAdapter(script(`import subprocess, sys, json, signal, time
signal.signal(signal.SIGTERM, signal.SIG_IGN)
p = subprocess.Popen(["sleep", "300"])
open(${JSON.stringify(pidFile)}, "w").write(str(p.pid))
req = json.loads(sys.stdin.readline())
print(json.dumps({"ok": True, "id": req["id"], "name": "x", "roles": ["acceptor"]}), flush=True)
time.sleep(300)`));
    expect((await a.hello()).roles).toEqual(['acceptor']);
    await a.close();
    await new Promise((r) => setTimeout(r, 200));
    expect(alive(Number(readFileSync(pidFile, 'utf8')))).toBe(false);
  });
});
