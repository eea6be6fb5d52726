import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ParleySocket, type SocketState } from '../src/socket';
import type { ServerEvent } from '../src/types';
import { parseEvent } from '../src/types';

class FakeWs {
  static made: FakeWs[] = [];
  readyState = 0;
  sent: string[] = [];
  onopen: (() => void) | null = null;
  onclose: (() => void) | null = null;
  onerror: (() => void) | null = null;
  onmessage: ((m: { data: unknown }) => void) | null = null;
  constructor(readonly url: string) {
    FakeWs.made.push(this);
  }
  send(t: string) {
    this.sent.push(t);
  }
  close() {
    this.readyState = 3;
    this.onclose?.();
  }
  open() {
    this.readyState = 1;
    this.onopen?.();
  }
}

describe('WebSocket client', () => {
  let events: ServerEvent[];
  let states: SocketState[];
  let socket: ParleySocket;

  beforeEach(() => {
    vi.useFakeTimers();
    FakeWs.made = [];
    events = [];
    states = [];
    socket = new ParleySocket({
      url: 'ws://x/ws/session',
      onEvent: (e) => events.push(e),
      onState: (s) => states.push(s),
      create: (u) => new FakeWs(u) as unknown as WebSocket,
      backoff: [100, 1000],
    });
  });
  afterEach(() => vi.useRealTimers());

  it('queues ops until the socket opens, then sends them in order', () => {
    socket.start();
    socket.send({ op: 'ping' });
    socket.send({ op: 'send', line: 'NOOP' });
    expect(FakeWs.made[0].sent).toEqual([]);
    FakeWs.made[0].open();
    expect(FakeWs.made[0].sent.map((t) => JSON.parse(t).op)).toEqual(['ping', 'send']);
    expect(states).toEqual(['connecting', 'open']);
  });

  it('hands known events on and ignores junk', () => {
    socket.start();
    const ws = FakeWs.made[0];
    ws.open();
    ws.onmessage!({ data: '{"event":"pong"}' });
    ws.onmessage!({ data: 'not json' });
    ws.onmessage!({ data: '{"event":"<script>"}' });
    ws.onmessage!({ data: new ArrayBuffer(2) });
    expect(events).toEqual([{ event: 'pong' }]);
  });

  it('comes back by itself after the socket drops, with growing delays', () => {
    socket.start();
    FakeWs.made[0].open();
    FakeWs.made[0].close();
    expect(states[states.length - 1]).toBe('closed');
    vi.advanceTimersByTime(99);
    expect(FakeWs.made).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(FakeWs.made).toHaveLength(2);
    FakeWs.made[1].close();
    vi.advanceTimersByTime(500);
    expect(FakeWs.made).toHaveLength(2);
    socket.retryNow();
    expect(FakeWs.made).toHaveLength(3);
  });

  it('stays closed after stop', () => {
    socket.start();
    FakeWs.made[0].open();
    socket.stop();
    vi.advanceTimersByTime(10_000);
    expect(FakeWs.made).toHaveLength(1);
  });

  it('builds the URL from the page location', () => {
    expect(ParleySocket.defaultUrl({ protocol: 'https:', host: 'p.example:8443' } as Location)).toBe('wss://p.example:8443/ws/session');
    expect(ParleySocket.defaultUrl({ protocol: 'http:', host: 'localhost:8080' } as Location)).toBe('ws://localhost:8080/ws/session');
  });

  it('parses only objects with a known event name', () => {
    expect(parseEvent('{"event":"line","text":"x"}')).toEqual({ event: 'line', text: 'x' });
    expect(parseEvent('[1]')).toBeNull();
    expect(parseEvent('null')).toBeNull();
  });
});
