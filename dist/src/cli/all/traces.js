/**
 * The bundled traces: found recursively, each verified by the conformance checkers (in
 * process, streaming) and judged against what its name or verdicts.json says it must do.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { verifyItems } from '../../../conformance/checkers/run.js';
import { readTraceFileBatches } from '../../../conformance/schema/reader.js';
import { UserError } from '../errors.js';
import { expectationFor, judge, shortName } from './expectations.js';
/** Every *.jsonl under `root`, sorted, as paths relative to the working directory. */
export function findTraces(root) {
    if (!existsSync(root))
        throw new UserError('trace directory not found', { file: root });
    const out = [];
    const walk = (dir) => {
        for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
            const path = join(dir, entry.name);
            if (entry.isDirectory())
                walk(path);
            else if (entry.isFile() && entry.name.endsWith('.jsonl'))
                out.push(path);
        }
    };
    walk(root);
    return out.map((p) => relative(process.cwd(), p) || p);
}
const recordedCache = new Map();
/** The failing properties per file that a directory's verdicts.json records, if it has one. */
export function recordedFailures(dir) {
    if (recordedCache.has(dir))
        return recordedCache.get(dir);
    const path = join(dir, 'verdicts.json');
    let result;
    if (existsSync(path)) {
        let raw;
        try {
            raw = JSON.parse(readFileSync(path, 'utf8'));
        }
        catch (err) {
            throw new UserError(`bad JSON: ${err.message}`, { file: path });
        }
        if (!Array.isArray(raw))
            throw new UserError('expected an array of recorded results', { file: path });
        const map = new Map();
        raw.forEach((entry, i) => {
            const e = entry;
            if (typeof e?.file !== 'string')
                throw new UserError('missing or non-string file', { file: path, field: `[${i}].file` });
            if (!Array.isArray(e.verdicts))
                throw new UserError('missing verdicts array', { file: path, field: `[${i}].verdicts` });
            const failing = e.verdicts
                .filter((v) => v?.status === 'fail').map((v) => String(v.property));
            map.set(e.file, failing);
        });
        result = map;
    }
    recordedCache.set(dir, result);
    return result;
}
export async function verifyTrace(file) {
    const started = performance.now();
    const expectation = expectationFor(file, recordedFailures(dirname(file)));
    let producer;
    // Reads the producer from the header as it streams past the checkers.
    async function* watched() {
        for await (const batch of readTraceFileBatches(file)) {
            const header = batch.find((item) => item.kind === 'header');
            if (header?.kind === 'header')
                producer = header.header.producer.name;
            yield batch;
        }
    }
    try {
        const report = await verifyItems(watched(), file);
        const failed = report.verdicts.filter((v) => v.status === 'fail').map((v) => shortName(v.property, report.protocol));
        const verdict = judge(expectation, failed);
        return {
            file, protocol: report.protocol, producer, events: report.events, verdicts: report.verdicts, expectation,
            failed, ...verdict,
            elapsedMs: performance.now() - started,
        };
    }
    catch (err) {
        if (!(err instanceof UserError))
            throw err;
        // A bundled trace that cannot be read is itself an unexpected outcome, not a crash.
        return {
            file, events: 0, verdicts: [], expectation, failed: [], asExpected: false,
            detail: `unreadable: ${err.format()}`, elapsedMs: performance.now() - started,
        };
    }
}
