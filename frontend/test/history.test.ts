import { describe, expect, it } from 'vitest';
import { History } from '../src/history';

describe('input history', () => {
  it('walks back and forth and returns the draft past the newest line', () => {
    const h = new History();
    h.push('EHLO a');
    h.push('MAIL FROM:<b@c>');
    expect(h.up('draft')).toBe('MAIL FROM:<b@c>');
    expect(h.up('ignored')).toBe('EHLO a');
    expect(h.up('ignored')).toBeNull();
    expect(h.down()).toBe('MAIL FROM:<b@c>');
    expect(h.down()).toBe('draft');
    expect(h.down()).toBeNull();
  });

  it('stores consecutive duplicates once', () => {
    const h = new History();
    h.push('NOOP');
    h.push('NOOP');
    expect(h.size).toBe(1);
  });

  it('forgets the oldest lines past its limit', () => {
    const h = new History(2);
    h.push('a');
    h.push('b');
    h.push('c');
    expect(h.up('')).toBe('c');
    expect(h.up('')).toBe('b');
    expect(h.up('')).toBeNull();
  });

  it('starts again from the newest line after a send', () => {
    const h = new History();
    h.push('a');
    h.push('b');
    h.up('');
    h.up('');
    h.push('c');
    expect(h.up('')).toBe('c');
  });

  it('has nothing to go down to when not browsing', () => {
    expect(new History().down()).toBeNull();
  });
});
