/** A clock tests move by hand, so times and durations are exact. */
export class FakeClock {
  private current: number;

  constructor(start = Date.UTC(2024, 0, 2, 3, 4, 5)) {
    this.current = start;
  }

  readonly now = (): number => this.current;

  advance(ms: number): number {
    this.current += ms;
    return this.current;
  }
}
