/** The in-process binding: handler nodes built by a factory, called directly. */
import type { HandlerNode } from '../impl/paxos/types.ts';
import { AdapterError, type Adapter, type DriveConfig, type DriveInput, type DriveOutput, type NodeSpec } from './adapter.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyHandlerNode = HandlerNode<any, any, unknown>;
export type NodeFactory = (spec: NodeSpec) => AnyHandlerNode;

export class InProcessAdapter implements Adapter {
  private nodes = new Map<string, { spec: NodeSpec; node: AnyHandlerNode }>();

  constructor(readonly name: string, private readonly factory: NodeFactory) {}

  async reset(config: DriveConfig): Promise<void> {
    this.nodes = new Map(config.nodes.map((spec) => [spec.id, { spec, node: this.factory(spec) }]));
  }

  private get(node: string) {
    const n = this.nodes.get(node);
    if (!n) throw new AdapterError(`${this.name}: no node ${node}`);
    return n;
  }

  async step(node: string, input: DriveInput): Promise<DriveOutput[]> {
    return this.get(node).node.handle(input) as DriveOutput[];
  }

  async observe(node: string): Promise<unknown> {
    return this.get(node).node.observe();
  }

  async restart(node: string): Promise<void> {
    const n = this.get(node);
    const saved = n.node.save();
    n.node = this.factory(n.spec);
    n.node.load(JSON.parse(JSON.stringify(saved ?? null)));
  }

  async close(): Promise<void> {}
}

/**
 * Routes each node to one of two adapters by role: e.g. acceptors to a Python process,
 * everything else to the reference implementation in-process.
 */
export class RoutedAdapter implements Adapter {
  readonly name: string;
  private owner = new Map<string, Adapter>();
  private roleOf = new Map<string, string>();
  /** Steps and restarts handed to the foreign adapter: the implementation under test. */
  stepsUnderTest = 0;

  /** `observes`: per role, the state fields the foreign implementation exposes (absent: all). */
  constructor(private readonly foreign: Adapter, private readonly roles: ReadonlySet<string>, private readonly local: Adapter,
    private readonly observes?: Record<string, readonly string[]>) {
    this.name = `${foreign.name} (${[...roles].join(', ')}) + ${local.name}`;
  }

  observable(node: string): readonly string[] | undefined {
    return this.owner.get(node) === this.foreign ? this.observes?.[this.roleOf.get(node) ?? ''] : undefined;
  }

  async reset(config: DriveConfig): Promise<void> {
    this.roleOf = new Map(config.nodes.map((n) => [n.id, n.role]));
    const mine = config.nodes.filter((n) => this.roles.has(n.role));
    const rest = config.nodes.filter((n) => !this.roles.has(n.role));
    this.owner = new Map([...mine.map((n) => [n.id, this.foreign] as const), ...rest.map((n) => [n.id, this.local] as const)]);
    await this.foreign.reset({ ...config, nodes: mine });
    await this.local.reset({ ...config, nodes: rest });
  }

  private of(node: string): Adapter {
    const a = this.owner.get(node);
    if (!a) throw new AdapterError(`no node ${node}`);
    return a;
  }

  step(node: string, input: DriveInput) {
    const a = this.of(node);
    if (a === this.foreign) this.stepsUnderTest++;
    return a.step(node, input);
  }
  observe(node: string) { return this.of(node).observe(node); }
  restart(node: string) {
    const a = this.of(node);
    if (a === this.foreign) this.stepsUnderTest++;
    return a.restart(node);
  }
  async close(): Promise<void> {
    await this.foreign.close();
    await this.local.close();
  }
}
