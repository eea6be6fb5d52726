import type { ServerEvent } from './types';

/** What playback drives: shows the first `count` events (called with growing or smaller counts). */
export interface PlaybackView {
  /** Shows one more event (the one at `index`). */
  show(index: number): void;
  /** Goes back to nothing shown. */
  reset(): void;
  /** Position or state changed: update buttons and the "3 of 12" counter. */
  changed(player: Player): void;
}

export const SPEEDS: readonly number[] = [0.5, 1, 2, 4];

type Timer = ReturnType<typeof setTimeout>;

/**
 * Step-by-step playback of a stored conversation: play, pause, step forward and back, restart,
 * show all, at 0.5×–4×. The wait before each event follows the conversation's real rhythm,
 * within bounds (`delay`), divided by the speed.
 */
export class Player {
  private shown = 0;
  private timer: Timer | null = null;
  private rate = 1;

  constructor(
    readonly events: readonly ServerEvent[],
    private readonly view: PlaybackView,
    private readonly delay: (index: number) => number,
  ) {}

  get position(): number {
    return this.shown;
  }

  get total(): number {
    return this.events.length;
  }

  get playing(): boolean {
    return this.timer !== null;
  }

  get atEnd(): boolean {
    return this.shown >= this.events.length;
  }

  get speed(): number {
    return this.rate;
  }

  set speed(value: number) {
    this.rate = SPEEDS.includes(value) ? value : 1;
    if (this.playing) {
      this.stopTimer();
      this.schedule();
    }
    this.view.changed(this);
  }

  /** Shows the next event; false when there is none. */
  step(): boolean {
    if (this.atEnd) return false;
    this.view.show(this.shown++);
    this.view.changed(this);
    return true;
  }

  /** Shows one event fewer (redraws from the start: rendering depends on what came before). */
  back(): void {
    this.pause();
    this.seek(Math.max(0, this.shown - 1));
  }

  seek(count: number): void {
    this.view.reset();
    this.shown = 0;
    const to = Math.min(Math.max(0, count), this.events.length);
    while (this.shown < to) this.view.show(this.shown++);
    this.view.changed(this);
  }

  restart(): void {
    this.pause();
    this.seek(0);
  }

  showAll(): void {
    this.pause();
    this.seek(this.events.length);
  }

  play(): void {
    if (this.playing) return;
    if (this.atEnd) this.seek(0);
    this.schedule();
    this.view.changed(this);
  }

  pause(): void {
    if (!this.playing) return;
    this.stopTimer();
    this.view.changed(this);
  }

  toggle(): void {
    if (this.playing) this.pause();
    else this.play();
  }

  private schedule(): void {
    this.timer = setTimeout(() => {
      this.timer = null;
      this.step();
      if (this.atEnd) this.view.changed(this);
      else this.schedule();
    }, this.delay(this.shown) / this.rate);
  }

  private stopTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}
