/**
 * The /ws/session contract as the page sees it (CONTRACTS.md §1 and docs/websocket-events.md).
 * Every field the server sends is optional here: a browser must survive a partial or hostile
 * event, so renderers read fields defensively.
 */

export type ProtocolId = 'smtp' | 'pop3' | 'imap' | 'http' | 'raw';
export const PROTOCOL_IDS: readonly ProtocolId[] = ['smtp', 'pop3', 'imap', 'http', 'raw'];

export interface Annotation {
  kind?: string; // reply, data, malformed, command, payload
  code?: string;
  verb?: string;
  meaning?: string;
  final?: boolean;
  /** The Java record's name for `final`; accepted too. */
  last?: boolean;
  reference?: string;
}

export interface Peer {
  subject?: string;
  issuer?: string;
  notAfter?: string;
}

export type ServerEvent =
  | { event: 'connected'; session?: string; protocol?: string; remote?: string; host?: string; tls?: string }
  | {
      event: 'tls';
      protocol?: string;
      cipher?: string;
      peer?: Peer;
      verified?: boolean;
      trust?: string;
      upgraded?: boolean;
      afterSeq?: number;
    }
  | {
      event: 'line';
      dir?: 'C' | 'S';
      text?: string;
      seq?: number;
      at?: string;
      terminator?: 'CRLF' | 'LF' | 'NONE';
      secure?: boolean;
      annotation?: Annotation;
      /** Only on lines holding a secret: the line with it masked (by the server's dialect). */
      redacted?: string;
    }
  | { event: 'literal'; dir?: 'C' | 'S'; octets?: number; text?: string; truncated?: boolean; seq?: number; at?: string; secure?: boolean }
  | { event: 'body'; contentType?: string; octets?: number; description?: string; seq?: number; at?: string }
  | { event: 'notice'; text?: string; at?: string }
  | { event: 'complete'; seq?: number; status?: 'ok' | 'error' | 'continue'; elapsedMicros?: number }
  | { event: 'closed'; by?: string; reason?: string }
  | { event: 'error'; code?: string; message?: string }
  | { event: 'pong' }
  /** Hosted workshops (CONTRACTS.md §7): the instructor's notice to every attendee. */
  | { event: 'broadcast'; text?: string; at?: string }
  /** Hosted workshops: a line the instructor suggests; the page puts it in the input, unsent. */
  | { event: 'suggest'; line?: string; protocol?: string | null };

export type EventName = ServerEvent['event'];
export type EventOf<N extends EventName> = Extract<ServerEvent, { event: N }>;

export type ClientOp =
  | { op: 'connect'; protocol: ProtocolId; host: string; port: number; tls: 'none' | 'implicit'; insecure?: boolean }
  | { op: 'send'; line: string; raw?: boolean }
  | { op: 'payload'; text: string }
  | { op: 'disconnect' }
  | { op: 'ping' };

/** What GET /api/protocols returns for one protocol (CONTRACTS.md §3). */
export interface PracticePreset {
  host: string;
  port: number;
  tls: 'none' | 'implicit';
  label?: string;
}

export interface WalkthroughStep {
  id: string; // hello, identify, ask, answers, goodbye
  title: string;
  line?: string | null;
  explanation?: string;
  notice?: string;
}

export interface ProtocolInfo {
  id: ProtocolId;
  name?: string;
  defaultPort: number;
  defaultTlsPort: number;
  practice: PracticePreset[];
  steps: WalkthroughStep[];
}

/** Reads the reply-ends flag under either name. */
export function isFinal(a: Annotation | undefined): boolean | undefined {
  if (!a) return undefined;
  return a.final ?? a.last;
}

/** Accepts only a known event name; anything else is ignored by the page. */
export function parseEvent(json: string): ServerEvent | null {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const name = (value as { event?: unknown }).event;
  const known = ['connected', 'tls', 'line', 'literal', 'body', 'notice', 'complete', 'closed', 'error', 'pong', 'broadcast', 'suggest'];
  return typeof name === 'string' && known.includes(name) ? (value as ServerEvent) : null;
}
