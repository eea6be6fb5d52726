/**
 * Helpers that write a whole mail message or HTTP request for the learner. They build text;
 * the server's dialect still does the framing (dot-stuffing, the final CRLF.CRLF).
 */

export interface MailDraft {
  from: string;
  to: string;
  subject: string;
  date?: Date;
  messageId?: string;
  body: string;
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** An RFC 5322 §3.3 date-time in UTC: "Thu, 26 Nov 2026 10:15:00 +0000". */
export function rfc5322Date(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${DAYS[d.getUTCDay()]}, ${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())} +0000`;
}

/** A Message-ID (RFC 5322 §3.6.4) under the sender's domain. */
export function messageId(from: string, random: () => number = Math.random): string {
  const domain = /@([^>\s]+)/.exec(from)?.[1] ?? 'parley.local';
  const id = Math.floor(random() * 2 ** 48).toString(36);
  return `<${Date.now().toString(36)}.${id}@${domain}>`;
}

/** Header fields, a blank line, the body: lines joined with CRLF (the server normalises again). */
export function composeMail(d: MailDraft): string {
  const headers = [
    `From: ${d.from}`,
    `To: ${d.to}`,
    `Subject: ${d.subject}`,
    `Date: ${rfc5322Date(d.date ?? new Date())}`,
    `Message-ID: ${d.messageId ?? messageId(d.from)}`,
  ];
  return `${headers.join('\r\n')}\r\n\r\n${d.body.replace(/\r?\n/g, '\r\n')}`;
}

export interface HttpDraft {
  method: string;
  path: string;
  host: string;
  /** "Name: value" per line; blank lines ignored. */
  headers: string;
  body: string;
}

export interface HttpRequest {
  /** The request line, headers and the empty line that ends the header section. */
  lines: string[];
  /** The body, sent with the payload op; empty when there is none. */
  body: string;
}

export function utf8Length(text: string): number {
  return new TextEncoder().encode(text).length;
}

/** RFC 9112 §3 and §6: request line, Host, headers, Content-Length when a body is sent. */
export function composeHttp(d: HttpDraft): HttpRequest {
  const method = d.method.trim().toUpperCase() || 'GET';
  const path = d.path.trim() || '/';
  const extra = d.headers
    .split(/\r?\n/)
    .map((h) => h.trim())
    .filter((h) => h !== '' && !/^(host|content-length)\s*:/i.test(h));
  const lines = [`${method} ${path} HTTP/1.1`, `Host: ${d.host}`, ...extra];
  const body = d.body.replace(/\r?\n/g, '\r\n');
  if (body !== '' || ['POST', 'PUT', 'PATCH'].includes(method)) lines.push(`Content-Length: ${utf8Length(body)}`);
  lines.push('');
  return { lines, body };
}
