/**
 * The end of every `all` run, bundled models or a user's system alike: report.html and
 * report.json written into the output directory, and one closing line saying whether
 * everything went as expected.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { renderReport } from '../../report/render.ts';
import { buildJson, buildReport, unexpected, type AllJson, type AllResult } from './report.ts';

/** Where the report was made: Node's version and the machine. */
export const hostEnvironment = (): Record<string, string> =>
  ({ node: process.version, machine: `${process.platform}/${process.arch}, ${cpus().length} cores` });

const secs = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

export function writeReport(result: AllResult, outDir: string, line: (text: string) => void): AllJson {
  const files = { html: join(outDir, 'report.html'), json: join(outDir, 'report.json') };
  const json = buildJson(result, files);
  mkdirSync(outDir, { recursive: true });
  writeFileSync(files.html, renderReport(buildReport(result)));
  writeFileSync(files.json, `${JSON.stringify(json, null, 2)}\n`);
  line(`Report: ${files.html}, ${files.json}`);
  const bad = unexpected(result);
  line(bad.length === 0
    ? `All as expected (${secs(result.elapsedMs)}).`
    : `${bad.length} UNEXPECTED (${secs(result.elapsedMs)}):\n${bad.map((b) => `  ✗ ${b}`).join('\n')}`);
  return json;
}
