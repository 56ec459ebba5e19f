/**
 * The JSON-lines binding (docs/drive-protocol.md): the implementation is a process that
 * reads one request per line on stdin and answers each with one line on stdout.
 * Requests are strictly sequential. Anything else on stdout, a reply that is not JSON,
 * `ok: false`, a timeout or an exit is an AdapterError naming the request.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { createInterface } from 'node:readline';
import { AdapterError, type Adapter, type DriveConfig, type DriveInput, type DriveOutput } from './adapter.ts';

export const PROTOCOL_VERSION = 1;

export interface Hello {
  name: string;
  /** Roles the process implements; the driver runs the others in-process. */
  roles: string[];
}

type Reply = { ok: true } & Record<string, unknown>;

export class StdioAdapter implements Adapter {
  name = 'stdio';
  private readonly child: ChildProcessWithoutNullStreams;
  private readonly waiting: { resolve(r: Reply): void; reject(e: Error): void; request: string }[] = [];
  private stderr = '';
  private exited: string | null = null;

  /** Starts `command` through /bin/sh (exec'd, so the process is the command itself). */
  constructor(readonly command: string, private readonly timeoutMs = 5000) {
    this.child = spawn('/bin/sh', ['-c', `exec ${command}`], { stdio: ['pipe', 'pipe', 'pipe'] });
    this.child.stderr.on('data', (d: Buffer) => { this.stderr = (this.stderr + d.toString()).slice(-2000); });
    this.child.on('exit', (code, signal) => {
      this.exited = `exited (${signal ?? code})${this.stderr ? `: ${this.stderr.trim()}` : ''}`;
      for (const w of this.waiting.splice(0)) w.reject(new AdapterError(`'${command}' ${this.exited} during ${w.request}`));
    });
    this.child.on('error', (err) => {
      this.exited = err.message;
      for (const w of this.waiting.splice(0)) w.reject(new AdapterError(`'${command}' failed: ${err.message}`));
    });
    this.child.stdin.on('error', () => {});
    createInterface({ input: this.child.stdout }).on('line', (line) => this.reply(line));
  }

  private reply(line: string): void {
    const w = this.waiting.shift();
    if (!w) return;
    let parsed: unknown;
    try {
      parsed = JSON.parse(line);
    } catch {
      w.reject(new AdapterError(`'${this.command}' answered ${w.request} with a line that is not JSON: ${line.slice(0, 200)}`));
      return;
    }
    const r = parsed as Record<string, unknown>;
    if (typeof r !== 'object' || r === null || r.ok !== true) {
      const why = typeof r?.error === 'string' ? r.error : line.slice(0, 200);
      w.reject(new AdapterError(`'${this.command}' refused ${w.request}: ${why}`));
      return;
    }
    w.resolve(r as Reply);
  }

  private request(body: Record<string, unknown>): Promise<Reply> {
    const request = `${String(body.op)}${body.node ? ` ${String(body.node)}` : ''}`;
    if (this.exited) return Promise.reject(new AdapterError(`'${this.command}' ${this.exited}`));
    return new Promise<Reply>((resolve, reject) => {
      const timer = setTimeout(() => {
        reject(new AdapterError(`'${this.command}' did not answer ${request} within ${this.timeoutMs} ms`));
        this.child.kill('SIGKILL');
      }, this.timeoutMs);
      this.waiting.push({
        request,
        resolve: (r) => { clearTimeout(timer); resolve(r); },
        reject: (e) => { clearTimeout(timer); reject(e); },
      });
      this.child.stdin.write(`${JSON.stringify(body)}\n`);
    });
  }

  async hello(): Promise<Hello> {
    const r = await this.request({ op: 'hello', version: PROTOCOL_VERSION });
    if (typeof r.name === 'string') this.name = `stdio:${r.name}`;
    if (!Array.isArray(r.roles) || !r.roles.every((x) => typeof x === 'string')) {
      throw new AdapterError(`'${this.command}' answered hello without a list of roles`);
    }
    return { name: this.name, roles: r.roles as string[] };
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

  async close(): Promise<void> {
    if (this.exited) return;
    const done = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
    this.child.stdin.end();
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 1000);
    await done;
    clearTimeout(timer);
  }
}
