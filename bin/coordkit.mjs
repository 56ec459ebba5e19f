#!/usr/bin/env node
// The `coordkit` command. In a checkout (src/ present) it runs the TypeScript sources
// through tsx, so no build step is ever needed and nothing stale runs; an installed
// package has only the built dist/ and runs that (COORDKIT_DIST=1 forces dist/ in a
// checkout, to test the build). tsx is registered either way: `coordkit check
// ./system.ts` imports the user's TypeScript module.
import { existsSync } from 'node:fs';
import { register } from 'tsx/esm/api';

register();
const source = new URL('../src/cli/main.ts', import.meta.url);
const built = new URL('../dist/src/cli/main.js', import.meta.url);
const useBuilt = existsSync(built) && (process.env.COORDKIT_DIST === '1' || !existsSync(source));
await import((useBuilt ? built : source).href);
