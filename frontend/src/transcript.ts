import type { Conversation, Entry } from './conversation';

/**
 * Export in the transcript text format of CONTRACTS.md §2 (and as JSON). Secrets never leave in
 * clear: PASS arguments, the IMAP LOGIN password, AUTH/AUTHENTICATE credentials (in the command
 * and in the continuation lines that answer the server's challenges), and HTTP
 * Authorization/Cookie values become ********.
 */

export const MASK = '********';

/**
 * Finds the verb of a client line: the first word, or the second after an IMAP tag. The
 * server's annotation says which verb it saw; without one, LOGIN/AUTHENTICATE after a tag count.
 */
function verbOf(e: Entry): { verb: string; rest: string } | null {
  const m = /^(\S+)(\s+)?(\S+)?(\s+)?/.exec(e.text);
  if (!m) return null;
  const want = e.annotation?.verb?.toUpperCase();
  const t1 = m[1].toUpperCase();
  const t2 = m[3]?.toUpperCase();
  const second = want ? t1 !== want && t2 === want : !!t2 && (t2 === 'LOGIN' || t2 === 'AUTHENTICATE');
  if (second) return { verb: t2!, rest: e.text.slice(m[0].length) };
  const afterFirst = m[1].length + (m[2]?.length ?? 0);
  return { verb: t1, rest: e.text.slice(afterFirst) };
}

/** Skips one IMAP astring (quoted or atom) and returns the index after it and its spacing. */
function afterFirstArgument(rest: string): number {
  if (rest.startsWith('"')) {
    for (let i = 1; i < rest.length; i++) {
      if (rest[i] === '\\') i++;
      else if (rest[i] === '"') return i + 1;
    }
    return rest.length;
  }
  const sp = rest.search(/\s/);
  return sp < 0 ? rest.length : sp;
}

/** Masks the secret in one client line; `inAuth` says a SASL exchange is under way. */
export function maskClientLine(e: Entry, inAuth: boolean): string {
  const text = e.text;
  if (inAuth) return text === '*' ? text : MASK; // "*" cancels an exchange; it is no secret
  const header = /^(authorization|proxy-authorization|cookie)(\s*:\s*)(.*)$/i.exec(text);
  if (header) return header[3] === '' ? text : `${header[1]}${header[2]}${MASK}`;
  const v = verbOf(e);
  if (!v) return text;
  const head = text.slice(0, text.length - v.rest.length);
  switch (v.verb) {
    case 'PASS':
      return v.rest ? `${head}${MASK}` : text;
    case 'LOGIN': {
      const i = afterFirstArgument(v.rest);
      return i < v.rest.length ? `${head}${v.rest.slice(0, i)} ${MASK}` : text;
    }
    case 'AUTH':
    case 'AUTHENTICATE': {
      const mech = /^(\S+)(\s+\S.*)?$/s.exec(v.rest);
      return mech?.[2] ? `${head}${mech[1]} ${MASK}` : text;
    }
    default:
      return text;
  }
}

function startsAuth(e: Entry): boolean {
  const v = verbOf(e);
  return !!v && (v.verb === 'AUTH' || v.verb === 'AUTHENTICATE');
}

/** Client entries with their secrets masked; other entries unchanged. */
export function maskedEntries(entries: readonly Entry[]): Entry[] {
  let inAuth = false;
  return entries.map((e) => {
    if (e.dir === 'C' && e.kind === 'line') {
      const text = maskClientLine(e, inAuth);
      if (!inAuth && startsAuth(e)) inAuth = e.status !== 'ok' && e.status !== 'error';
      return text === e.text ? e : { ...e, text };
    }
    // The exchange ends when an answer completes with success or failure.
    if (e.dir === 'S' && (e.status === 'ok' || e.status === 'error')) inAuth = false;
    return e;
  });
}

/** A line break inside a line's text would split it when read back: show it instead. */
function oneLine(text: string): string {
  return text.replace(/\r/g, '\\x0D').replace(/\n/g, '\\x0A');
}

export function toText(c: Conversation): string {
  const out = [`# protocol: ${c.protocol}`, `# target: ${c.target}`];
  if (c.tlsMode === 'implicit') out.push('# tls: implicit');
  if (c.remote) out.push(`# remote: ${c.remote}`);
  for (const e of maskedEntries(c.entries)) {
    switch (e.kind) {
      case 'line':
        out.push(`${e.dir}: ${oneLine(e.text)}`);
        if (e.terminator === 'LF') out.push('# the line above ended with a bare LF');
        break;
      case 'literal':
        for (const l of e.text.split(/\r?\n/)) out.push(`${e.dir}: ${oneLine(l)}`);
        if (e.truncated) out.push(`${e.dir}: <the rest of the ${e.octets ?? 0}-octet literal, not shown>`);
        break;
      case 'body':
        out.push(`S: <${oneLine(e.text || `${e.contentType ?? 'body'}, ${e.octets ?? 0} octets`)}>`);
        break;
      case 'notice':
        out.push(`# notice: ${oneLine(e.text)}`);
        break;
      case 'tls': {
        const t = e.tls ?? {};
        out.push(`# tls: ${[t.protocol, t.cipher].filter(Boolean).join(' ')}${t.upgraded ? ' (upgraded in place by STARTTLS)' : ''}`);
        break;
      }
    }
  }
  return `${out.join('\n')}\n`;
}

export function toJson(c: Conversation, exportedAt = new Date()): string {
  const entries = maskedEntries(c.entries).map((e) => {
    const { rowId: _row, ...rest } = e;
    return rest;
  });
  return `${JSON.stringify(
    {
      protocol: c.protocol,
      target: c.target,
      tls: c.tlsMode,
      remote: c.remote || undefined,
      session: c.session || undefined,
      exportedAt: exportedAt.toISOString(),
      entries,
    },
    null,
    2,
  )}\n`;
}

export function exportName(c: Conversation, ext: string): string {
  const host = c.host.replace(/[^a-z0-9.-]/gi, '_');
  return `parley-${c.protocol}-${host}-${c.port}.${ext}`;
}
