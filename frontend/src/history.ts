/**
 * Shell-style input history: ↑ walks back through sent lines, ↓ forward, and past the newest
 * entry you get back the draft you were typing. Consecutive duplicates are stored once.
 */
export class History {
  private readonly items: string[] = [];
  private index = 0; // == items.length when not browsing
  private draft = '';

  constructor(private readonly limit = 200) {}

  push(line: string): void {
    if (this.items[this.items.length - 1] !== line) {
      this.items.push(line);
      if (this.items.length > this.limit) this.items.shift();
    }
    this.index = this.items.length;
    this.draft = '';
  }

  /** The older line to show, or null when there is none. `current` is what the input holds now. */
  up(current: string): string | null {
    if (this.index === 0) return null;
    if (this.index === this.items.length) this.draft = current;
    this.index--;
    return this.items[this.index];
  }

  /** The newer line to show (the draft once past the newest), or null when not browsing. */
  down(): string | null {
    if (this.index >= this.items.length) return null;
    this.index++;
    return this.index === this.items.length ? this.draft : this.items[this.index];
  }

  get size(): number {
    return this.items.length;
  }
}
