/**
 * A small seeded pseudo-random generator (mulberry32) for the demo data set: the same seed always gives
 * the same data, on every machine and Node version.
 */
export class Random {
    private state: number;

    constructor(seed: number) {
        this.state = seed >>> 0;
    }

    /** Where the sequence stands: `new Random(r.position)` draws what `r` would draw next (the demo data cache). */
    get position(): number {
        return this.state;
    }

    /** A float in [0, 1). */
    next(): number {
        this.state = (this.state + 0x6d2b79f5) >>> 0;
        let t = this.state;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    }

    /** An integer in [min, max]. */
    int(min: number, max: number): number {
        return min + Math.floor(this.next() * (max - min + 1));
    }

    chance(probability: number): boolean {
        return this.next() < probability;
    }

    pick<T>(items: readonly T[]): T {
        return items[Math.floor(this.next() * items.length)];
    }

    /** Picks by weight: `[[value, weight], ...]`. */
    weighted<T>(choices: readonly (readonly [T, number])[]): T {
        const total = choices.reduce((sum, [, weight]) => sum + weight, 0);
        let roll = this.next() * total;
        for (const [value, weight] of choices) {
            roll -= weight;
            if (roll < 0) {
                return value;
            }
        }
        return choices[choices.length - 1][0];
    }

    /** `count` distinct items, in random order. */
    sample<T>(items: readonly T[], count: number): T[] {
        const copy = [...items];
        for (let i = copy.length - 1; i > 0; i--) {
            const j = Math.floor(this.next() * (i + 1));
            [copy[i], copy[j]] = [copy[j], copy[i]];
        }
        return copy.slice(0, Math.min(count, copy.length));
    }
}

const ID_CHARS = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** A Salesforce-shaped 18-character id: key prefix + a counter, so ids are stable and unique per prefix. */
export function fakeId(prefix: string, counter: number): string {
    let body = '';
    let value = counter;
    for (let i = 0; i < 12; i++) {
        body = ID_CHARS[value % 62] + body;
        value = Math.floor(value / 62);
    }
    return `${prefix}${body}AAA`;
}
