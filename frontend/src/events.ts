import type { Entry } from './conversation';
import { clock, duration, el, lockIcon, octets } from './dom';
import { isFinal } from './types';
import { appendVisible } from './visible';

/**
 * Console rows for events. Every piece of server data goes in through textContent or text nodes
 * (appendVisible); nothing here builds markup from strings. The page reads only the annotation
 * fields the server sends: it never looks inside a reply to find its code.
 */

/** Literals longer than this are folded in a closed <details>. */
export const FOLD_LINES = 24;
export const FOLD_CHARS = 2400;

const DIR_LABEL = { C: 'client', S: 'server' } as const;

function meaningOf(entry: Entry, prev?: Entry): { badge: string; meaning: string } | null {
  const a = entry.annotation;
  if (!a?.meaning && !a?.code && !a?.verb) return null;
  // The same explanation on every data line of a long answer is noise: show it once per run.
  if ((a.kind === 'data' || a.kind === 'payload') && prev?.annotation?.kind === a.kind && prev.annotation.meaning === a.meaning) {
    return null;
  }
  let badge = '';
  if (a.kind === 'reply') badge = a.code ?? 'reply';
  else if (a.kind === 'command') badge = a.verb ?? 'command';
  else if (a.kind === 'malformed') badge = '⚠ malformed';
  else if (a.kind === 'data') badge = 'data';
  else if (a.kind === 'payload') badge = 'payload';
  return { badge, meaning: a.meaning ?? '' };
}

let tipCounter = 0;

/** The inline meaning: short text in the row, detail and RFC reference on hover or focus. */
export function renderMeaning(entry: Entry, prev?: Entry): HTMLElement | null {
  const m = meaningOf(entry, prev);
  if (!m) return null;
  const a = entry.annotation!;
  const tipId = `tip-${++tipCounter}`;
  const tip = el('span', { class: 'tip', role: 'tooltip', id: tipId });
  appendVisible(tip, m.meaning);
  if (a.kind === 'reply' && isFinal(a) === false) {
    tip.append(el('span', { class: 'tip-note' }, 'More lines of this reply follow: it is complete only at its last line.'));
  }
  if (a.reference) tip.append(el('span', { class: 'ref' }, a.reference));
  const badge = el('span', { class: 'badge' });
  appendVisible(badge, m.badge);
  const short = el('span', { class: 'short' });
  appendVisible(short, firstSentence(m.meaning));
  const wrap = el('span', { class: `meaning kind-${safeClass(a.kind)}`, tabindex: '0', 'aria-describedby': tipId }, badge, ' ', short, tip);
  return wrap;
}

/** The first sentence, for the inline meaning; the tooltip holds the rest. */
export function firstSentence(s: string): string {
  const i = s.search(/[.!?](\s|$)/);
  const first = i > 0 ? s.slice(0, i + 1) : s;
  return first.length > 110 ? `${first.slice(0, 107)}…` : first;
}

function safeClass(s: string | undefined): string {
  return (s ?? 'none').replace(/[^a-z]/gi, '').toLowerCase() || 'none';
}

function eol(entry: Entry): HTMLElement | null {
  const inside = entry.annotation?.kind === 'data' || entry.annotation?.kind === 'payload';
  if (entry.terminator === 'LF' && inside) {
    // Inside a body a bare LF is the content's own line end (an HTML file's, say): worth seeing, not alarming.
    return el(
      'span',
      { class: 'eol bare-lf soft', title: 'This line ended with LF alone. Inside a body that is the content\'s own line end; in a command or reply line it would break the protocol.' },
      'LF',
    );
  }
  switch (entry.terminator) {
    case 'CRLF':
      return el('span', { class: 'eol crlf', title: 'the line ended with CR LF, as the protocol requires' }, 'CRLF');
    case 'LF':
      return el(
        'span',
        { class: 'eol bare-lf', title: 'bare LF: the line ended with LF alone, without CR. The protocol requires CRLF; servers that accept bare LF invite SMTP smuggling.' },
        'bare LF',
      );
    case 'NONE':
      return el('span', { class: 'eol none', title: 'the connection ended before this line ended' }, '⌁ no line end');
    default:
      return null;
  }
}

function timeCell(at: string | undefined): HTMLElement {
  const t = clock(at);
  return el('time', { class: 'time', datetime: at && t ? at : undefined }, t);
}

function dirCell(dir: 'C' | 'S'): HTMLElement {
  return el('span', { class: 'dir' }, el('abbr', { title: DIR_LABEL[dir] }, `${dir}:`));
}

/** Adds or refreshes the round-trip time and the outcome on a row. */
export function updateTiming(row: HTMLElement, entry: Entry): void {
  row.querySelector('.rtt')?.remove();
  if (entry.elapsedMicros === undefined && !entry.status) return;
  if (entry.status) row.dataset.status = entry.status;
  if (entry.elapsedMicros === undefined) {
    // No timing (a stored conversation without times): the outcome alone, in words.
    if (entry.dir === 'C' && entry.status) {
      const word = { ok: 'answered', error: 'refused', continue: 'server waits for more' }[entry.status];
      row.append(el('span', { class: `rtt status-${safeClass(entry.status)}` }, word));
    }
    return;
  }
  const label =
    entry.dir === 'C'
      ? `answered in ${duration(entry.elapsedMicros)}`
      : `${duration(entry.elapsedMicros)} round trip`;
  const title =
    entry.dir === 'C'
      ? 'time from writing this line to the end of the server\'s answer'
      : 'time from the command (or the connect, for a greeting) to this last line of the answer';
  row.append(el('span', { class: `rtt status-${safeClass(entry.status)}`, title }, label));
}

