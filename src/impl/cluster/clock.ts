/**
 * The test clock: the driver's counterpart of the model's environment actor. It advances
 * global time one round at a time (up to maxTicks) and keeps the set of paused servers.
 * Real runs need no such node: each process derives ticks from the wall clock
 * (src/run/node-main.ts).
 */
import type { ClockView, ClusterNode, Input, Output, ServerId, Tick } from './types.ts';

export interface ClockConfig { servers: ServerId[]; maxTicks: number; pauses: number }

export class ClusterClock implements ClusterNode {
  readonly role = 'environment';
  private now: Tick = 0;
  private paused: ServerId[] = [];
  private pausesLeft: number;

  constructor(readonly id: string, private readonly config: ClockConfig) {
    this.pausesLeft = config.pauses;
  }

  handle(input: Input): Output[] {
    if (input.kind !== 'event') return [];
    const { type, server } = input.event as { type: string; server?: ServerId };
    if (type === 'advance' && this.now < this.config.maxTicks) this.now++;
    else if (type === 'pause' && server !== undefined && this.pausesLeft > 0 && !this.paused.includes(server)) {
      this.paused = [...this.paused, server].sort();
      this.pausesLeft--;
    } else if (type === 'resume' && server !== undefined) this.paused = this.paused.filter((s) => s !== server);
    return [];
  }

  observe(): ClockView { return { now: this.now, paused: [...this.paused] }; }
  save(): unknown { return { now: this.now, paused: this.paused, pausesLeft: this.pausesLeft }; }
  load(saved: unknown): void {
    const s = saved as { now: Tick; paused: ServerId[]; pausesLeft: number };
    this.now = s.now;
    this.paused = [...s.paused];
    this.pausesLeft = s.pausesLeft;
  }
}
