import { type Adapter, type DriveConfig, type DriveInput, type DriveOutput } from './adapter.ts';
export declare const PROTOCOL_VERSION = 1;
export interface Hello {
    name: string;
    /** Roles the process implements; the driver runs the others in-process. */
    roles: string[];
}
export declare class StdioAdapter implements Adapter {
    readonly command: string;
    private readonly timeoutMs;
    name: string;
    private readonly child;
    private readonly waiting;
    private stderr;
    private exited;
    /** Starts `command` through /bin/sh (exec'd, so the process is the command itself). */
    constructor(command: string, timeoutMs?: number);
    private reply;
    private request;
    hello(): Promise<Hello>;
    reset(config: DriveConfig): Promise<void>;
    step(node: string, input: DriveInput): Promise<DriveOutput[]>;
    observe(node: string): Promise<unknown>;
    restart(node: string): Promise<void>;
    close(): Promise<void>;
}
