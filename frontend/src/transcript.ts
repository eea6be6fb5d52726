import type { Conversation, Entry } from './conversation';

/**
 * Export in the transcript text format of CONTRACTS.md §2 (and as JSON). Secrets never leave in
 * clear, and the page does not find them itself: the server's dialect, which knows the protocol,
 * sends `redacted` with every line that holds one (PASS, LOGIN, AUTH and its continuations,
 * Authorization, Cookie...). Everything that leaves the page uses `redacted ?? text`.
 */

export const MASK = '********';

/** The text of an entry as it may be shared: the server's redacted form when it sent one. */
export function sharedText(e: Entry): string {
  return e.redacted ?? e.text;
}

/** The entries as they may leave the page: secrets masked by the server, no clear copy kept. */
export function sharedEntries(entries: readonly Entry[]): Entry[] {
  return entries.map((e) => {
    if (!('redacted' in e)) return e;
    const { redacted: _clear, ...rest } = e;
    return { ...rest, text: sharedText(e) };
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
  if (c.dropped > 0) out.push(`# note: the first ${c.dropped} lines were let go from the page's memory; the stored transcript (share link) has them`);
  for (const e of sharedEntries(c.entries)) {
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
  const entries = sharedEntries(c.entries).map((e) => {
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
