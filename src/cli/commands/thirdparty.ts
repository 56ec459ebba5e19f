/**
 * `coordkit thirdparty`: the property-based harness for balancer libraries. Generates
 * scenarios per library (inside its adapter's capabilities), runs each library in a child
 * process with per-call timeouts, judges every trace with the balancer checkers, shrinks
 * each failing property to a minimal scenario, writes traces/third-party/verdicts.json and
 * found/, and regenerates the README table. `--replay` re-runs one saved scenario;
 * `--self-test` runs the kit's own seven implementations (no verdict may fail) and its
 * thirteen mutants (each must be caught).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import type { Command } from 'commander';
import { z } from 'zod';
import { UserError } from '../errors.ts';
import { flag, parsedBy, parseOptions, path, positiveNumber, seed, text, wholeNumber } from '../options.ts';
import { mutants } from '../../../src/impl/balancer/mutants.ts';
import { PYTHON_EXAMPLE, kitTargets, mutantTargets, stdioTarget, thirdPartyTargets } from '../../../conformance/adapters/libraries/index.ts';
import { evaluate, searchLibrary, type Budget, type Target } from '../../../conformance/adapters/harness/search.ts';
import { runTargets } from '../../../conformance/adapters/harness/run.ts';
import { renderTable, spliceReadme, tableIntro, type LibraryRecord, type ScenarioFile } from '../../../conformance/adapters/harness/report.ts';
import { describeApplied } from '../../../conformance/adapters/harness/search.ts';

export const DEFAULT_BUDGET = '300,5s';
export const DEFAULT_SEED = 20261201;

/** "300" scenarios, "20s" seconds, or both ("300,20s": whichever comes first). */
export function parseBudget(text: string): Budget {
  const budget: Budget = {};
  for (const part of text.split(',').map((p) => p.trim()).filter(Boolean)) {
    const seconds = /^(\d+(?:\.\d+)?)s$/.exec(part);
    // A count is whole, a time may have a fraction; each limit is given at most once.
    if (seconds && Number(seconds[1]) > 0 && budget.seconds === undefined) budget.seconds = Number(seconds[1]);
    else if (/^\d+$/.test(part) && Number(part) > 0 && budget.scenarios === undefined) budget.scenarios = Number(part);
    else throw new UserError(`bad budget "${part}": a scenario count (300) or seconds (20s), each at most once`, { field: '--budget' });
  }
  if (budget.scenarios === undefined && budget.seconds === undefined) throw new UserError('empty budget', { field: '--budget' });
  return budget;
}

const pythonPresent = () => spawnSync('python3', ['--version'], { stdio: 'ignore' }).status === 0;

/** --self-test without a count runs this many scenarios per implementation. */
const SELF_TEST_SCENARIOS = 1000;

export const thirdpartyOptions = z.object({
  out: path(),
  readme: z.union([path(), z.literal(false)]),
  json: flag().optional(),
  budget: parsedBy((raw) => ({ text: raw, limits: parseBudget(raw) })),
  shrink: positiveNumber('seconds'),
  seed: seed(),
  // As drive's --timeout: a per-call timer past 2^31 - 1 ms would fire at once (Node caps it to 1 ms).
  timeout: positiveNumber('milliseconds', 600_000),
  only: text().optional(),
  python: flag(),
  replay: path().optional(),
  selfTest: z.preprocess((v) => (v === true ? SELF_TEST_SCENARIOS : v), wholeNumber(1)).optional(),
});

async function allTargets(timeoutMs: number, python: boolean): Promise<Target[]> {
  const targets = thirdPartyTargets({ timeoutMs });
  if (python && pythonPresent()) targets.push(await stdioTarget('python-example', ['python3', PYTHON_EXAMPLE], { timeoutMs }));
  else if (python) process.stderr.write('python3 not found: the Python example library is skipped\n');
  return targets;
}

const progress = (line: string) => process.stderr.write(`${line}\n`);

