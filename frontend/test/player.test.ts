import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Player, type PlaybackView } from '../src/player';
import type { ServerEvent } from '../src/types';

describe('step-by-step playback', () => {
  const events: ServerEvent[] = [1, 2, 3, 4].map((n) => ({ event: 'line', dir: 'S', text: `line ${n}` }));
  let shown: string[];
  let changes: number;
  let view: PlaybackView;

  beforeEach(() => {
    vi.useFakeTimers();
    shown = [];
    changes = 0;
    view = {
      show: (i) => shown.push((events[i] as { text: string }).text),
      reset: () => (shown = []),
      changed: () => changes++,
    };
  });
  afterEach(() => vi.useRealTimers());

  it('steps forward and back, one event at a time', () => {
    const p = new Player(events, view, () => 1000);
    expect(p.step()).toBe(true);
    p.step();
    expect(shown).toEqual(['line 1', 'line 2']);
    p.back();
    expect(shown).toEqual(['line 1']);
    expect(p.position).toBe(1);
    p.showAll();
    expect(p.atEnd).toBe(true);
    expect(p.step()).toBe(false);
    p.restart();
    expect(shown).toEqual([]);
    expect(changes).toBeGreaterThan(3);
  });

  it('plays at the chosen speed and pauses', () => {
    const p = new Player(events, view, () => 1000);
    p.play();
    expect(p.playing).toBe(true);
    vi.advanceTimersByTime(1000);
    expect(shown).toHaveLength(1);
    p.speed = 4;
    vi.advanceTimersByTime(250);
    expect(shown).toHaveLength(2);
    p.pause();
    vi.advanceTimersByTime(5000);
    expect(shown).toHaveLength(2);
    p.speed = 0.5;
    p.play();
    vi.advanceTimersByTime(1999);
    expect(shown).toHaveLength(2);
    vi.advanceTimersByTime(1);
    expect(shown).toHaveLength(3);
  });

  it('stops at the end, and plays again from the start', () => {
    const p = new Player(events, view, () => 10);
    p.play();
    vi.advanceTimersByTime(100);
    expect(p.atEnd).toBe(true);
    expect(p.playing).toBe(false);
    p.play();
    expect(shown).toEqual([]);
    vi.advanceTimersByTime(100);
    expect(shown).toHaveLength(4);
  });

  it('accepts only the offered speeds', () => {
    const p = new Player(events, view, () => 10);
    p.speed = 3;
    expect(p.speed).toBe(1);
    p.speed = 0.5;
    expect(p.speed).toBe(0.5);
  });
});
