import { describe, expect, it } from 'vitest';
import { conversationFor, pause, splitTarget, storedEvents } from '../src/share-data';

describe('a stored transcript as events', () => {
  it('turns every kind of stored line into the event the live page renders', () => {
    const events = storedEvents([
      { seq: 1, dir: 'S', at: '2026-11-26T10:00:00Z', text: '+OK ready', terminator: 'CRLF', secure: false, kind: 'line' },
      { seq: 2, dir: null, at: null, text: 'starttls TLSv1.3 TLS_AES_128_GCM_SHA256 verified CN=localhost', terminator: 'CRLF', secure: false, kind: 'tls' },
      { seq: 3, dir: 'C', text: 'PASS ********', terminator: 'CRLF', secure: true, kind: 'line' },
      { seq: 4, dir: 'S', text: 'From: cris\r\nTo: démo', terminator: 'NONE', kind: 'literal' },
      { seq: 5, dir: 'S', text: 'image/png body, 10 octets, not shown', kind: 'body' },
      { seq: 6, text: 'Discarded 14 octets', kind: 'note' },
    ]);
    expect(events.map((e) => e.event)).toEqual(['line', 'tls', 'line', 'literal', 'body', 'notice']);
    expect(events[1]).toMatchObject({ upgraded: true, protocol: 'TLSv1.3', cipher: 'TLS_AES_128_GCM_SHA256', verified: true, peer: { subject: 'CN=localhost' } });
    expect(events[2]).toMatchObject({ dir: 'C', text: 'PASS ********', secure: true });
    expect(events[3]).toMatchObject({ octets: 21 });
  });

  it('reads an implicit, unverified marker with unknown fields', () => {
    expect(storedEvents([{ text: 'implicit - - unverified', kind: 'tls' }])[0]).toMatchObject({ upgraded: false, protocol: undefined, verified: false });
  });

  it('splits the target and builds an empty conversation for playback', () => {
    expect(splitTarget('localhost:3110')).toEqual({ host: 'localhost', port: 3110 });
    expect(splitTarget('[::1]:143')).toEqual({ host: '[::1]', port: 143 });
    expect(splitTarget(null)).toEqual({ host: '?', port: 0 });
    const c = conversationFor({ id: 'abc', protocol: 'pop3', target: 'localhost:3110', tls: null });
    expect(c.target).toBe('localhost:3110');
    expect(c.transcriptId).toBe('abc');
    expect(conversationFor({ protocol: 'gopher' }).protocol).toBe('raw');
  });

  it('keeps the real rhythm between bounds', () => {
    expect(pause('2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.010Z')).toBe(250);
    expect(pause('2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.700Z')).toBe(700);
    expect(pause('2026-01-01T00:00:00Z', '2026-01-01T00:01:00Z')).toBe(1500);
    expect(pause(undefined, 'x')).toBe(600);
  });
});