export function register(program: Command): void {
  program
    .command('thirdparty')
    .description('search balancer libraries for property violations with generated scenarios, and regenerate the README table')
    .option('--out <dir>', 'where verdicts.json and found/ go', 'traces/third-party')
    .option('--readme <file>', 'README whose third-party section is rewritten', 'README.md')
    .option('--no-readme', 'do not touch the README')
    .option('--json', 'print the records as JSON')
    .option('--budget <budget>', 'per library: scenarios ("300"), seconds ("20s") or both ("300,20s")', DEFAULT_BUDGET)
    .option('--shrink <seconds>', 'time to shrink one failing property', '3')
    .option('--seed <n>', 'fast-check seed', String(DEFAULT_SEED))
    .option('--timeout <ms>', 'per-call timeout', '2000')
    .option('--only <ids>', 'comma-separated library ids (e.g. hashring,roundround)')
    .option('--no-python', 'leave out the Python example library')
    .option('--replay <scenario.json>', 're-run one saved scenario and print its verdicts')
    .option('--self-test [scenarios]', "the kit's seven implementations (no failure allowed) and its mutants (each must be caught)")
    .action(async (raw: Record<string, unknown>) => {
      const opts = parseOptions(thirdpartyOptions, raw);
      const { seed, timeout: timeoutMs } = opts;
      if (opts.replay) return replay(opts.replay, timeoutMs, opts.python, opts.json === true);
      if (opts.selfTest !== undefined) return selfTest(opts.selfTest, seed, opts.shrink, opts.json === true);
      const budget = { ...opts.budget.limits, shrinkSeconds: opts.shrink };
      if (opts.readme !== false && !existsSync(opts.readme)) throw new UserError('README not found', { file: opts.readme });
      let targets = await allTargets(timeoutMs, opts.python);
      if (opts.only) {
        const ids = opts.only.split(',').map((s) => s.trim());
        const unknown = ids.filter((id) => !targets.some((t) => t.id === id));
        if (unknown.length) throw new UserError(`unknown library id(s) ${unknown.join(', ')}; known: ${targets.map((t) => t.id).join(', ')}`, { field: '--only' });
        targets = targets.filter((t) => ids.includes(t.id));
      }
      const started = performance.now();
      const records = await runTargets(targets, { budget, seed, foundDir: join(opts.out, 'found'), progress });
      // Merge with the records of libraries not run this time (--only).
      const verdictsPath = join(opts.out, 'verdicts.json');
      let all = records;
      if (opts.only && existsSync(verdictsPath)) {
        const previous = JSON.parse(readFileSync(verdictsPath, 'utf8')) as LibraryRecord[];
        all = previous.map((p) => records.find((r) => r.id === p.id) ?? p);
        for (const r of records) if (!all.includes(r)) all.push(r);
      }
      writeFileSync(verdictsPath, `${JSON.stringify(all, null, 2)}\n`);
      const table = renderTable(all);
      if (opts.readme !== false) {
        const readme = readFileSync(opts.readme, 'utf8');
        writeFileSync(opts.readme, spliceReadme(readme, `${tableIntro(opts.budget.text, seed)}\n${table}`));
      }
      progress(`done: ${records.length} libraries in ${((performance.now() - started) / 1000).toFixed(1)} s`);
      process.stdout.write(opts.json ? `${JSON.stringify(all, null, 2)}\n` : `${table}\n`);
    });
}

async function replay(path: string, timeoutMs: number, python: boolean, json: boolean): Promise<void> {
  if (!existsSync(path)) throw new UserError('scenario file not found', { file: path });
  let file: ScenarioFile;
  try {
    file = JSON.parse(readFileSync(path, 'utf8')) as ScenarioFile;
  } catch (err) {
    throw new UserError(`bad JSON: ${(err as Error).message}`, { file: path });
  }
  if (typeof file.library !== 'string') throw new UserError('missing library id', { file: path, field: 'library' });
  if (!file.scenario || !Array.isArray(file.scenario.ops) || !Array.isArray(file.scenario.backends)) throw new UserError('missing or malformed scenario', { file: path, field: 'scenario' });
  const targets = [...await allTargets(timeoutMs, python && file.library === 'python-example'), ...kitTargets(), ...mutantTargets()];
  const target = targets.find((t) => t.id === file.library);
  if (!target) throw new UserError(`unknown library id ${file.library}`, { file: path, field: 'library' });
  const host = target.host();
  try {
    const e = await evaluate(target, host, file.scenario, 1);
    if (json) { process.stdout.write(`${JSON.stringify({ library: target.id, verdicts: e.verdicts }, null, 2)}\n`); return; }
    process.stdout.write(`${target.id}: ${describeApplied(file.scenario, e.outcome)}\n`);
    for (const v of e.verdicts) process.stdout.write(`  ${v.status === 'pass' ? '✅' : v.status === 'fail' ? '❌' : '–'} ${v.property}${v.status === 'fail' ? `: ${v.violations[0]?.message ?? v.note ?? ''}` : ''}\n`);
    if (e.failed.length) process.exitCode = 1;
  } finally {
    host.close();
  }
}

async function selfTest(scenarios: number, seed: number, shrinkSeconds: number, json: boolean): Promise<void> {
  const lines: string[] = [];
  let ok = true;
  const started = performance.now();
  for (const t of kitTargets()) {
    const run = await searchLibrary(t, { budget: { scenarios, shrinkSeconds }, seed, progress });
    const failing = run.properties.filter((p) => p.status === 'fail');
    // The seven policies as shipped must pass; the CRC-32 / MD5 keyed variants are reported.
    const gating = !/\.(crc32|md5)$/.test(t.id);
    if (failing.length && gating) ok = false;
    lines.push(`${failing.length ? (gating ? '❌' : 'ℹ️') : '✅'} ${t.id}: ${run.scenarios} scenarios in ${run.seconds.toFixed(1)} s${failing.map((p) => `\n   ${p.property} fails: ${p.found?.words} → ${p.found?.message}`).join('')}`);
  }
  for (const t of mutantTargets()) {
    const m = mutants.find((x) => `mutant.${x.name}` === t.id)!;
    const run = await searchLibrary(t, { budget: { scenarios, shrinkSeconds }, seed, progress, stopWhen: (f) => f.has(m.breaks) });
    const caught = run.properties.find((p) => p.property === m.breaks && p.status === 'fail');
    if (!caught) ok = false;
    lines.push(`${caught ? '✅' : '❌'} ${t.id} ${caught ? `caught by ${m.breaks}: ${caught.found?.words} → ${caught.found?.message}` : `NOT caught by ${m.breaks}`} (${run.scenarios} scenarios, ${run.seconds.toFixed(1)} s)`);
  }
  lines.push(`self-test ${ok ? 'passed' : 'FAILED'} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  process.stdout.write(json ? `${JSON.stringify({ ok, lines }, null, 2)}\n` : `${lines.join('\n')}\n`);
  if (!ok) process.exitCode = 1;
}
