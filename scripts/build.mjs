#!/usr/bin/env node
// Builds dist/ for the published package: tsc emits JavaScript and .d.ts for the public
// entries (src/index.ts, src/api/vitest.ts) and the CLI (src/cli/main.ts), rewriting
// `.ts` import specifiers to `.js`; files loaded by path at run time are copied beside
// them. A checkout never needs this (bin/coordkit.mjs runs the sources through tsx);
// `npm pack` runs it (prepack). dist/ is not committed.
import { execFileSync } from 'node:child_process';
import { copyFileSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
rmSync(`${root}dist`, { recursive: true, force: true });
const tsc = `${root}node_modules/typescript/bin/tsc`;
execFileSync(process.execPath, [tsc, '-p', `${root}tsconfig.build.json`], { stdio: 'inherit', cwd: root });
copyFileSync(`${root}src/run/reaper.mjs`, `${root}dist/src/run/reaper.mjs`);
for (const asset of ['client.js', 'style.css']) copyFileSync(`${root}src/explorer-ui/${asset}`, `${root}dist/src/explorer-ui/${asset}`);