/** One console row for one entry of the conversation. */
export function renderEntry(entry: Entry, prev?: Entry): HTMLLIElement {
  switch (entry.kind) {
    case 'line':
      return renderLine(entry, prev);
    case 'literal':
      return renderLiteral(entry);
    case 'body':
      return renderBody(entry);
    case 'notice':
      return renderNotice(entry);
    case 'tls':
      return renderTls(entry);
  }
}

function baseRow(entry: Entry, extra: string): HTMLLIElement {
  const dir = entry.dir ? entry.dir.toLowerCase() : 'x';
  const li = el('li', { class: `row ${dir} ${extra}${entry.secure ? ' secure' : ''}`, id: entry.rowId, tabindex: '-1' });
  if (entry.seq !== undefined) li.dataset.seq = String(entry.seq);
  return li;
}

function renderLine(entry: Entry, prev?: Entry): HTMLLIElement {
  const kind = safeClass(entry.annotation?.kind);
  const li = baseRow(entry, `line kind-${kind}`);
  const text = el('span', { class: 'text' });
  if (entry.text === '') text.append(el('span', { class: 'empty', title: 'an empty line' }, '(empty line)'));
  appendVisible(text, entry.text);
  const end = eol(entry);
  if (end) text.append(end);
  li.append(timeCell(entry.at), dirCell(entry.dir ?? 'S'), text);
  const meaning = renderMeaning(entry, prev);
  if (meaning) li.append(meaning);
  updateTiming(li, entry);
  return li;
}

function isLong(text: string): boolean {
  return text.length > FOLD_CHARS || text.split('\n').length > FOLD_LINES;
}

function renderLiteral(entry: Entry): HTMLLIElement {
  const li = baseRow(entry, 'literal');
  const n = entry.octets ?? 0;
  const summary = el(
    'summary',
    {},
    el('span', { class: 'badge' }, `{${n}}`),
    ` literal: ${octets(n)} read by count, not by line`,
    entry.truncated ? ' (only the start is shown)' : '',
  );
  const pre = el('pre', { class: 'literal-text' });
  appendVisible(pre, entry.text, true);
  const details = el('details', { class: 'fold', open: !isLong(entry.text) }, summary, pre);
  li.append(timeCell(entry.at), dirCell(entry.dir ?? 'S'), el('div', { class: 'text' }, details));
  updateTiming(li, entry);
  return li;
}

function renderBody(entry: Entry): HTMLLIElement {
  const li = baseRow(entry, 'body');
  const text = el('span', { class: 'text' }, el('span', { class: 'badge' }, 'body'), ' ');
  appendVisible(text, entry.text || `${entry.contentType ?? 'unknown type'}, ${octets(entry.octets)}, not shown`);
  li.append(timeCell(entry.at), dirCell('S'), text);
  updateTiming(li, entry);
  return li;
}

function renderNotice(entry: Entry): HTMLLIElement {
  const li = baseRow(entry, 'notice');
  const text = el('span', { class: 'text' }, el('span', { class: 'icon', 'aria-hidden': 'true' }, 'ℹ'), ' ');
  appendVisible(text, entry.text);
  li.append(timeCell(entry.at), el('span', { class: 'dir' }), text);
  return li;
}

/** The point where the connection became TLS (marked on the console and the ladder). */
function renderTls(entry: Entry): HTMLLIElement {
  const li = baseRow(entry, 'tls-marker');
  const t = entry.tls ?? {};
  const what = [t.protocol, t.cipher].filter(Boolean).join(', ');
  const head = t.upgraded
    ? 'STARTTLS turned this connection into TLS here. Everything below travels encrypted'
    : 'TLS handshake done before any protocol traffic (implicit TLS). Everything below travels encrypted';
  const text = el('span', { class: 'text' }, lockIcon(), ' ');
  appendVisible(text, `${head}${what ? ` (${what})` : ''}.`);
  if (t.verified === false) text.append(el('strong', { class: 'warn' }, ' The certificate was not verified.'));
  li.append(el('span', { class: 'time' }), el('span', { class: 'dir' }), text);
  return li;
}

/** A row for something about the connection rather than its traffic: connected, closed, error. */
export function renderSystemRow(kind: 'connected' | 'closed' | 'error' | 'info', message: string, action?: HTMLElement): HTMLLIElement {
  const icon = { connected: '⇄', closed: '■', error: '⚠', info: 'ℹ' }[kind];
  const text = el('span', { class: 'text' }, el('span', { class: 'icon', 'aria-hidden': 'true' }, icon), ' ');
  appendVisible(text, message);
  const li = el('li', { class: `row system system-${kind}`, tabindex: '-1' }, el('time', { class: 'time' }, clock(new Date().toISOString())), el('span', { class: 'dir' }), text);
  if (action) li.append(action);
  return li;
}
