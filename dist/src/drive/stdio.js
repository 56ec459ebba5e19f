/**
 * The JSON-lines binding (docs/drive-protocol.md): the implementation is a process that
 * reads one request per line on stdin and answers each with one line on stdout.
 * Requests are strictly sequential. Anything else on stdout, a reply that is not JSON,
 * `ok: false`, a timeout or an exit is an AdapterError naming the request.
 */
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { AdapterError } from './adapter.js';
export const PROTOCOL_VERSION = 1;
export class StdioAdapter {
    command;
    timeoutMs;
    name = 'stdio';
    child;
    waiting = [];
    stderr = '';
    exited = null;
    /** Starts `command` through /bin/sh (exec'd, so the process is the command itself). */
    constructor(command, timeoutMs = 5000) {
        this.command = command;
        this.timeoutMs = timeoutMs;
        this.child = spawn('/bin/sh', ['-c', `exec ${command}`], { stdio: ['pipe', 'pipe', 'pipe'] });
        this.child.stderr.on('data', (d) => { this.stderr = (this.stderr + d.toString()).slice(-2000); });
        this.child.on('exit', (code, signal) => {
            this.exited = `exited (${signal ?? code})${this.stderr ? `: ${this.stderr.trim()}` : ''}`;
            for (const w of this.waiting.splice(0))
                w.reject(new AdapterError(`'${command}' ${this.exited} during ${w.request}`));
        });
        this.child.on('error', (err) => {
            this.exited = err.message;
            for (const w of this.waiting.splice(0))
                w.reject(new AdapterError(`'${command}' failed: ${err.message}`));
        });
        this.child.stdin.on('error', () => { });
        createInterface({ input: this.child.stdout }).on('line', (line) => this.reply(line));
    }
    reply(line) {
        const w = this.waiting.shift();
        if (!w)
            return;
        let parsed;
        try {
            parsed = JSON.parse(line);
        }
        catch {
            w.reject(new AdapterError(`'${this.command}' answered ${w.request} with a line that is not JSON: ${line.slice(0, 200)}`));
            return;
        }
        const r = parsed;
        if (typeof r !== 'object' || r === null || r.ok !== true) {
            const why = typeof r?.error === 'string' ? r.error : line.slice(0, 200);
            w.reject(new AdapterError(`'${this.command}' refused ${w.request}: ${why}`));
            return;
        }
        w.resolve(r);
    }
    request(body) {
        const request = `${String(body.op)}${body.node ? ` ${String(body.node)}` : ''}`;
        if (this.exited)
            return Promise.reject(new AdapterError(`'${this.command}' ${this.exited}`));
        return new Promise((resolve, reject) => {
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
    async hello() {
        const r = await this.request({ op: 'hello', version: PROTOCOL_VERSION });
        if (typeof r.name === 'string')
            this.name = `stdio:${r.name}`;
        if (!Array.isArray(r.roles) || !r.roles.every((x) => typeof x === 'string')) {
            throw new AdapterError(`'${this.command}' answered hello without a list of roles`);
        }
        return { name: this.name, roles: r.roles };
    }
    async reset(config) {
        await this.request({ op: 'reset', config });
    }
    async step(node, input) {
        const r = await this.request({ op: 'step', node, input });
        if (!Array.isArray(r.outputs))
            throw new AdapterError(`'${this.command}' answered step ${node} without outputs`);
        return r.outputs;
    }
    async observe(node) {
        const r = await this.request({ op: 'observe', node });
        return r.state ?? undefined;
    }
    async restart(node) {
        await this.request({ op: 'restart', node });
    }
    async close() {
        if (this.exited)
            return;
        const done = new Promise((resolve) => this.child.once('exit', () => resolve()));
        this.child.stdin.end();
        const timer = setTimeout(() => this.child.kill('SIGKILL'), 1000);
        await done;
        clearTimeout(timer);
    }
}
