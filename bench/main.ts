/**
 * `npm run bench`: runs every bench module in bench/ (each exports `run()`, prints its
 * own results), one after the other so they do not compete for the CPU. A module that
 * throws is reported and the rest still run; the exit code is then 1.
 */
import { readdirSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { join } from 'node:path';

const dir = fileURLToPath(new URL('.', import.meta.url));

interface BenchModule {
  run?: () => Promise<void>;
}

const files = readdirSync(dir).filter((f) => f.endsWith('.ts') && f !== 'main.ts' && !f.endsWith('.test.ts')).sort();
const summary: string[] = [];
for (const file of files) {
  const mod = (await import(pathToFileURL(join(dir, file)).href)) as BenchModule;
  if (typeof mod.run !== 'function') continue; // a helper, e.g. naive-bfs.ts
  const name = file.replace(/\.ts$/, '');
  console.log(`\n=== bench/${file} ===`);
  const started = performance.now();
  try {
    await mod.run();
    summary.push(`  ${name.padEnd(12)} ok      ${((performance.now() - started) / 1000).toFixed(1)} s`);
  } catch (err) {
    console.error(`bench/${file} failed: ${(err as Error).stack ?? err}`);
    summary.push(`  ${name.padEnd(12)} FAILED  ${((performance.now() - started) / 1000).toFixed(1)} s`);
    process.exitCode = 1;
  }
}
console.log(`\n=== summary ===\n${summary.join('\n')}`);
