/**
 * Where a library runs while the harness drives it. `StdioHost` runs it in a child
 * process speaking the balancer protocol (any language; TypeScript adapters through
 * child.ts), with a timeout on every call: a call that does not answer in time is
 * reported as a timeout and the process is killed (SIGKILL, by its PID) and started
 * afresh for the next call; a process that exits is reported as died. `InProcessHost`
 * calls a trusted adapter directly (the kit's own implementations, and tests), with no
 * isolation and no timeout. Both turn the driver's calls into protocol requests: a
 * restart in a fresh process is a new process configured with the current backends.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { createInterface } from 'node:readline';
import type { Call, DriveMeta, DriveOutcome, Reply } from './drive.ts';
import type { Capabilities, LibraryAdapter } from './library.ts';
import type { Scenario } from './scenario.ts';
import { AdapterServer, type Hello, type Request } from './protocol.ts';

export interface Host {
  /** The library's own description of itself (capabilities included). */
  hello(): Promise<Hello>;
  call(c: Call): Promise<Reply>;
  /** Ends the child process, if any, for good: the host starts no other (idempotent). */
  close(): void;
}

/** Turns a driver call into the protocol request(s) for it. */
function toRequest(c: Call, incarnation: number): Request {
  switch (c.op) {
    case 'configure': return { op: 'configure', policy: c.policy, backends: c.backends, seed: c.seed, incarnation };
    case 'restart': return c.process ? { op: 'configure', backends: c.backends, seed: c.seed, incarnation } : { op: 'restart' };
    case 'pick': return { op: 'pick', request: c.request, key: c.key };
    case 'done': return { op: 'done', request: c.request };
    case 'membership': return { op: 'membership', backends: c.backends, change: c.change };
  }
}

export class InProcessHost implements Host {
  private server: AdapterServer;
  private incarnation = 0;
  /** `ownsProcess`: this is the library's child process (Math.random replaced for good);
   * `freshProcess` emulates a new process there (modules reloaded). */
  constructor(private readonly adapter: LibraryAdapter, private readonly ownsProcess = false, private readonly freshProcess: () => void = () => {}) {
    this.server = new AdapterServer(adapter, ownsProcess);
  }
  hello(): Promise<Hello> {
    return Promise.resolve(this.server.handle({ op: 'hello' }) as Hello);
  }
  /** Synchronous, for fast in-process runs. */
  callSync(c: Call): Reply {
    if (c.op === 'configure') this.incarnation = 0;
    if (c.op === 'restart' && c.process) {
      this.incarnation++;
      this.freshProcess();
      this.server = new AdapterServer(this.adapter, this.ownsProcess);
    }
    return this.server.handle(toRequest(c, this.incarnation)) as Reply;
  }
  call(c: Call): Promise<Reply> {
    return Promise.resolve(this.callSync(c));
  }
  close(): void {}
}

export interface StdioHostOptions {
  /** Per-call timeout, ms. */
  timeoutMs: number;
  /** The process runs whole scenarios itself (child.ts): one request per scenario, with a
   * heartbeat at least every 100 ms; silence past the timeout falls back to call-by-call. */
  scenarioMode?: boolean;
  /** Timeout for the process to start and answer hello, ms. */
  startMs?: number;
  cwd?: string;
}

export class StdioHost implements Host {
  private proc: ChildProcessWithoutNullStreams | null = null;
  private replies: string[] = [];
  private waiting: ((line: string | null) => void) | null = null;
  private exited: string | null = null;
  private stderr = '';
  private incarnation = 0;
  private helloReply: Hello | null = null;
  private disposed = false;
  /** PIDs of every process this host started (tests check that none is left). */
  readonly started: number[] = [];

  constructor(private readonly command: string[], private readonly options: StdioHostOptions) {}

  private spawnProcess(): void {
    if (this.disposed) throw new Error('host closed');
    const [cmd, ...args] = this.command;
    const proc = spawn(cmd, args, { stdio: ['pipe', 'pipe', 'pipe'], cwd: this.options.cwd });
    this.proc = proc;
    this.replies = [];
    this.exited = null;
    this.stderr = '';
    if (proc.pid !== undefined) this.started.push(proc.pid);
    createInterface({ input: proc.stdout }).on('line', (line) => {
      if (proc !== this.proc) return;
      if (this.waiting) { const w = this.waiting; this.waiting = null; w(line); } else this.replies.push(line);
    });
    proc.stderr.on('data', (d: Buffer) => { this.stderr = (this.stderr + d.toString()).slice(-600); });
    proc.stdin.on('error', () => {});
    proc.on('exit', (code, signal) => {
      if (proc !== this.proc) return;
      this.exited = `exit ${signal ?? code}${this.stderr.trim() ? `: ${this.stderr.trim().split('\n').slice(-3).join(' / ')}` : ''}`;
      if (this.waiting) { const w = this.waiting; this.waiting = null; w(null); }
    });
  }

