import { Conversation } from '../conversation';
import { renderEntry, renderSystemRow, updateTiming } from '../events';
import { closedNormally, closedText, errorText } from '../status-text';
import { parseEvent, type ProtocolId, PROTOCOL_IDS, type ServerEvent } from '../types';

/** Rows a follow console keeps; older ones go (the export has everything). */
export const MAX_FOLLOW_ROWS = 1000;

/**
 * A read-only console fed by events: the playground's own rows (renderEntry, the same meanings and
 * colours), for the instructor following an attendee. It renders what the events say and sends
 * nothing. The catch-up's lines come before any `connected` event and carry no annotation: they
 * go in a conversation made up for them.
 */
export class ConsoleFeed {
  private current: Conversation | null = null;
  /** Whether the console follows new rows (the instructor has not scrolled up to read). */
  private pinned = true;

  constructor(
    private readonly list: HTMLOListElement,
    private readonly box: HTMLElement,
  ) {
    box.addEventListener('scroll', () => {
      this.pinned = box.scrollHeight - box.scrollTop - box.clientHeight < 48;
    });
  }

  clear(): void {
    this.list.replaceChildren();
    this.current = null;
    this.pinned = true;
  }

  /** A row about the follow itself (following, fell behind, stopped). */
  say(kind: 'connected' | 'closed' | 'error' | 'info', text: string): void {
    this.add(renderSystemRow(kind, text));
  }

  handle(ev: ServerEvent): void {
    switch (ev.event) {
      case 'connected': {
        const protocol = (PROTOCOL_IDS as readonly string[]).includes(ev.protocol ?? '') ? (ev.protocol as ProtocolId) : 'raw';
        const host = ev.host ?? ev.remote ?? '?';
        this.current = new Conversation(protocol, host, 0, ev.tls === 'implicit' ? 'implicit' : 'none');
        this.current.apply(ev);
        this.say('connected', `Connected to ${host}${ev.remote && ev.remote !== host ? ` (${ev.remote})` : ''}, speaking ${protocol.toUpperCase()}.`);
        return;
      }
      case 'complete': {
        const c = this.conversation();
        c.apply(ev);
        for (const e of c.touched) {
          const row = this.list.querySelector<HTMLElement>(`[id="${e.rowId}"]`);
          if (row) updateTiming(row, e);
        }
        return;
      }
      case 'closed':
        this.current?.apply(ev);
        this.say(closedNormally(ev) ? 'closed' : 'error', closedText(ev));
        return;
      case 'error':
        this.say('error', errorText(ev));
        return;
      case 'notice':
        if (!this.current) {
          this.say('info', String(ev.text ?? ''));
          return;
        }
        break;
      case 'pong':
      case 'broadcast':
      case 'suggest':
        return;
      default:
        break;
    }
    const c = this.conversation();
    const prev = c.entries[c.entries.length - 1];
    const entry = c.apply(ev);
    if (entry) this.add(renderEntry(entry, prev));
  }

  /** Parses one WebSocket frame; anything unknown is ignored. */
  frame(data: unknown): void {
    if (typeof data !== 'string') return;
    const ev = parseEvent(data);
    if (ev) this.handle(ev);
  }

  private conversation(): Conversation {
    this.current ??= new Conversation('raw', 'their server', 0, 'none');
    return this.current;
  }

  private add(row: HTMLElement): void {
    this.list.append(row);
    while (this.list.childElementCount > MAX_FOLLOW_ROWS) this.list.firstElementChild?.remove();
    if (this.pinned) this.box.scrollTop = this.box.scrollHeight;
  }
}

/** Attempts in a row that never open before the follow gives up. */
const MAX_TRIES = 5;

/** What the follow panel shows of its WebSocket's state. */
export type FollowState = 'connecting' | 'live' | 'behind' | 'stopped' | 'refused';

export interface FollowOptions {
  onState(state: FollowState, text: string): void;
  /** For tests: the WebSocket constructor. */
  create?: (url: string) => WebSocket;
  /** Delay before catching up again after a drop, in ms. */
  retryMs?: number;
}

/**
 * The instructor's follow of one attendee: /ws/follow (CONTRACTS.md §7), read-only. It first
 * catches up (their latest conversation), then streams. A follower that falls behind is dropped
 * by Parley (never the attendee slowed): the page then catches up afresh, by itself.
 */
export class Follow {
  private ws: WebSocket | null = null;
  private stopped = false;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private refused = false;
  /** Drops in a row without the WebSocket ever opening: past MAX_TRIES the follow gives up and says so. */
  private failures = 0;

  constructor(
    private readonly workshop: string,
    private readonly attendee: string,
    readonly name: string,
    private readonly feed: ConsoleFeed,
    private readonly opts: FollowOptions,
  ) {}

  static url(workshop: string, attendee: string, loc: Location = window.location): string {
    const q = new URLSearchParams({ workshop, attendee });
    return `${loc.protocol === 'https:' ? 'wss:' : 'ws:'}//${loc.host}/ws/follow?${q}`;
  }

  start(): void {
    this.stopped = false;
    this.open(false);
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    const ws = this.ws;
    this.ws = null;
    ws?.close();
    this.opts.onState('stopped', `Stopped following ${this.name}.`);
  }

  private open(again: boolean): void {
    this.feed.clear();
    if (again) this.feed.say('info', `Catching up with ${this.name} again…`);
    this.opts.onState('connecting', `Connecting to ${this.name}'s console…`);
    const ws = (this.opts.create ?? ((u) => new WebSocket(u)))(Follow.url(this.workshop, this.attendee));
    this.ws = ws;
    ws.onopen = () => {
      this.failures = 0;
      this.opts.onState('live', `Following ${this.name}: what they did so far, then live. Read-only.`);
    };
    ws.onmessage = (m: MessageEvent) => {
      const ev = typeof m.data === 'string' ? parseEvent(m.data) : null;
      if (ev?.event === 'error') this.refused = true;
      if (ev) this.feed.handle(ev);
    };
    ws.onclose = (e: CloseEvent) => {
      if (this.ws !== ws || this.stopped) return;
      this.ws = null;
      if (this.refused || e.code === 1008) {
        this.opts.onState('refused', `Could not follow ${this.name}: they are no longer in this workshop.`);
        return;
      }
      if (++this.failures > MAX_TRIES) {
        this.opts.onState('refused', `Could not reach ${this.name}'s console. Is your instructor login still valid? Reload the page.`);
        return;
      }
      this.opts.onState('behind', `The link to ${this.name}'s console dropped${e.reason ? ` (${e.reason})` : ''}; catching up again in a moment.`);
      this.timer = setTimeout(() => {
        this.timer = null;
        if (!this.stopped) this.open(true);
      }, this.opts.retryMs ?? 1500);
    };
  }
}
