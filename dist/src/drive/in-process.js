import { AdapterError } from './adapter.js';
export class InProcessAdapter {
    name;
    factory;
    nodes = new Map();
    constructor(name, factory) {
        this.name = name;
        this.factory = factory;
    }
    async reset(config) {
        this.nodes = new Map(config.nodes.map((spec) => [spec.id, { spec, node: this.factory(spec) }]));
    }
    get(node) {
        const n = this.nodes.get(node);
        if (!n)
            throw new AdapterError(`${this.name}: no node ${node}`);
        return n;
    }
    async step(node, input) {
        return this.get(node).node.handle(input);
    }
    async observe(node) {
        return this.get(node).node.observe();
    }
    async restart(node) {
        const n = this.get(node);
        const saved = n.node.save();
        n.node = this.factory(n.spec);
        n.node.load(JSON.parse(JSON.stringify(saved ?? null)));
    }
    async close() { }
}
/**
 * Routes each node to one of two adapters by role: e.g. acceptors to a Python process,
 * everything else to the reference implementation in-process.
 */
export class RoutedAdapter {
    foreign;
    roles;
    local;
    name;
    owner = new Map();
    constructor(foreign, roles, local) {
        this.foreign = foreign;
        this.roles = roles;
        this.local = local;
        this.name = `${foreign.name} (${[...roles].join(', ')}) + ${local.name}`;
    }
    async reset(config) {
        const mine = config.nodes.filter((n) => this.roles.has(n.role));
        const rest = config.nodes.filter((n) => !this.roles.has(n.role));
        this.owner = new Map([...mine.map((n) => [n.id, this.foreign]), ...rest.map((n) => [n.id, this.local])]);
        await this.foreign.reset({ ...config, nodes: mine });
        await this.local.reset({ ...config, nodes: rest });
    }
    of(node) {
        const a = this.owner.get(node);
        if (!a)
            throw new AdapterError(`no node ${node}`);
        return a;
    }
    step(node, input) { return this.of(node).step(node, input); }
    observe(node) { return this.of(node).observe(node); }
    restart(node) { return this.of(node).restart(node); }
    async close() {
        await this.foreign.close();
        await this.local.close();
    }
}
