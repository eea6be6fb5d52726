import type { Annotation, EventOf, Peer, ProtocolId, ServerEvent } from './types';

/**
 * One connection's traffic as the page keeps it: what the console shows, what the ladder
 * draws and what the export writes. Built only from events; nothing here reads protocol text.
 */
export interface Entry {
  /** DOM id of the console row, unique on the page: lets compare/ladder link to it. */
  rowId: string;
  kind: 'line' | 'literal' | 'body' | 'notice' | 'tls';
  dir?: 'C' | 'S';
  text: string;
  seq?: number;
  at?: string;
  terminator?: 'CRLF' | 'LF' | 'NONE';
  secure?: boolean;
  annotation?: Annotation;
  /**
   * The line with its secret masked, as the server's dialect wrote it (only on lines holding
   * one). The learner's own console shows `text`; everything that leaves the page uses this.
   */
  redacted?: string;
  octets?: number;
  truncated?: boolean;
  contentType?: string;
  /** On the last server entry of an answer, and on the client line answered. */
  elapsedMicros?: number;
  status?: 'ok' | 'error' | 'continue';
  /** tls entries */
  tls?: TlsFacts;
}

export interface TlsFacts {
  protocol?: string;
  cipher?: string;
  peer?: Peer;
  verified?: boolean;
  /** What the certificate was trusted as, when the server says (e.g. the practice servers' pinned certificate). */
  trust?: string;
  upgraded?: boolean;
  afterSeq?: number;
}

let conversationCounter = 0;

/**
 * Entries one conversation keeps in memory. Past it the oldest tenth is let go (and counted in
 * `dropped`): the stored transcript on the server, which the share link opens, still has them.
 */
export const MAX_ENTRIES = 250_000;

export class Conversation {
  readonly id: number;
  readonly entries: Entry[] = [];
  remote = '';
  session = '';
  /** The id of the stored transcript, once the server has said it and written the first lines. */
  transcriptId?: string;
  tls: TlsFacts | null = null;
  /** The server waits for more (SMTP 354/334, IMAP +). */
  waiting = false;
  /** After SMTP 354: typed lines are the message, a lone "." ends it. */
  messageMode = false;
  open = true;
  /** Entries let go from the start of `entries` (see MAX_ENTRIES). */
  dropped = 0;
  private counter = 0;
  /** The client line written with each seq, and the newest server entry: `complete` finds both in O(1). */
  private readonly clientBySeq = new Map<number, { entry: Entry; ordinal: number }>();
  private lastServer: { entry: Entry; ordinal: number } | null = null;

  constructor(
    readonly protocol: ProtocolId,
    readonly host: string,
    readonly port: number,
    readonly tlsMode: 'none' | 'implicit',
  ) {
    this.id = ++conversationCounter;
  }

  get target(): string {
    return `${this.host}:${this.port}`;
  }

  private nextRowId(): string {
    return `row-${this.id}-${++this.counter}`;
  }

  /** Adds the event to the model; returns the entry created (null for events that make none). */
  apply(ev: ServerEvent): Entry | null {
    switch (ev.event) {
      case 'connected':
        this.remote = ev.remote ?? '';
        this.session = ev.session ?? '';
        return null;
      case 'line':
        return this.push({
          kind: 'line',
          dir: ev.dir === 'C' ? 'C' : 'S',
          text: String(ev.text ?? ''),
          seq: ev.seq,
          at: ev.at,
          terminator: ev.terminator,
          secure: ev.secure,
          annotation: ev.annotation,
          redacted: typeof ev.redacted === 'string' ? ev.redacted : undefined,
        });
      case 'literal':
        return this.push({
          kind: 'literal',
          dir: ev.dir === 'C' ? 'C' : 'S',
          text: String(ev.text ?? ''),
          octets: ev.octets,
          truncated: ev.truncated,
          seq: ev.seq,
          at: ev.at,
          secure: ev.secure,
        });
      case 'body':
        return this.push({
          kind: 'body',
          dir: 'S',
          text: String(ev.description ?? ''),
          contentType: ev.contentType,
          octets: ev.octets,
          seq: ev.seq,
          at: ev.at,
        });
      case 'notice':
        return this.push({ kind: 'notice', text: String(ev.text ?? ''), at: ev.at });
      case 'tls': {
        const facts: TlsFacts = {
          protocol: ev.protocol,
          cipher: ev.cipher,
          peer: ev.peer,
          verified: ev.verified,
          trust: ev.trust,
          upgraded: ev.upgraded,
          afterSeq: ev.afterSeq,
        };
        this.tls = facts;
        return this.push({ kind: 'tls', text: '', tls: facts });
      }
      case 'complete':
        this.complete(ev);
        return null;
      case 'closed':
        this.open = false;
        this.waiting = false;
        this.messageMode = false;
        return null;
      default:
        return null;
    }
  }

  private push(e: Omit<Entry, 'rowId'>): Entry {
    const entry = { ...e, rowId: this.nextRowId() } as Entry;
    this.entries.push(entry);
    const ordinal = this.counter;
    if (entry.dir === 'C' && entry.seq !== undefined && !this.clientBySeq.has(entry.seq)) this.clientBySeq.set(entry.seq, { entry, ordinal });
    if (entry.dir === 'S') this.lastServer = { entry, ordinal };
    if (this.entries.length > MAX_ENTRIES) this.forgetOldest();
    return entry;
  }

  /** Lets the oldest tenth go, in one splice (amortised O(1) per entry). */
  private forgetOldest(): void {
    const n = Math.ceil(MAX_ENTRIES / 10);
    const gone = this.entries.splice(0, n);
    this.dropped += gone.length;
    for (const e of gone) if (e.dir === 'C' && e.seq !== undefined) this.clientBySeq.delete(e.seq);
  }

  /** Forgets every entry (the console's Clear), keeping the connection's state. */
  clearEntries(): void {
    this.entries.length = 0;
    this.clientBySeq.clear();
    this.lastServer = null;
  }

  /** Entries the last `complete` event annotated (the answer's last server entry, the line answered). */
  touched: Entry[] = [];

  private complete(ev: EventOf<'complete'>): void {
    this.touched = [];
    const asked = ev.seq ? this.clientBySeq.get(ev.seq) : undefined;
    const server = this.lastServer;
    const lastServer = server && (!asked || server.ordinal > asked.ordinal) ? server.entry : undefined;
    for (const e of [lastServer, asked?.entry]) {
      if (!e) continue;
      e.elapsedMicros = ev.elapsedMicros;
      e.status = ev.status;
      this.touched.push(e);
    }
    this.waiting = ev.status === 'continue';
    // 354 is the one reply that turns typed lines into message text (RFC 5321 §4.1.1.4).
    this.messageMode = this.waiting && lastServer?.annotation?.code === '354';
  }
}
