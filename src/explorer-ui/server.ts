/**
 * The `coordkit explore` web server: Node's own http module on 127.0.0.1, one
 * self-contained page (page.ts) and a small JSON API over a Stepper (src/explore/stepper.ts).
 *
 * At start it searches the system breadth-first (bounded by maxStates), so every property's
 * shortest counterexample or witness can be offered as a tour; after that, each request
 * replays its path of step positions from the initial state, so the server holds no
 * per-user state and any URL names a state for anyone.
 *
 *   GET /                     the page
 *   GET /api/system           actors (with their statecharts), properties, tours, search figures
 *   GET /api/state?path=1.0.3 the state after these steps: enabled steps, actors, messages, verdicts
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ComposedSystem } from '../explore/compose.ts';
import { search } from '../explore/search.ts';
import type { SystemSpec } from '../explore/spec.ts';
import { Stepper } from '../explore/stepper.ts';
import { machineToDot, statechartIds } from '../diagram/machine.ts';
import { toStatechart } from '../diagram/statechart.ts';
import { dotToInlineSvg } from '../diagram/svg.ts';
import { explorerPage } from './page.ts';
import type { PropertyTour, SystemInfo } from './system-info.ts';

export interface ExplorerOptions {
  /** 0 (default): a free port chosen by the system. */
  port?: number;
  /** States the opening search may store before it stops (its tours are then partial). */
  maxStates?: number;
  /** Shown in the page: the command line that opened it. */
  command?: string;
}

export interface Explorer {
  url: string;
  port: number;
  info: SystemInfo;
  close(): Promise<void>;
}

/** Builds the system, searches it, and serves the page; resolves once listening. */
export async function startExplorer(spec: SystemSpec, options: ExplorerOptions = {}): Promise<Explorer> {
  const system = new ComposedSystem(spec);
  const result = search(system, { strategy: 'bfs', continueAfterViolation: true, maxStates: options.maxStates ?? 500_000 });
  const stepper = new Stepper(system);
  const properties: PropertyTour[] = result.properties.map((p) => {
    const tour = p.path ? stepper.positions(p.path.slice(1).map((i) => result.store.action(i))) : undefined;
    return { name: p.name, kind: p.kind, description: p.description, status: p.status, ...(p.message ? { message: p.message } : {}), ...(tour ? { tour } : {}) };
  });
  const actors = await Promise.all(spec.actors.map(async (a, i) => {
    const prefix = `a${i}_`;
    const chart = toStatechart(a.machine);
    return { id: a.id, role: a.role, svg: await dotToInlineSvg(machineToDot(a.machine, { idPrefix: prefix, legend: false })), ids: statechartIds(chart, prefix) };
  }));
  const info: SystemInfo = {
    name: spec.name,
    command: options.command ?? `coordkit explore ${spec.name}`,
    actors,
    properties,
    search: { states: result.states, complete: result.complete, stopReason: result.stopReason },
  };
  const page = explorerPage(info);

  const stateAt = (path: number[]) => {
    const states = stepper.follow(path);
    if (!states) return undefined;
    const taken = path.map((index, k) => {
      const step = stepper.enabled(states[k])[index];
      return { index, actor: step.actor, action: step.action, after: step.after };
    });
    const here = states.at(-1)!;
    const steps = stepper.enabled(here).map(({ index, actor, action, after }) => ({ index, actor, action, after }));
    return { path, taken, steps, ...stepper.report(here) };
  };

  const handle = (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const send = (status: number, type: string, body: string) => {
      res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
      res.end(body);
    };
    const json = (status: number, body: unknown) => send(status, 'application/json; charset=utf-8', JSON.stringify(body));
    if (req.method !== 'GET') return json(405, { error: 'only GET' });
    if (url.pathname === '/') return send(200, 'text/html; charset=utf-8', page);
    if (url.pathname === '/api/system') return json(200, info);
    if (url.pathname === '/api/state') {
      const raw = url.searchParams.get('path') ?? '';
      const path = raw === '' ? [] : raw.split('.').map(Number);
      if (path.some((n) => !Number.isInteger(n) || n < 0) || path.length > 10_000) return json(400, { error: `bad path '${raw}': step positions separated by dots` });
      const state = stateAt(path);
      if (!state) return json(404, { error: `path '${raw}' leaves the enabled steps` });
      return json(200, state);
    }
    return json(404, { error: `no ${url.pathname}` });
  };

  const server = createServer((req, res) => {
    try {
      handle(req, res);
    } catch (err) {
      res.writeHead(500, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: (err as Error).message }));
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/`,
    port,
    info,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
