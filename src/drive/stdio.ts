/**
 * The JSON-lines binding (docs/drive-protocol.md): the implementation is a process that
 * reads one request per line on stdin and answers each with one line on stdout.
 * Requests are strictly sequential and carry an `id` the reply echoes, so a stray line on
 * stdout (a debug print) is named as such instead of shifting every later reply. A line
 * that is not JSON, a wrong id, `ok: false`, a timeout or an exit is an AdapterError
 * naming the request.
 *
 * The process runs in its own process group (spawned detached) and the whole group is
 * killed on every way out: close, timeout, the driver's exit, SIGINT/SIGTERM. A child
 * that forks helpers, or a shell pipeline, leaves nothing behind.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { createInterface } from 'node:readline';
import { AdapterError, type Adapter, type DriveConfig, type DriveInput, type DriveOutput } from './adapter.ts';

/** 2: requests carry `id`, replies echo it; hello may declare observes and ballots. */
export const PROTOCOL_VERSION = 2;

export interface Hello {
  name: string;
  /** Roles the process implements; the driver runs the others in-process. */
  roles: string[];
  /** Per role, the state fields the process exposes (absent: the whole state). */
  observes?: Record<string, string[]>;
  /** How ballots are written: plain integers (the model's), or [number, node id] pairs. */
  ballots: 'int' | 'pair';
}

type Reply = { ok: true } & Record<string, unknown>;

/** Every live child's process group, so that any exit of the driver can kill them. */
const live = new Set<number>();
let hooked = false;
function killGroup(pid: number): void {
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    // The group is already gone.
  }
  live.delete(pid);
}
function hookExit(): void {
  if (hooked) return;
  hooked = true;
  process.on('exit', () => { for (const pid of [...live]) killGroup(pid); });
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.once(sig, () => {
      for (const pid of [...live]) killGroup(pid);
      process.kill(process.pid, sig);
    });
  }
}

export class StdioAdapter implements Adapter {
  name = 'stdio';
  private readonly child: ChildProcessWithoutNullStreams;
  private waiting: { id: number; resolve(r: Reply): void; reject(e: Error): void; request: string } | null = null;
  private nextId = 1;
  private lastAnswered = '';
  private stray: string | null = null;
  private stderr = '';
  private exited: string | null = null;
  private declared: Hello | null = null;

  /** Starts `command` through /bin/sh (exec'd, so the process is the command itself) in its own process group. */
  constructor(readonly command: string, private readonly timeoutMs = 5000) {
    hookExit();
    this.child = spawn('/bin/sh', ['-c', `exec ${command}`], { stdio: ['pipe', 'pipe', 'pipe'], detached: true });
    if (this.child.pid !== undefined) live.add(this.child.pid);
    this.child.stderr.on('data', (d: Buffer) => { this.stderr = (this.stderr + d.toString()).slice(-2000); });
    this.child.on('exit', (code, signal) => {
      this.exited = `exited (${signal ?? code})${this.stderr ? `: ${this.stderr.trim()}` : ''}`;
      // The process may be gone while helpers it started live on in its group.
      if (this.child.pid !== undefined) killGroup(this.child.pid);
      this.fail(new AdapterError(`'${command}' ${this.exited} during ${this.waiting?.request ?? ''}`));
    });
    this.child.on('error', (err) => {
      this.exited = err.message;
      this.fail(new AdapterError(`'${command}' failed: ${err.message}`));
    });
    this.child.stdin.on('error', () => {});
    createInterface({ input: this.child.stdout }).on('line', (line) => this.reply(line));
  }

  private fail(err: Error): void {
    const w = this.waiting;
    this.waiting = null;
    w?.reject(err);
  }

