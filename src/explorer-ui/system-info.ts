/** What the explorer page shows of a system: built by server.ts, rendered by page.ts. */
export interface PropertyTour {
  name: string;
  kind: string;
  description: string;
  status: string;
  message?: string;
  /** Step positions from the initial state to the violation or witness. */
  tour?: number[];
}

export interface SystemInfo {
  name: string;
  command: string;
  actors: { id: string; role: string; svg: string; ids: Record<string, string> }[];
  properties: PropertyTour[];
  search: { states: number; complete: boolean; stopReason: string };
}