  /** One request, one reply line; null on timeout, or the exit description if it died. */
  private async roundTrip(req: Request, timeoutMs: number): Promise<{ line: string } | { timeout: true } | { died: string }> {
    if (this.disposed) return { died: 'the harness closed this library' };
    if (this.proc === null) this.spawnProcess();
    if (this.exited !== null) return { died: this.exited };
    this.proc!.stdin.write(`${JSON.stringify(req)}\n`);
    return this.nextLine(timeoutMs);
  }

  /** Scenario mode: the whole scenario in the child; null when it must be re-run call by
   * call (a call hung, or the process died), which then names the call. */
  async runScenario(s: Scenario, caps: Capabilities, meta: DriveMeta): Promise<DriveOutcome | null> {
    if (!this.options.scenarioMode) return null;
    if (this.proc === null) {
      const h = await this.roundTrip({ op: 'hello' }, this.options.startMs ?? 60_000);
      if (!('line' in h)) return null;
    }
    let r = await this.roundTrip({ op: 'scenario', scenario: s, capabilities: caps, meta, timeoutMs: this.options.timeoutMs } as unknown as Request, this.options.timeoutMs);
    while ('line' in r && r.line.startsWith('{"alive"')) r = await this.nextLine(this.options.timeoutMs);
    if (!('line' in r)) return null;
    const reply = JSON.parse(r.line) as { ok: boolean; outcome?: DriveOutcome };
    return reply.ok && reply.outcome ? reply.outcome : null;
  }

  private async nextLine(timeoutMs: number): Promise<{ line: string } | { timeout: true } | { died: string }> {
    if (this.replies.length > 0) return { line: this.replies.shift()! };
    if (this.exited !== null || this.proc === null) { const died = this.exited ?? 'exited'; this.kill(); return { died }; }
    let timer: NodeJS.Timeout | undefined;
    const line = await new Promise<string | null | 'timeout'>((resolve) => {
      this.waiting = resolve;
      timer = setTimeout(() => { this.waiting = null; resolve('timeout'); }, timeoutMs);
    });
    clearTimeout(timer);
    if (line === 'timeout') { this.kill(); return { timeout: true }; }
    if (line === null) { const died = this.exited ?? 'exited'; this.kill(); return { died }; }
    return { line };
  }

  async hello(): Promise<Hello> {
    if (this.helloReply) return this.helloReply;
    const r = await this.roundTrip({ op: 'hello' }, this.options.startMs ?? 60_000);
    if (!('line' in r)) throw new Error(`${this.command.join(' ')}: no hello (${'died' in r ? r.died : 'timeout'})`);
    const h = JSON.parse(r.line) as Hello;
    if (!h.ok || !h.capabilities) throw new Error(`${this.command.join(' ')}: bad hello reply ${r.line}`);
    this.helloReply = h;
    return h;
  }

  async call(c: Call): Promise<Reply> {
    if (c.op === 'configure') this.incarnation = 0;
    if (c.op === 'restart' && c.process) { this.kill(); this.incarnation++; }
    // A fresh process answers hello first: its start-up is not the call's time.
    if (this.proc === null) {
      const h = await this.roundTrip({ op: 'hello' }, this.options.startMs ?? 60_000);
      if (!('line' in h)) return 'died' in h ? { ok: false, died: h.died } : { ok: false, died: 'the process did not start' };
    }
    const r = await this.roundTrip(toRequest(c, this.incarnation), this.options.timeoutMs);
    if ('timeout' in r) return { ok: false, timeout: true };
    if ('died' in r) return { ok: false, died: r.died };
    try {
      return JSON.parse(r.line) as Reply;
    } catch {
      return { ok: false, error: `protocol: reply is not JSON: ${r.line.slice(0, 120)}` };
    }
  }

  close(): void {
    this.disposed = true;
    this.kill();
  }

  /** Kills the current process (a new one starts on the next call). */
  private kill(): void {
    const p = this.proc;
    this.proc = null;
    if (this.waiting) { const w = this.waiting; this.waiting = null; w(null); }
    if (p && p.exitCode === null && p.signalCode === null && p.pid !== undefined) {
      try { process.kill(p.pid, 'SIGKILL'); } catch { /* already gone */ }
    }
  }
}
