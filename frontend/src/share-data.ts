import { Conversation } from './conversation';
import type { Annotation, ProtocolId, ServerEvent } from './types';
import { PROTOCOL_IDS } from './types';

/**
 * A stored transcript as GET /t/{id}/transcript.json returns it (TranscriptJson on the server).
 * Line texts are the stored ones: secrets were masked when the conversation was recorded.
 */
export interface StoredLine {
  seq?: number;
  dir?: 'C' | 'S' | null;
  at?: string | null;
  text?: string | null;
  terminator?: 'CRLF' | 'LF' | 'NONE' | null;
  secure?: boolean;
  kind?: 'line' | 'literal' | 'body' | 'note' | 'tls' | string;
}

export interface StoredTranscript {
  id?: string;
  protocol?: string;
  origin?: string | null;
  target?: string | null;
  remote?: string | null;
  tls?: { mode?: string; protocol?: string; cipher?: string; verified?: boolean; peer?: string } | null;
  started?: string | null;
  ended?: string | null;
  closed?: { by?: string | null; reason?: string | null } | null;
  lines?: StoredLine[];
}

/** A `# tls:` marker's words: mode, protocol, cipher, verified or unverified, then the peer ("-" = unknown). */
function tlsEvent(text: string): ServerEvent {
  const words = text.trim().split(' ');
  const word = (i: number) => (words[i] && words[i] !== '-' ? words[i].replace(/_/g, ' ') : undefined);
  const peer = words.slice(4).join(' ');
  return {
    event: 'tls',
    upgraded: words[0] === 'starttls',
    protocol: word(1),
    cipher: words[2] && words[2] !== '-' ? words[2] : undefined,
    verified: words[3] === 'verified',
    peer: peer ? { subject: peer } : undefined,
  };
}

function octetsOf(text: string): number {
  return new TextEncoder().encode(text).length;
}

/**
 * What GET /t/{id}/meanings answers: the stored lines played through the server's dialect, as the
 * live session does. Annotations by line seq; each completion comes after line `after` and
 * answers client line `seq` (0: the greeting).
 */
export interface StoredMeanings {
  annotations?: Record<string, Annotation>;
  completions?: { after: number; seq: number; status: 'ok' | 'error' | 'continue' }[];
}

/** The events a live session would have sent for these stored lines, so the page's own renderers draw them. */
export function storedEvents(lines: readonly StoredLine[], meanings: StoredMeanings = {}): ServerEvent[] {
  const out: ServerEvent[] = [];
  const notes = meanings.annotations ?? {};
  const atOf = new Map<number, number>();
  for (const l of lines) if (l.seq !== undefined && l.at) atOf.set(l.seq, Date.parse(l.at));
  const after = new Map<number, ServerEvent[]>();
  for (const c of meanings.completions ?? []) {
    const list = after.get(c.after) ?? [];
    // The round trip from the stored times. They are kept to the millisecond, so a quicker answer
    // has no honest figure: it is shown as answered (or refused) without one.
    const asked = atOf.get(c.seq);
    const done = atOf.get(c.after);
    const elapsedMicros = asked !== undefined && done !== undefined && Number.isFinite(asked) && Number.isFinite(done) && done > asked ? (done - asked) * 1000 : undefined;
    list.push({ event: 'complete', seq: c.seq, status: c.status, elapsedMicros });
    after.set(c.after, list);
  }
  for (const l of lines) {
    const annotation = l.seq !== undefined ? notes[String(l.seq)] : undefined;
    const text = String(l.text ?? '');
    const at = l.at ?? undefined;
    const dir = l.dir === 'C' ? 'C' : 'S';
    switch (l.kind) {
      case 'literal':
        out.push({ event: 'literal', dir, text, octets: octetsOf(text), seq: l.seq, at, secure: !!l.secure });
        break;
      case 'body':
        out.push({ event: 'body', description: text, seq: l.seq, at });
        break;
      case 'note':
        out.push({ event: 'notice', text, at });
        break;
      case 'tls':
        out.push(tlsEvent(text));
        break;
      default:
        out.push({ event: 'line', dir, text, seq: l.seq, at, terminator: l.terminator ?? undefined, secure: !!l.secure, annotation });
    }
    if (l.seq !== undefined) out.push(...(after.get(l.seq) ?? []));
  }
  return out;
}

/** Splits "host:port" (or "[v6]:port") as the transcript wrote its target. */
export function splitTarget(target: string | null | undefined): { host: string; port: number } {
  const t = target ?? '';
  const i = t.lastIndexOf(':');
  if (i <= 0) return { host: t || '?', port: 0 };
  const port = Number(t.slice(i + 1));
  return { host: t.slice(0, i), port: Number.isInteger(port) ? port : 0 };
}

/** An empty conversation for the transcript, which playback fills event by event. */
export function conversationFor(t: StoredTranscript): Conversation {
  const protocol = PROTOCOL_IDS.includes(t.protocol as ProtocolId) ? (t.protocol as ProtocolId) : 'raw';
  const { host, port } = splitTarget(t.target);
  const c = new Conversation(protocol, host, port, t.tls?.mode === 'implicit' ? 'implicit' : 'none');
  c.remote = t.remote ?? '';
  c.transcriptId = t.id;
  return c;
}

/** Milliseconds to wait before showing the next line at 1×: the real rhythm, kept between bounds. */
export function pause(prevAt: string | undefined, nextAt: string | undefined, min = 250, max = 1500): number {
  const a = prevAt ? Date.parse(prevAt) : NaN;
  const b = nextAt ? Date.parse(nextAt) : NaN;
  const gap = Number.isFinite(a) && Number.isFinite(b) ? b - a : 600;
  return Math.min(max, Math.max(min, gap));
}
