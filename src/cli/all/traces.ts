/**
 * The bundled traces: found recursively, each verified by the conformance checkers (in
 * process, streaming) and judged against what its name or verdicts.json says it must do.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { verifyItems, type CustomCheckers } from '../../../conformance/checkers/run.ts';
import type { Verdict } from '../../../conformance/checkers/types.ts';
import { readTraceFileBatches, type TraceItem } from '../../../conformance/schema/reader.ts';
import type { Protocol } from '../../../conformance/schema/trace.ts';
import { UserError } from '../errors.ts';
import { expectationFor, judge, shortName, type Expectation, type RecordedFailures } from './expectations.ts';

export interface TraceOutcome {
  /** Path as given (relative to the working directory when found under it). */
  file: string;
  protocol?: Protocol;
  producer?: string;
  events: number;
  verdicts: Verdict[];
  expectation: Expectation;
  /** Short names of the failing properties. */
  failed: string[];
  asExpected: boolean;
  detail: string;
  elapsedMs: number;
}

/** Every *.jsonl under `root`, sorted, as paths relative to the working directory. */
export function findTraces(root: string): string[] {
  if (!existsSync(root)) throw new UserError('trace directory not found', { file: root });
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile() && entry.name.endsWith('.jsonl')) out.push(path);
    }
  };
  walk(root);
  return out.map((p) => relative(process.cwd(), p) || p);
}

const recordedCache = new Map<string, RecordedFailures | undefined>();

/** The failing properties per file that a directory's verdicts.json records, if it has one. */
export function recordedFailures(dir: string): RecordedFailures | undefined {
  if (recordedCache.has(dir)) return recordedCache.get(dir);
  const path = join(dir, 'verdicts.json');
  let result: RecordedFailures | undefined;
  if (existsSync(path)) {
    let raw: unknown;
    try {
      raw = JSON.parse(readFileSync(path, 'utf8'));
    } catch (err) {
      throw new UserError(`bad JSON: ${(err as Error).message}`, { file: path });
    }
    if (!Array.isArray(raw)) throw new UserError('expected an array of recorded results', { file: path });
    const map = new Map<string, string[]>();
    raw.forEach((entry: unknown, i) => {
      const e = entry as { file?: unknown; verdicts?: unknown };
      if (typeof e?.file !== 'string') throw new UserError('missing or non-string file', { file: path, field: `[${i}].file` });
      if (!Array.isArray(e.verdicts)) throw new UserError('missing verdicts array', { file: path, field: `[${i}].verdicts` });
      const failing = (e.verdicts as { property?: unknown; status?: unknown }[])
        .filter((v) => v?.status === 'fail').map((v) => String(v.property));
      map.set(e.file, failing);
    });
    result = map;
  }
  recordedCache.set(dir, result);
  return result;
}

/**
 * Verifies one trace and judges it against its expectation: by default the one its name
 * or verdicts.json gives; a user system's counterexample brings its own, with the
 * checkers that replay it on the system.
 */
export async function verifyTrace(file: string, custom?: { checkers: CustomCheckers; expectation: Expectation }): Promise<TraceOutcome> {
  const started = performance.now();
  const expectation = custom?.expectation ?? expectationFor(file, recordedFailures(dirname(file)));
  let producer: string | undefined;
  // Reads the producer from the header as it streams past the checkers.
  async function* watched(): AsyncGenerator<TraceItem[]> {
    for await (const batch of readTraceFileBatches(file)) {
      const header = batch.find((item) => item.kind === 'header');
      if (header?.kind === 'header') producer = header.header.producer.name;
      yield batch;
    }
  }
  try {
    const report = await verifyItems(watched(), file, undefined, custom?.checkers);
    const failed = report.verdicts.filter((v) => v.status === 'fail').map((v) => shortName(v.property, report.protocol));
    const verdict = judge(expectation, failed);
    return {
      file, protocol: report.protocol, producer, events: report.events, verdicts: report.verdicts, expectation,
      failed, ...verdict,
      elapsedMs: performance.now() - started,
    };
  } catch (err) {
    if (!(err instanceof UserError)) throw err;
    // A bundled trace that cannot be read is itself an unexpected outcome, not a crash.
    return {
      file, events: 0, verdicts: [], expectation, failed: [], asExpected: false,
      detail: `unreadable: ${err.format()}`, elapsedMs: performance.now() - started,
    };
  }
}
