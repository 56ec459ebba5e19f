export class ClusterClock {
    id;
    config;
    role = 'environment';
    now = 0;
    paused = [];
    pausesLeft;
    constructor(id, config) {
        this.id = id;
        this.config = config;
        this.pausesLeft = config.pauses;
    }
    handle(input) {
        if (input.kind !== 'event')
            return [];
        const { type, server } = input.event;
        if (type === 'advance' && this.now < this.config.maxTicks)
            this.now++;
        else if (type === 'pause' && server !== undefined && this.pausesLeft > 0 && !this.paused.includes(server)) {
            this.paused = [...this.paused, server].sort();
            this.pausesLeft--;
        }
        else if (type === 'resume' && server !== undefined)
            this.paused = this.paused.filter((s) => s !== server);
        return [];
    }
    observe() { return { now: this.now, paused: [...this.paused] }; }
    save() { return { now: this.now, paused: this.paused, pausesLeft: this.pausesLeft }; }
    load(saved) {
        const s = saved;
        this.now = s.now;
        this.paused = [...s.paused];
        this.pausesLeft = s.pausesLeft;
    }
}
