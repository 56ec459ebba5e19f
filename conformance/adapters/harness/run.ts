/**
 * One harness run over several libraries: search each in turn, record what was found,
 * and go on whatever happened to the previous one (a library that cannot even start is
 * recorded with a failing no-crash verdict). Used by `coordkit thirdparty` and its tests.
 */
import { mkdirSync } from 'node:fs';
import { recordRun, type LibraryRecord } from './report.ts';
import { searchLibrary, type Budget, type Target } from './search.ts';

export interface RunOptions {
  budget: Budget;
  seed: number;
  /** Where the minimal failing traces and scenarios go. */
  foundDir: string;
  progress?: (line: string) => void;
}

export async function runTargets(targets: readonly Target[], o: RunOptions): Promise<LibraryRecord[]> {
  mkdirSync(o.foundDir, { recursive: true });
  const records: LibraryRecord[] = [];
  for (const t of targets) {
    o.progress?.(`${t.id}: searching`);
    let record: LibraryRecord;
    try {
      record = recordRun(await searchLibrary(t, { budget: o.budget, seed: o.seed, progress: o.progress }), o.foundDir);
    } catch (err) {
      record = {
        id: t.id, library: t.info.library, version: t.info.version, variant: t.info.variant, policy: t.info.capabilities.policy,
        notes: t.info.notes ?? '', file: t.id, scenarios: 0, seconds: 0,
        verdicts: [{ property: 'no-crash', status: 'fail', judged: 0, failed: 1, skipped: 0, note: `the harness could not run it: ${(err as Error).message}` }],
      };
    }
    records.push(record);
    const failing = record.verdicts.filter((v) => v.status === 'fail').map((v) => v.property);
    o.progress?.(`${t.id}: ${record.scenarios} scenarios in ${record.seconds} s; ${failing.length ? `fails ${failing.join(', ')}` : 'no property fails'}`);
  }
  return records;
}
