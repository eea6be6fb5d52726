import type { ClientOp, ServerEvent } from './types';
import { parseEvent } from './types';

export type SocketState = 'connecting' | 'open' | 'closed';

export interface SocketOptions {
  url: string;
  onEvent(ev: ServerEvent): void;
  onState(state: SocketState, detail: string): void;
  /** For tests: the WebSocket constructor. */
  create?: (url: string) => WebSocket;
  /** Reconnect delays in ms; the last repeats. */
  backoff?: number[];
  /**
   * Asked when the WebSocket closes: a sentence means "do not come back" (a workshop attendee who
   * was removed, or whose workshop ended), shown as the state; null means reconnect as usual.
   */
  final?(code: number, reason: string): string | null;
}

/**
 * The page's one WebSocket to /ws/session. If it drops (server restart, laptop sleep), it comes
 * back by itself with growing delays; ops sent meanwhile wait in a short queue. The target
 * connection does not survive a dropped WebSocket: the page says so and offers to reconnect.
 */
export class ParleySocket {
  private ws: WebSocket | null = null;
  private readonly queue: string[] = [];
  private attempt = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private stopped = false;

  constructor(private readonly opts: SocketOptions) {}

  static defaultUrl(loc: Location = window.location): string {
    return `${loc.protocol === 'https:' ? 'wss:' : 'ws:'}//${loc.host}/ws/session`;
  }

  start(): void {
    this.stopped = false;
    this.open();
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.ws?.close();
  }

  get isOpen(): boolean {
    return this.ws?.readyState === 1;
  }

  send(op: ClientOp): void {
    const text = JSON.stringify(op);
    if (this.ws && this.ws.readyState === 1) this.ws.send(text);
    else if (this.queue.length < 50) this.queue.push(text);
  }

  /** Reconnects now instead of waiting for the next try. */
  retryNow(): void {
    if (this.isOpen) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.open();
  }

  private open(): void {
    this.opts.onState('connecting', 'Opening the WebSocket to Parley…');
    const ws = (this.opts.create ?? ((u) => new WebSocket(u)))(this.opts.url);
    this.ws = ws;
    ws.onopen = () => {
      this.attempt = 0;
      this.opts.onState('open', 'Parley is ready.');
      while (this.queue.length && ws.readyState === 1) ws.send(this.queue.shift()!);
    };
    ws.onmessage = (m: MessageEvent) => {
      if (typeof m.data !== 'string') return;
      const ev = parseEvent(m.data);
      if (ev) this.opts.onEvent(ev);
    };
    ws.onclose = (ev: CloseEvent) => {
      if (this.ws !== ws) return;
      this.ws = null;
      const last = this.stopped ? null : (this.opts.final?.(ev?.code ?? 0, ev?.reason ?? '') ?? null);
      if (last !== null) this.stopped = true;
      if (this.stopped) {
        this.opts.onState('closed', last ?? 'Disconnected from Parley.');
        return;
      }
      const delays = this.opts.backoff ?? [500, 1000, 2000, 5000, 10000];
      const delay = delays[Math.min(this.attempt, delays.length - 1)];
      this.attempt++;
      this.opts.onState('closed', `Lost the WebSocket to Parley; trying again in ${Math.round(delay / 100) / 10} s.`);
      this.timer = setTimeout(() => {
        this.timer = null;
        this.open();
      }, delay);
    };
    ws.onerror = () => {
      /* onclose follows and schedules the retry */
    };
  }
}
