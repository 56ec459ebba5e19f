/**
 * Runs one model check and reports it: live progress on a terminal, a summary table,
 * and for every violated property a counterexample trace file plus a step table.
 *
 * The verdict says how much was checked: PASS only for a complete search with every
 * invariant holding and every reachability property reached; BOUNDED when a depth bound
 * cut the search; INCOMPLETE when it stopped early (memory, state limit, a signal).
 * Output paths are checked before the search; a write that fails afterwards is reported
 * beside the (still printed) result rather than losing it.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ComposedSystem } from '../../explore/compose.js';
import { counterexample, stepTable } from '../../explore/counterexample.js';
import { assertCheckpointTarget, readCheckpoint, writeCheckpoint } from '../../explore/checkpoint.js';
import { UserError } from '../errors.js';
import { assertWritableDir, assertWritableFile } from '../output-paths.js';
import { search, searchAsync } from '../../explore/search.js';
import { checkLiveness } from '../../explore/liveness.js';
import { traceToJsonl } from '../../../conformance/schema/writer.js';
const n = (x) => x.toLocaleString('en-US');
function progressLine(p) {
    return `  states ${n(p.states)}  ${n(Math.round(p.statesPerSecond))}/s  transitions ${n(p.transitions)}  depth ${p.depth}  queue ${n(p.queue)}  ${(p.elapsedMs / 1000).toFixed(1)} s`;
}
/** Writes progress to stderr, in place on a terminal and once per ~5 s otherwise. */
export function progressReporter(stream = process.stderr) {
    let last = 0;
    return {
        onProgress(p) {
            if (stream.isTTY)
                stream.write(`\r${progressLine(p)}\x1b[K`);
            else if (p.elapsedMs - last >= 5000) {
                last = p.elapsedMs;
                stream.write(`${progressLine(p)}\n`);
            }
        },
        done() {
            if (stream.isTTY)
                stream.write('\r\x1b[K');
        },
    };
}
function resumeFrom(file, system, identity) {
    try {
        return readCheckpoint(file, system, identity);
    }
    catch (err) {
        if (err instanceof UserError)
            throw err;
        const reason = err.code === 'ENOENT' ? 'no such file' : err.message;
        throw new UserError(`cannot resume: ${reason}`, { file, field: '--resume' });
    }
}
/** Builds the system, checks the output paths and loads the checkpoint: everything that can refuse before the search. */
function prepare(target, options) {
    if (options.checkpoint) {
        assertWritableFile(options.checkpoint, '--checkpoint');
        assertCheckpointTarget(options.checkpoint);
    }
    if (options.traceDir)
        assertWritableDir(options.traceDir, '--trace-dir');
    const system = target instanceof ComposedSystem ? target : new ComposedSystem(target);
    const resume = options.resumeFrom ? resumeFrom(options.resumeFrom, system, options.identity ?? {}) : undefined;
    options.onStart?.();
    return { system, search: { ...options, resume } };
}
/** Checks `system` (a spec, or a system already built, e.g. to share with workers). */
export function runCheck(model, target, options) {
    const { system, search: searchOptions } = prepare(target, options);
    return summarize(model, system, search(system, searchOptions), options);
}
/** As runCheck, but lets the event loop in every ~50 ms so Ctrl-C and SIGTERM handlers run. */
export async function runCheckAsync(model, target, options) {
    const { system, search: searchOptions } = prepare(target, options);
    return summarize(model, system, await searchAsync(system, searchOptions), options);
}
const STOPPED_EARLY = ['memory', 'state-limit', 'interrupted'];
function summarize(model, system, result, options) {
    const spec = system.spec;
    const writeErrors = [];
    let checkpoint;
    if (options.checkpoint && STOPPED_EARLY.includes(result.stopReason)) {
        try {
            writeCheckpoint(options.checkpoint, system, result.snapshot(), options.identity ?? {});
            checkpoint = options.checkpoint;
        }
        catch (err) {
            writeErrors.push(`${options.checkpoint}: --checkpoint: cannot write: ${err.message}`);
        }
    }
    const counterexamples = new Map();
    const writeTrace = (s, cx) => {
        if (!options.traceDir)
            return;
        const file = join(options.traceDir, `${model}-${s.name}.jsonl`);
        try {
            mkdirSync(options.traceDir, { recursive: true });
            writeFileSync(file, traceToJsonl(cx));
            s.trace = file;
        }
        catch (err) {
            writeErrors.push(`${file}: --trace-dir: cannot write: ${err.message}`);
        }
    };
    const properties = result.properties.map((p) => {
        const s = { name: p.name, kind: p.kind, description: p.description, status: p.status, message: p.message };
        if (p.path)
            s.depth = p.path.length - 1;
        if (p.status === 'violated' && p.path) {
            const cx = counterexample(system, result.store, p.path);
            counterexamples.set(p.name, cx);
            writeTrace(s, cx);
        }
        return s;
    });
    /** Liveness properties (a system from defineSystem may declare them): judged on the whole graph, so only after a complete search. */
    const live = spec;
    /** Why declared liveness properties were not judged (then they are left out of the table), or null. */
    const livenessSkipped = !live.liveness?.length ? null
        : result.symmetryGroup > 1 ? 'not checked under --symmetry'
            : !result.complete ? 'not checked: the search was not complete' : null;
    const livenessSummaries = () => {
        if (!live.liveness || live.liveness.length === 0 || livenessSkipped)
            return [];
        return checkLiveness(system, result.store, live.liveness, live.fairness).map((r) => {
            const s = { name: r.name, kind: r.kind, description: r.description, status: r.status, message: r.message };
            if (r.lasso && r.counterexample) {
                s.depth = r.lasso.loopAt + r.lasso.cycleSteps;
                s.loop = r.counterexample.loop;
                counterexamples.set(r.name, r.counterexample);
                writeTrace(s, r.counterexample);
            }
            return s;
        });
    };
    properties.push(...livenessSummaries());
    const judged = judge(result, properties);
    const verdict = livenessSkipped && judged.verdict === 'pass' ? 'incomplete' : judged.verdict;
    // A PASS needs every declared property judged: liveness skipped under --symmetry is not a pass.
    const note = livenessSkipped ? `${judged.note}; liveness (${live.liveness.map((p) => p.name).join(', ')}) ${livenessSkipped}` : judged.note;
    return {
        summary: {
            model, system: spec.name, strategy: options.strategy,
            states: result.states, statesUnreduced: result.statesUnreduced, symmetryGroup: result.symmetryGroup, transitions: result.transitions, depth: result.depth,
            elapsedMs: Math.round(result.elapsedMs),
            statesPerSecond: Math.round(result.states / Math.max(result.elapsedMs / 1000, 1e-3)),
            complete: result.complete,
            stopReason: result.stopReason,
            checkpoint,
            peakRssBytes: process.resourceUsage().maxRSS * 1024,
            verdict, verdictNote: note,
            properties,
            writeErrors,
        },
        result, system, counterexamples,
    };
}
const STOP_NOTE = {
    memory: 'stopped at the memory cap (--max-memory)',
    'state-limit': 'stopped at the state limit (--max-states)',
    interrupted: 'stopped by a signal (Ctrl-C or SIGTERM)',
};
/** The verdict and what it covers. PASS needs a complete search; a violation is a FAIL whatever the bound. */
export function judge(result, properties) {
    const violated = properties.filter((p) => p.status === 'violated').map((p) => p.name);
    const unreached = properties.filter((p) => p.kind === 'reachable' && p.status === 'unreached').map((p) => p.name);
    if (violated.length > 0)
        return { verdict: 'fail', note: `violated: ${violated.join(', ')}` };
    if (result.complete) {
        return unreached.length > 0
            ? { verdict: 'fail', note: `never reached in the whole state space (vacuous): ${unreached.join(', ')}` }
            : { verdict: 'pass', note: 'every reachable state explored' };
    }
    const vacuity = unreached.length > 0 ? `; not reached, so vacuity not ruled out: ${unreached.join(', ')}` : '';
    if (result.stopReason === 'depth-bound') {
        return { verdict: 'bounded', note: `no violation within depth ${result.depth} (states deeper were not explored)${vacuity}` };
    }
    return { verdict: 'incomplete', note: `${STOP_NOTE[result.stopReason] ?? result.stopReason} after ${n(result.states)} states; no violation among them${vacuity}` };
}
const STOPPED = {
    exhausted: 'complete: every reachable state explored',
    violation: 'stopped at the first violation (--continue to go on)',
    'depth-bound': 'BOUNDED: states at the depth bound were not expanded',
    memory: 'INCOMPLETE: stopped at the memory cap (--max-memory); partial statistics',
    'state-limit': 'INCOMPLETE: stopped at the state limit (--max-states); partial statistics',
    interrupted: 'INCOMPLETE: interrupted; partial statistics',
};
const MARK = { holds: '✓', reached: '✓', violated: '✗', unreached: '✗' };
/** The human summary: counts, timing, one line per property, step tables of counterexamples. */
export function formatSummary(run) {
    const s = run.summary;
    const lines = [
        `${s.model}: ${s.system} (${s.strategy})`,
        `  distinct states  ${n(s.states)}${s.symmetryGroup > 1 ? ` up to symmetry (${n(s.statesUnreduced)} without reduction; ${s.symmetryGroup} renamings)` : ''}`,
        `  transitions      ${n(s.transitions)}`,
        `  depth            ${s.depth}`,
        `  time             ${(s.elapsedMs / 1000).toFixed(2)} s (${n(s.statesPerSecond)} states/s), peak memory ${n(Math.round(s.peakRssBytes / 2 ** 20))} MiB`,
        `  search           ${STOPPED[s.stopReason]}`,
        ...(s.checkpoint ? [`  checkpoint       ${s.checkpoint} (continue with --resume ${s.checkpoint})`] : []),
        '  properties',
    ];
    const width = Math.max(...s.properties.map((p) => p.name.length));
    for (const p of s.properties) {
        const extra = p.status === 'reached' ? ` (witness in ${p.depth} steps)` : p.status === 'unreached' ? (s.complete ? ' (never reached: vacuous?)' : ' (not reached within the bound)') : '';
        const prefix = p.kind === 'reachable' ? 'sometimes: ' : p.kind === 'eventually' ? 'eventually: ' : p.kind === 'leadsTo' ? 'leads to: ' : '';
        lines.push(`    ${MARK[p.status]} ${p.name.padEnd(width)}  ${prefix}${p.description}${extra}`);
        if (p.status === 'violated') {
            lines.push(`      ${p.message}`);
            if (p.loop)
                lines.push(`      lasso: ${p.loop.prefixSteps} steps, then ${p.loop.cycleSteps === 0 ? 'the last state stutters forever' : `a cycle of ${p.loop.cycleSteps} steps (from step ${p.loop.prefixSteps + 1}) repeats forever`}${p.trace ? `: ${p.trace}` : ''}`);
            else if (p.trace)
                lines.push(`      counterexample (${p.depth} steps, shortest${s.strategy === 'bfs' ? '' : ' not guaranteed with dfs'}): ${p.trace}`);
            const cx = run.counterexamples.get(p.name);
            if (cx)
                lines.push(stepTable(cx.steps).split('\n').map((l) => `      ${l}`).join('\n'));
        }
    }
    lines.push(`  verdict: ${s.verdict.toUpperCase()}${s.verdict === 'pass' ? '' : `: ${s.verdictNote}`}`);
    return lines.join('\n');
}