  private reply(line: string): void {
    const w = this.waiting;
    let parsed: unknown;
    try {
      parsed = JSON.parse(line);
    } catch {
      parsed = undefined;
    }
    const r = parsed as Record<string, unknown> | undefined;
    const id = typeof r === 'object' && r !== null ? r.id : undefined;
    if (!w || id !== w.id) {
      // Not the answer to the pending request: a stray line. Say so, never shift replies.
      const after = w ? `while waiting for the reply to ${w.request} (id ${w.id})` : `after the reply to ${this.lastAnswered}`;
      const why = r === undefined ? 'a line that is not JSON' : id === undefined ? 'a line without the request id' : `a reply with id ${JSON.stringify(id)}`;
      const err = new AdapterError(`'${this.command}' wrote a stray line on stdout ${after} (${why}; replies echo the request's "id", logs go to stderr): ${line.slice(0, 200)}`);
      if (w) this.fail(err);
      else this.stray ??= err.message;
      return;
    }
    this.waiting = null;
    this.lastAnswered = w.request;
    if (r?.ok !== true) {
      const why = typeof r?.error === 'string' ? r.error : line.slice(0, 200);
      w.reject(new AdapterError(`'${this.command}' refused ${w.request}: ${why}`));
      return;
    }
    w.resolve(r as Reply);
  }

  private request(body: Record<string, unknown>): Promise<Reply> {
    const request = `${String(body.op)}${body.node ? ` ${String(body.node)}` : ''}`;
    if (this.exited) return Promise.reject(new AdapterError(`'${this.command}' ${this.exited}`));
    if (this.stray) return Promise.reject(new AdapterError(this.stray));
    const id = this.nextId++;
    return new Promise<Reply>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.fail(new AdapterError(`'${this.command}' did not answer ${request} (id ${id}) within ${this.timeoutMs} ms`));
        if (this.child.pid !== undefined) killGroup(this.child.pid);
      }, this.timeoutMs);
      this.waiting = {
        id, request,
        resolve: (r) => { clearTimeout(timer); resolve(r); },
        reject: (e) => { clearTimeout(timer); reject(e); },
      };
      this.child.stdin.write(`${JSON.stringify({ id, ...body })}\n`);
    });
  }

  async hello(): Promise<Hello> {
    const r = await this.request({ op: 'hello', version: PROTOCOL_VERSION });
    if (typeof r.name === 'string') this.name = `stdio:${r.name}`;
    if (!Array.isArray(r.roles) || !r.roles.every((x) => typeof x === 'string')) {
      throw new AdapterError(`'${this.command}' answered hello without a list of roles`);
    }
    const observes = r.observes;
    if (observes !== undefined && (typeof observes !== 'object' || observes === null
      || !Object.values(observes).every((fs) => Array.isArray(fs) && fs.every((f) => typeof f === 'string')))) {
      throw new AdapterError(`'${this.command}' answered hello with "observes" that is not an object of role -> [field names]`);
    }
    const ballots = r.ballots ?? 'int';
    if (ballots !== 'int' && ballots !== 'pair') throw new AdapterError(`'${this.command}' answered hello with "ballots": ${JSON.stringify(ballots)}; expected "int" or "pair"`);
    this.declared = { name: this.name, roles: r.roles as string[], observes: observes as Hello['observes'], ballots };
    return this.declared;
  }

  async reset(config: DriveConfig): Promise<void> {
    await this.request({ op: 'reset', config });
  }

  async step(node: string, input: DriveInput): Promise<DriveOutput[]> {
    const r = await this.request({ op: 'step', node, input });
    if (!Array.isArray(r.outputs)) throw new AdapterError(`'${this.command}' answered step ${node} without outputs`);
    return r.outputs as DriveOutput[];
  }

  async observe(node: string): Promise<unknown> {
    const r = await this.request({ op: 'observe', node });
    return r.state ?? undefined;
  }

  async restart(node: string): Promise<void> {
    await this.request({ op: 'restart', node });
  }

  /** Ends the process: stdin closed, then the whole group killed if it has not exited within a second. */
  async close(): Promise<void> {
    const pid = this.child.pid;
    if (this.exited || pid === undefined) {
      if (pid !== undefined) killGroup(pid);
      return;
    }
    const done = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
    this.child.stdin.end();
    const timer = setTimeout(() => killGroup(pid), 1000);
    await done;
    clearTimeout(timer);
    killGroup(pid);
  }
}
