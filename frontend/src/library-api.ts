import { Conversation } from './conversation';
import type { Fetcher } from './share-link';
import { sharedText } from './transcript';
import type { ProtocolId, ServerEvent } from './types';

/**
 * Library mode's REST surface (CONTRACTS.md §3): the calls, a run, and the diff between a
 * library's conversation and the learner's hand-typed one.
 */

export interface LibraryArg {
  name: string;
  description?: string;
  defaultValue?: string;
  choices?: string[];
}

export interface LibraryCall {
  name: string;
  protocol: ProtocolId;
  title: string;
  description?: string;
  args?: LibraryArg[];
}

export interface ByHandStep {
  line: string;
  note?: string | null;
}

export interface LibraryRequest {
  target: { protocol: ProtocolId; host: string; port: number; tls: 'none' | 'implicit' };
  username?: string;
  password?: string;
  call: string;
  args: Record<string, string>;
}

/** A run's answer; a failed run (problem+json) has the same fields, plus `detail`. */
export interface LibraryResult {
  call?: string;
  java?: string;
  python?: string;
  trace?: string[];
  byHand?: ByHandStep[];
  result?: unknown;
  traceNote?: string;
  transcriptId?: string;
  /** Set when the call failed: the sentence for the learner. */
  detail?: string;
  title?: string;
}

export interface DiffPair {
  library?: string | null;
  byHand?: string | null;
  kind: 'same' | 'differs' | 'libraryOnly' | 'byHandOnly' | string;
  explanations?: string[];
}

export interface DiffResult {
  pairs: DiffPair[];
  differences: number;
  /** What was left out of the comparison (IMAP tags), in words. */
  note?: string | null;
}

const JSON_HEADERS = { Accept: 'application/json', 'Content-Type': 'application/json' };

/** The calls, by protocol, in the lesson's order. */
export async function fetchCalls(fetcher: Fetcher): Promise<LibraryCall[]> {
  const r = await fetcher('/api/library/calls', { headers: { Accept: 'application/json' } });
  if (!r.ok) throw new Error(`GET /api/library/calls answered ${r.status}`);
  const byProtocol = (await r.json()) as Record<string, LibraryCall[]>;
  return Object.values(byProtocol ?? {}).flatMap((list) => (Array.isArray(list) ? list : []));
}

/** Runs a call; a refused or failed call comes back as its problem, with the partial trace. */
export async function runCall(fetcher: Fetcher, request: LibraryRequest): Promise<LibraryResult> {
  const r = await fetcher('/api/library', { method: 'POST', headers: JSON_HEADERS, body: JSON.stringify(request) });
  let body: LibraryResult;
  try {
    body = (await r.json()) as LibraryResult;
  } catch {
    body = {};
  }
  if (!r.ok && !body.detail) body.detail = `The call failed (HTTP ${r.status}).`;
  return body;
}

export async function diff(fetcher: Fetcher, library: string[], byHand: string[]): Promise<DiffResult> {
  const r = await fetcher('/api/library/diff', { method: 'POST', headers: JSON_HEADERS, body: JSON.stringify({ library, byHand }) });
  if (!r.ok) throw new Error(`POST /api/library/diff answered ${r.status}`);
  return (await r.json()) as DiffResult;
}

/** A trace line's direction and text: "C: A1 LOGIN demo ********" → C, "A1 LOGIN demo ********". */
export function splitTraceLine(line: string): { dir: 'C' | 'S'; text: string } {
  const m = /^([CS]):\s?(.*)$/s.exec(line);
  return m ? { dir: m[1] as 'C' | 'S', text: m[2] } : { dir: 'S', text: line };
}

/** The trace as a conversation, so the console's own rows draw it. */
export function traceConversation(trace: readonly string[], protocol: ProtocolId, host: string, port: number): Conversation {
  const c = new Conversation(protocol, host, port, 'none');
  trace.forEach((line, i) => {
    const { dir, text } = splitTraceLine(line);
    const ev: ServerEvent = { event: 'line', dir, text, seq: i + 1 };
    c.apply(ev);
  });
  return c;
}

/**
 * The learner's own conversation as C:/S: lines for the diff, secrets as the server masked them
 * (so "LOGIN demo ********" meets the library's "LOGIN demo ********"). Literals count as the
 * lines they hold, as in a trace.
 */
export function learnerLines(c: Conversation | null): string[] {
  if (!c) return [];
  const out: string[] = [];
  for (const e of c.entries) {
    if (e.kind === 'line') out.push(`${e.dir ?? 'S'}: ${sharedText(e)}`);
    else if (e.kind === 'literal') for (const l of e.text.split(/\r?\n/)) if (l !== '') out.push(`${e.dir ?? 'S'}: ${l}`);
  }
  return out;
}
