/**
 * Starts and controls a real ZooKeeper ensemble: one JVM per server, all on 127.0.0.1.
 * Only processes this module spawned are ever signalled, and only by their PID.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, openSync, closeSync, writeFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  ensembleSpec, javaArgs, log4jProperties, zooCfg, DEFAULT_TIMING,
  type EnsembleSpec, type EnsembleTiming, type ServerSpec,
} from './config.ts';

/** Asks the kernel for `count` distinct free ports on 127.0.0.1. */
export async function freePorts(count: number): Promise<number[]> {
  const ports = new Set<number>();
  while (ports.size < count) {
    const port = await new Promise<number>((resolve, reject) => {
      const srv = createServer();
      srv.once('error', reject);
      srv.listen(0, '127.0.0.1', () => {
        const addr = srv.address();
        const p = typeof addr === 'object' && addr ? addr.port : 0;
        srv.close(() => resolve(p));
      });
    });
    ports.add(port);
  }
  return [...ports];
}

export interface ServerFiles {
  dataDir: string;
  cfg: string;
  log4j: string;
  logDir: string;
  /** The log4j output the log watcher tails. */
  log: string;
  /** The JVM's own stdout/stderr (crash messages before log4j is up). */
  stdio: string;
}

export class Ensemble {
  readonly spec: EnsembleSpec;
  readonly dir: string;
  private readonly procs = new Map<number, ChildProcess>();
  private readonly onExit = () => this.killAllSync();

  private constructor(spec: EnsembleSpec, dir: string) {
    this.spec = spec;
    this.dir = dir;
    process.once('exit', this.onExit);
  }

  static async create(timing: EnsembleTiming = DEFAULT_TIMING, size = 3): Promise<Ensemble> {
    const spec = ensembleSpec(await freePorts(3 * size), timing);
    const dir = mkdtempSync(join(tmpdir(), 'coordkit-zk-'));
    const ens = new Ensemble(spec, dir);
    for (const s of spec.servers) ens.writeFiles(s);
    return ens;
  }

  server(sid: number): ServerSpec {
    const s = this.spec.servers.find((x) => x.sid === sid);
    if (!s) throw new Error(`no server ${sid}`);
    return s;
  }

  files(sid: number): ServerFiles {
    const base = join(this.dir, `s${sid}`);
    return {
      dataDir: join(base, 'data'),
      cfg: join(base, 'zoo.cfg'),
      log4j: join(base, 'log4j.properties'),
      logDir: base,
      log: join(base, 'zookeeper.log'),
      stdio: join(base, 'stdio.log'),
    };
  }

  private writeFiles(s: ServerSpec): void {
    const f = this.files(s.sid);
    mkdirSync(f.dataDir, { recursive: true });
    writeFileSync(join(f.dataDir, 'myid'), `${s.sid}\n`);
    writeFileSync(f.cfg, zooCfg(this.spec, s, f.dataDir));
    writeFileSync(f.log4j, log4jProperties(f.log));
  }

  pid(sid: number): number | undefined {
    return this.procs.get(sid)?.pid;
  }

  isRunning(sid: number): boolean {
    return this.procs.has(sid);
  }

  /** Starts (or restarts, keeping its data dir) one server's JVM. */
  start(sid: number): number {
    if (this.procs.has(sid)) throw new Error(`server ${sid} is already running`);
    const f = this.files(sid);
    const out = openSync(f.stdio, 'a');
    const child = spawn('java', javaArgs(this.spec, f.cfg, f.log4j, f.logDir), {
      stdio: ['ignore', out, out],
      cwd: f.logDir,
    });
    closeSync(out);
    if (child.pid === undefined) throw new Error(`could not spawn java for server ${sid}`);
    this.procs.set(sid, child);
    child.once('exit', () => {
      if (this.procs.get(sid) === child) this.procs.delete(sid);
    });
    return child.pid;
  }

  startAll(): void {
    for (const s of this.spec.servers) this.start(s.sid);
  }

  private signal(sid: number, sig: NodeJS.Signals): number {
    const pid = this.pid(sid);
    if (pid === undefined) throw new Error(`server ${sid} is not running`);
    process.kill(pid, sig);
    return pid;
  }

  /** kill -9: the process dies at once, its sockets are closed by the kernel. */
  async crash(sid: number): Promise<void> {
    const child = this.procs.get(sid);
    if (!child) throw new Error(`server ${sid} is not running`);
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    this.signal(sid, 'SIGKILL');
    await exited;
  }

  /** SIGSTOP: the JVM freezes with its sockets open, like a long GC pause. */
  pause(sid: number): void {
    this.signal(sid, 'SIGSTOP');
  }

  resume(sid: number): void {
    this.signal(sid, 'SIGCONT');
  }

  /** Kills every server we started (SIGKILL works on stopped processes too). */
  async stop(removeDir = true): Promise<void> {
    const waits = [...this.procs.values()].map((c) => new Promise<void>((resolve) => {
      if (c.exitCode !== null || c.signalCode !== null) return resolve();
      c.once('exit', () => resolve());
    }));
    this.killAllSync();
    await Promise.all(waits);
    process.removeListener('exit', this.onExit);
    if (removeDir) rmSync(this.dir, { recursive: true, force: true });
  }

  private killAllSync(): void {
    for (const child of this.procs.values()) {
      if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) continue;
      try { process.kill(child.pid, 'SIGKILL'); } catch { /* already gone */ }
    }
  }
}
