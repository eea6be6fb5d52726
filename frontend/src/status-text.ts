import type { EventOf } from './types';

/**
 * What the page says about the connection itself (not its traffic): the engine's `error` codes
 * and `closed` reasons as sentences a learner can act on.
 */

const ERROR_HELP: Record<string, string> = {
  CONNECT_FAILED: 'Could not connect',
  TARGET_DENIED: 'Parley may not connect there',
  TLS_FAILED: 'The TLS handshake failed',
  NOT_CONNECTED: 'Not connected',
  LIMIT: 'A limit was reached',
  TIMEOUT: 'No answer yet',
  BAD_REQUEST: 'Parley did not understand the request',
  INTERNAL: 'Something went wrong inside Parley',
};

const CLOSED_BY: Record<string, string> = {
  server: 'The server closed the connection',
  client: 'You closed the connection',
  limit: 'Parley closed the connection: a limit was reached',
  error: 'The connection broke',
};

/** Codes after which a reconnect is the natural next step. */
const RECONNECTABLE = ['CONNECT_FAILED', 'TLS_FAILED', 'NOT_CONNECTED', 'LIMIT'];

export function errorText(ev: EventOf<'error'>): string {
  const head = ERROR_HELP[ev.code ?? ''] ?? 'Error';
  const message = ev.message?.trim() || 'no details given';
  // The server's sentence often starts with the same words ("Not connected: …"): say them once.
  const said = message.toLowerCase().startsWith(head.toLowerCase()) ? message : `${head}: ${message}`;
  return `${said}${ev.code ? ` (${ev.code})` : ''}`;
}

export function offersReconnect(ev: EventOf<'error'>): boolean {
  return RECONNECTABLE.includes(ev.code ?? '');
}

/** An error that leaves the page without a connection. */
export function endsConnection(ev: EventOf<'error'>): boolean {
  return ev.code === 'NOT_CONNECTED' || ev.code === 'LIMIT';
}

export function closedText(ev: EventOf<'closed'>): string {
  const why = CLOSED_BY[ev.by ?? ''] ?? 'The connection is closed';
  const reason = ev.reason?.trim();
  // The server's reason is usually a whole sentence already ("The server closed the connection.").
  return !reason ? `${why}.` : /\bclosed?\b/i.test(reason) ? reason : `${why}: ${reason}`;
}

/** Closed by one of the two parties, as conversations end; anything else is a failure. */
export function closedNormally(ev: EventOf<'closed'>): boolean {
  return ev.by === 'client' || ev.by === 'server';
}
