import type { PracticePreset, ProtocolId } from './types';
import { PROTOCOL_IDS } from './types';

/** One practice service as GET /api/me and the join answer name it: `smtp`, `smtps`, `pop3`, … */
export interface PracticeEndpoint {
  host?: string;
  port?: number;
  tls?: string;
}

export interface Mailbox {
  address: string;
  username: string;
  password: string;
}

/** GET /api/me (CONTRACTS.md §7): who the page belongs to. Read defensively: every field may be missing. */
export interface Me {
  role: 'anonymous' | 'learner' | 'attendee' | 'instructor';
  mode: 'laptop' | 'hosted';
  attendee?: { id?: string; name?: string };
  mailbox?: Mailbox;
  workshop?: { code?: string; title?: string; expiresAt?: string; protocols?: string[] };
  practice?: Record<string, PracticeEndpoint>;
}

/** What a laptop Parley (or one that does not answer) is: the playground as it always was. */
export const LAPTOP: Me = { role: 'learner', mode: 'laptop' };

/** Reads GET /api/me; anything unreadable counts as a laptop, so the playground never breaks on it. */
export async function fetchMe(fetcher: typeof fetch = (u, i) => fetch(u, i)): Promise<Me> {
  try {
    const r = await fetcher('/api/me', { headers: { Accept: 'application/json' } });
    if (!r.ok) return LAPTOP;
    return parseMe(await r.json());
  } catch {
    return LAPTOP;
  }
}

export function parseMe(value: unknown): Me {
  if (typeof value !== 'object' || value === null) return LAPTOP;
  const v = value as Partial<Me>;
  const role = (['anonymous', 'learner', 'attendee', 'instructor'] as const).find((r) => r === v.role) ?? 'learner';
  const mode = v.mode === 'hosted' ? 'hosted' : 'laptop';
  const me: Me = { ...v, role, mode };
  const box = v.mailbox;
  if (role === 'attendee' && !(box && typeof box.username === 'string' && typeof box.password === 'string' && typeof box.address === 'string')) {
    delete me.mailbox;
  }
  return me;
}

/** An attendee with their own mailbox: the page fills it in everywhere the lesson says bob, frobozz or demo. */
export function isAttendee(me: Me): me is Me & { mailbox: Mailbox } {
  return me.role === 'attendee' && !!me.mailbox;
}

/** A visitor of a hosted Parley who has not joined a workshop: the doors answer 401. */
export function mustJoin(me: Me): boolean {
  return me.mode === 'hosted' && me.role === 'anonymous';
}

/**
 * The practice services of /api/me as connect presets per protocol, plain text first (the
 * walkthroughs start there). `smtps` is SMTP with implicit TLS, and so on.
 */
export function practicePresets(practice: Record<string, PracticeEndpoint> | undefined): Partial<Record<ProtocolId, PracticePreset[]>> {
  const out: Partial<Record<ProtocolId, PracticePreset[]>> = {};
  for (const [key, e] of Object.entries(practice ?? {})) {
    const protocol = (PROTOCOL_IDS as readonly string[]).includes(key) ? (key as ProtocolId) : (key.slice(0, -1) as ProtocolId);
    if (!PROTOCOL_IDS.includes(protocol) || typeof e?.host !== 'string' || typeof e.port !== 'number') continue;
    const tls = e.tls === 'implicit' ? 'implicit' : 'none';
    const label = `Practice ${protocol.toUpperCase()}${tls === 'implicit' ? ' over TLS' : ''}`;
    (out[protocol] ??= []).push({ host: e.host, port: e.port, tls, label });
  }
  for (const list of Object.values(out)) list.sort((a, b) => Number(a.tls !== 'none') - Number(b.tls !== 'none'));
  return out;
}
