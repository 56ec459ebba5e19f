// The reaper of a real run: a tiny watchdog process that outlives the runner only to
// clean up after it. The runner writes "+PID" for every node process group it starts and
// "-PID" once it has reaped that node itself. When the runner dies in any way (SIGKILL
// included: no handler of its own runs then), the pipe closes, and the reaper resumes and
// kills every group still listed: a SIGSTOPped node cannot notice its parent is gone, so
// someone outside must SIGCONT and SIGKILL it. Plain JavaScript, so it starts in
// milliseconds without the TypeScript loader. Usage (by src/run/runner.ts only):
// node reaper.mjs [RUN_DIR], with the runner's pipe on stdin; RUN_DIR (the nodes' stable
// storage) is removed once they are dead.
import { rmSync } from 'node:fs';

const runDir = process.argv[2];
const groups = new Set();
let buffered = '';

process.on('SIGINT', () => {}); // a terminal's Ctrl-C is the runner's to handle
process.on('SIGHUP', () => {});
process.stdin.setEncoding('utf8');
process.stdin.on('data', (chunk) => {
  buffered += chunk;
  const lines = buffered.split('\n');
  buffered = lines.pop() ?? '';
  for (const line of lines) {
    const pid = Number(line.slice(1));
    if (!Number.isInteger(pid) || pid <= 1) continue;
    if (line[0] === '+') groups.add(pid);
    else if (line[0] === '-') groups.delete(pid);
  }
});
process.stdin.on('close', () => {
  for (const pid of groups) {
    for (const signal of ['SIGCONT', 'SIGKILL']) {
      try {
        process.kill(-pid, signal);
      } catch {
        // already gone
      }
    }
  }
  if (runDir && groups.size > 0) rmSync(runDir, { recursive: true, force: true });
  process.exit(0);
});
