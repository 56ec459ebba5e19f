/**
 * Starts and controls a real ZooKeeper ensemble: one JVM per server, all on 127.0.0.1.
 * Only processes this module spawned are ever signalled, and only by their PID.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, openSync, closeSync, writeFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensembleSpec, javaArgs, log4jProperties, zooCfg, DEFAULT_TIMING, } from './config.js';
/** Asks the kernel for `count` distinct free ports on 127.0.0.1. */
export async function freePorts(count) {
    const ports = new Set();
    while (ports.size < count) {
        const port = await new Promise((resolve, reject) => {
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
export class Ensemble {
    spec;
    dir;
    procs = new Map();
    onExit = () => this.killAllSync();
    constructor(spec, dir) {
        this.spec = spec;
        this.dir = dir;
        process.once('exit', this.onExit);
    }
    static async create(timing = DEFAULT_TIMING, size = 3) {
        const spec = ensembleSpec(await freePorts(3 * size), timing);
        const dir = mkdtempSync(join(tmpdir(), 'coordkit-zk-'));
        const ens = new Ensemble(spec, dir);
        for (const s of spec.servers)
            ens.writeFiles(s);
        return ens;
    }
    server(sid) {
        const s = this.spec.servers.find((x) => x.sid === sid);
        if (!s)
            throw new Error(`no server ${sid}`);
        return s;
    }
    files(sid) {
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
    writeFiles(s) {
        const f = this.files(s.sid);
        mkdirSync(f.dataDir, { recursive: true });
        writeFileSync(join(f.dataDir, 'myid'), `${s.sid}\n`);
        writeFileSync(f.cfg, zooCfg(this.spec, s, f.dataDir));
        writeFileSync(f.log4j, log4jProperties(f.log));
    }
    pid(sid) {
        return this.procs.get(sid)?.pid;
    }
    isRunning(sid) {
        return this.procs.has(sid);
    }
    /** Starts (or restarts, keeping its data dir) one server's JVM. */
    start(sid) {
        if (this.procs.has(sid))
            throw new Error(`server ${sid} is already running`);
        const f = this.files(sid);
        const out = openSync(f.stdio, 'a');
        const child = spawn('java', javaArgs(this.spec, f.cfg, f.log4j, f.logDir), {
            stdio: ['ignore', out, out],
            cwd: f.logDir,
        });
        closeSync(out);
        if (child.pid === undefined)
            throw new Error(`could not spawn java for server ${sid}`);
        this.procs.set(sid, child);
        child.once('exit', () => {
            if (this.procs.get(sid) === child)
                this.procs.delete(sid);
        });
        return child.pid;
    }
    startAll() {
        for (const s of this.spec.servers)
            this.start(s.sid);
    }
    signal(sid, sig) {
        const pid = this.pid(sid);
        if (pid === undefined)
            throw new Error(`server ${sid} is not running`);
        process.kill(pid, sig);
        return pid;
    }
    /** kill -9: the process dies at once, its sockets are closed by the kernel. */
    async crash(sid) {
        const child = this.procs.get(sid);
        if (!child)
            throw new Error(`server ${sid} is not running`);
        const exited = new Promise((resolve) => child.once('exit', () => resolve()));
        this.signal(sid, 'SIGKILL');
        await exited;
    }
    /** SIGSTOP: the JVM freezes with its sockets open, like a long GC pause. */
    pause(sid) {
        this.signal(sid, 'SIGSTOP');
    }
    resume(sid) {
        this.signal(sid, 'SIGCONT');
    }
    /** Kills every server we started (SIGKILL works on stopped processes too). */
    async stop(removeDir = true) {
        const waits = [...this.procs.values()].map((c) => new Promise((resolve) => {
            if (c.exitCode !== null || c.signalCode !== null)
                return resolve();
            c.once('exit', () => resolve());
        }));
        this.killAllSync();
        await Promise.all(waits);
        process.removeListener('exit', this.onExit);
        if (removeDir)
            rmSync(this.dir, { recursive: true, force: true });
    }
    killAllSync() {
        for (const child of this.procs.values()) {
            if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null)
                continue;
            try {
                process.kill(child.pid, 'SIGKILL');
            }
            catch { /* already gone */ }
        }
    }
}
