/**
 * A cluster node's clock in a real run: tick n is the n-th period since the run's origin,
 * read from the wall clock, so all processes (restarted ones included) share one time as
 * the model's servers do. `sync` hands the node every tick it has not seen yet (after a
 * pause only the latest, as the model's environment offers only the current time); the
 * node process calls it from a timer set to the next tick boundary and before every
 * message, so a message sent at tick t never reaches a receiver still at an earlier tick.
 */
export const tickAt = (nowMs: number, origin: number, periodMs: number): number =>
  Math.max(0, Math.floor((nowMs - origin) / periodMs));

export interface ClusterClock {
  /** Delivers the current tick if it is new. */
  sync(): void;
  stop(): void;
}

export function startClusterClock(origin: number, periodMs: number, onTick: (tick: number) => void, now: () => number = Date.now): ClusterClock {
  let last = -1;
  let timer: NodeJS.Timeout | undefined;
  const sync = () => {
    const t = tickAt(now(), origin, periodMs);
    if (t > last) {
      last = t;
      onTick(t);
    }
  };
  const schedule = () => {
    sync();
    const next = origin + (last + 1) * periodMs - now();
    timer = setTimeout(schedule, Math.max(1, next));
  };
  schedule();
  return { sync, stop: () => clearTimeout(timer) };
}
