/** The in-process binding: handler nodes built by a factory, called directly. */
import type { HandlerNode } from '../impl/paxos/types.ts';
import { type Adapter, type DriveConfig, type DriveInput, type DriveOutput, type NodeSpec } from './adapter.ts';
export type AnyHandlerNode = HandlerNode<any, any, unknown>;
export type NodeFactory = (spec: NodeSpec) => AnyHandlerNode;
export declare class InProcessAdapter implements Adapter {
    readonly name: string;
    private readonly factory;
    private nodes;
    constructor(name: string, factory: NodeFactory);
    reset(config: DriveConfig): Promise<void>;
    private get;
    step(node: string, input: DriveInput): Promise<DriveOutput[]>;
    observe(node: string): Promise<unknown>;
    restart(node: string): Promise<void>;
    close(): Promise<void>;
}
/**
 * Routes each node to one of two adapters by role: e.g. acceptors to a Python process,
 * everything else to the reference implementation in-process.
 */
export declare class RoutedAdapter implements Adapter {
    private readonly foreign;
    private readonly roles;
    private readonly local;
    readonly name: string;
    private owner;
    constructor(foreign: Adapter, roles: ReadonlySet<string>, local: Adapter);
    reset(config: DriveConfig): Promise<void>;
    private of;
    step(node: string, input: DriveInput): Promise<DriveOutput[]>;
    observe(node: string): Promise<unknown>;
    restart(node: string): Promise<void>;
    close(): Promise<void>;
}
