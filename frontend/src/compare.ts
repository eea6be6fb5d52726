import type { Conversation, Entry } from './conversation';
import { el } from './dom';
import type { PracticePreset, ProtocolId } from './types';
import { isFinal } from './types';
import { appendVisible } from './visible';

/**
 * The lesson's characteristics side by side. Where the learner's own transcript has an example,
 * the cell links to that console row. Examples are found from event fields (direction, kind,
 * annotation code/verb/final, status) — and for a few rows the exact text the lesson names
 * ("." ends a payload, "*" starts an untagged line): looking, not parsing.
 */

export type Compared = Exclude<ProtocolId, 'raw'>;
export const COMPARED: readonly Compared[] = ['smtp', 'pop3', 'imap', 'http'];

export interface Cell {
  text: string;
  /** Finds an example in a conversation of this protocol. */
  find?: (entries: readonly Entry[]) => Entry | undefined;
}

/** The practice servers this page offers, per protocol (what GET /api/protocols or /api/me said). */
export type PracticePorts = Partial<Record<ProtocolId, readonly PracticePreset[]>>;

export interface Characteristic {
  title: string;
  cells: Record<Compared, Cell>;
}

const firstCommandWithArgs = (es: readonly Entry[]) =>
  es.find((e) => e.dir === 'C' && e.annotation?.kind === 'command' && /\s\S/.test(e.text.trim()));
const firstLine = (dir: 'C' | 'S') => (es: readonly Entry[]) => es.find((e) => e.kind === 'line' && e.dir === dir && e.terminator !== 'LF');
const replyCode = (code: string) => (es: readonly Entry[]) => es.find((e) => e.dir === 'S' && e.annotation?.kind === 'reply' && e.annotation.code === code);
const failure = (es: readonly Entry[]) => es.find((e) => e.dir === 'S' && e.status === 'error');
const serverLineIs = (text: string) => (es: readonly Entry[]) => es.find((e) => e.dir === 'S' && e.kind === 'line' && e.text === text);
const greeting = (es: readonly Entry[]) => {
  const first = es.find((e) => e.kind === 'line' || e.kind === 'literal');
  return first?.dir === 'S' ? first : undefined;
};
const verb = (v: string) => (es: readonly Entry[]) => es.find((e) => e.dir === 'C' && e.annotation?.verb === v);
/** An IMAP line that starts with a tag, not "*" or "+": the end of a command's answer. */
const tagged = (e: Entry) => e.dir === 'S' && e.kind === 'line' && !e.text.startsWith('*') && !e.text.startsWith('+');
const taggedOk = (es: readonly Entry[]) => es.find((e) => tagged(e) && e.annotation?.code === 'OK');
/** The first server line after the learner's first `v` command (e.g. the message RETR sends). */
const afterCommand = (v: string, pick: (e: Entry) => boolean) => (es: readonly Entry[]) => {
  const i = es.findIndex((e) => e.dir === 'C' && e.annotation?.verb === v);
  if (i < 0) return undefined;
  for (let j = i + 1; j < es.length; j++) {
    const e = es[j];
    if (e.dir === 'C') return undefined;
    if (pick(e)) return e;
  }
  return undefined;
};
/** The message RETR sends: its first line after the +OK. */
const retrMessage = afterCommand('RETR', (e) => e.dir === 'S' && e.annotation?.kind !== 'reply');
/** An untagged line of a command's answer (SELECT's, say): not the greeting, which answers no command. */
const untaggedAnswer = (es: readonly Entry[]) => {
  const firstClient = es.findIndex((e) => e.dir === 'C');
  if (firstClient < 0) return undefined;
  return es.slice(firstClient).find((e) => e.dir === 'S' && e.kind === 'line' && e.text.startsWith('* '));
};

export const CHARACTERISTICS: readonly Characteristic[] = [
  {
    title: 'Who speaks first',
    cells: {
      smtp: { text: 'The server: a 220 greeting.', find: greeting },
      pop3: { text: 'The server: +OK greeting.', find: greeting },
      imap: { text: 'The server: * OK greeting (untagged).', find: greeting },
      http: { text: 'The client: the request line. The server never greets.', find: firstLine('C') },
    },
  },
  {
    title: 'One line per command or reply, ended by CRLF',
    cells: {
      smtp: { text: 'Yes.', find: firstLine('C') },
      pop3: { text: 'Yes.', find: firstLine('C') },
      imap: { text: 'Yes, except literals (below).', find: firstLine('C') },
      http: { text: 'Request line and each header are lines; an empty line ends the headers.', find: firstLine('C') },
    },
  },
  {
    title: 'A command is a verb and arguments',
    cells: {
      smtp: { text: 'MAIL FROM:<bob@localhost>', find: firstCommandWithArgs },
      pop3: { text: 'USER bob', find: firstCommandWithArgs },
      imap: { text: 'A0002 SELECT INBOX: a tag, then verb and arguments.', find: firstCommandWithArgs },
      http: { text: 'GET / HTTP/1.1: method, target, version; then headers.', find: firstCommandWithArgs },
    },
  },
  {
    title: 'A reply is a code and an explanation',
    cells: {
      smtp: { text: '250 OK: three digits, then text for humans.', find: replyCode('250') },
      pop3: { text: '+OK or -ERR, then text.', find: replyCode('+OK') },
      imap: { text: 'A0002 OK [READ-WRITE] SELECT completed: tag, OK/NO/BAD, text.', find: taggedOk },
      http: { text: 'HTTP/1.1 200 OK: version, status code, reason.', find: replyCode('200') },
    },
  },
  {
    title: 'A reply over several lines',
    cells: {
      smtp: { text: '250-… lines go on; the line with 250 (a space) is the last.', find: (es) => es.find((e) => e.dir === 'S' && e.annotation?.kind === 'reply' && isFinal(e.annotation) === false) },
      pop3: { text: '+OK, data lines, then a line with only "." ends the list.', find: serverLineIs('.') },
      imap: { text: 'Untagged * lines, then the tagged line ends the answer.', find: untaggedAnswer },
      http: { text: 'Status line, header lines, an empty line, then the body.', find: serverLineIs('') },
    },
  },
  {
    title: 'Payload (the message itself)',
    cells: {
      smtp: { text: 'Sent by the client after 354, ended by CRLF.CRLF: the client owns the end marker.', find: (es) => es.find((e) => e.dir === 'C' && e.kind === 'line' && e.text === '.') },
      pop3: { text: 'Sent by the server after RETR, ended by CRLF.CRLF: the server owns it, because in POP3 only the server sends messages.', find: retrMessage },
      imap: { text: 'Prefixed by its length: {1425} then exactly 1425 octets. No end marker, so no dot-stuffing.', find: (es) => es.find((e) => e.kind === 'literal') },
      http: { text: 'The body: its length is in Content-Length (or chunked, or until close).', find: (es) => es.find((e) => e.kind === 'body' || (e.dir === 'S' && e.annotation?.kind === 'data' && /^content-length\s*:/i.test(e.text))) },
    },
  },
  {
    title: 'Matching answers to requests',
    cells: {
      smtp: { text: 'In order: one reply per command.', find: undefined },
      pop3: { text: 'In order: one reply per command.', find: undefined },
      imap: { text: 'Tags (the lesson calls them "sequence identifiers"): the client labels each command (A0001…), the tagged reply says which command ended, so several commands can be in flight at once.', find: (es) => es.find((e) => e.dir === 'C' && e.annotation?.kind === 'command' && !!e.annotation.verb && !e.text.toUpperCase().startsWith(e.annotation.verb)) },
      http: { text: 'In order: one response per request.', find: undefined },
    },
  },
  {
    title: 'Success',
    cells: {
      smtp: { text: '2xx (250, 221…); 3xx means go on (354).', find: replyCode('250') },
      pop3: { text: '+OK', find: replyCode('+OK') },
      imap: { text: 'Tagged OK (an untagged * OK is news, not the end of a command).', find: taggedOk },
      http: { text: '2xx (200); 3xx redirects.', find: replyCode('200') },
    },
  },
  {
    title: 'Failure',
    cells: {
      smtp: { text: '4xx try later, 5xx no (550 no such user).', find: failure },
      pop3: { text: '-ERR', find: failure },
      imap: { text: 'Tagged NO (refused) or BAD (not understood).', find: failure },
      http: { text: '4xx your mistake, 5xx the server\'s.', find: failure },
    },
  },
  {
    title: 'Standard ports (and Parley\'s practice ports)',
    cells: {
      smtp: { text: '25 between servers; 587 to hand in mail (submission); 465 the same over TLS.' },
      pop3: { text: '110; 995 over TLS.' },
      imap: { text: '143; 993 over TLS.' },
      http: { text: '80; 443 for HTTPS.' },
    },
  },
  {
    title: 'Saying goodbye',
    cells: {
      smtp: { text: 'QUIT, answered 221; the server closes.', find: verb('QUIT') },
      pop3: { text: 'QUIT, answered +OK; deletions happen now.', find: verb('QUIT') },
      imap: { text: 'LOGOUT: * BYE, then the tagged OK.', find: verb('LOGOUT') },
      http: { text: 'Connection: close, or the client simply stops.', find: (es) => es.find((e) => e.dir === 'C' && /^connection\s*:\s*close/i.test(e.text)) },
    },
  },
];

const PORTS = CHARACTERISTICS.find((ch) => ch.title.startsWith('Standard ports'))!;

/**
 * The practice ports as this Parley runs them: they are configurable (and a cluster's live on
 * other ports), so the row quotes the presets the page was given, never a default.
 */
export function practiceText(presets: readonly PracticePreset[] | undefined): string {
  if (!presets?.length) return 'No practice server here for it.';
  const ports = presets.map((p) => (p.tls === 'implicit' ? `${p.port} (TLS)` : String(p.port)));
  return `Practice: ${ports.join(', ')}.`;
}

/** The newest example of a characteristic among the learner's conversations of one protocol. */
export function findExample(cell: Cell, protocol: Compared, conversations: readonly Conversation[]): Entry | undefined {
  if (!cell.find) return undefined;
  for (let i = conversations.length - 1; i >= 0; i--) {
    const c = conversations[i];
    if (c.protocol !== protocol) continue;
    const hit = cell.find(c.entries);
    if (hit) return hit;
  }
  return undefined;
}

function exampleLabel(e: Entry): string {
  if (e.kind === 'literal') return `{${e.octets ?? 0}} literal`;
  if (e.text === '') return '(empty line)';
  return e.text.length > 32 ? `${e.text.slice(0, 31)}…` : e.text;
}

/**
 * The compare table with links into the console. Each characteristic is a row group: its title
 * across the table, then one cell per protocol, so four narrow columns fit beside the console.
 */
export function renderCompare(conversations: readonly Conversation[], practice: PracticePorts = {}): HTMLTableElement {
  const head = el('tr', {}, ...COMPARED.map((p) => el('th', { scope: 'col' }, p.toUpperCase())));
  const groups = CHARACTERISTICS.map((ch) =>
    el(
      'tbody',
      {},
      el('tr', { class: 'characteristic' }, el('th', { scope: 'rowgroup', colspan: String(COMPARED.length) }, ch.title)),
      el(
        'tr',
        {},
        ...COMPARED.map((p) => {
          const cell = ch.cells[p];
          const td = el('td', {}, ch === PORTS ? `${cell.text} ${practiceText(practice[p])}` : cell.text);
          const ex = findExample(cell, p, conversations);
          if (ex) {
            const a = el('a', { href: `#${ex.rowId}`, class: 'example', 'data-row': ex.rowId, title: 'Show this line in your conversation' }, 'yours: ');
            const code = el('code', {});
            appendVisible(code, exampleLabel(ex));
            a.append(code);
            td.append(el('br'), a);
          }
          return td;
        }),
      ),
    ),
  );
  return el('table', { class: 'compare' }, el('caption', {}, 'The four protocols side by side, as the lesson compares them'), el('thead', {}, head), ...groups);
}

/**
 * The lesson asks, after "IMAP Differences": compared with POP3, what do tags and sized
 * payloads suggest? Its answer, under the table.
 */
export function renderImapAnswer(): HTMLElement {
  return el(
    'section',
    { class: 'compare-answer', 'aria-labelledby': 'imap-answer-title' },
    el('h3', { id: 'imap-answer-title' }, 'IMAP against POP3: what the differences suggest'),
    el('p', {}, 'The lesson notes two differences: IMAP prefixes commands and replies with a "sequence identifier" (a tag, A0001…), and it announces a payload\'s size ({1425}) instead of ending it with a reserved "." line. They suggest:'),
    el(
      'ul',
      {},
      el('li', {}, el('strong', {}, 'Several commands in flight. '), 'POP3 answers strictly in order, one reply per command, so a client waits. An IMAP client may send the next command before the last is answered: the tag on the final line says which command ended, and untagged * lines can arrive at any time (new mail: * 3 EXISTS).'),
      el('li', {}, el('strong', {}, 'Answers matched by tag, not by position. '), 'The server may finish commands in another order; the client pairs each tagged OK, NO or BAD with the command that carried the same tag.'),
      el('li', {}, el('strong', {}, 'Binary-safe payloads. '), 'A literal is read by count: any octets may follow, a line with only "." included, so nothing is dot-stuffed and the reader never scans for an end marker.'),
      el('li', {}, el('strong', {}, 'Mail that stays on the server. '), 'Together these make IMAP a protocol for working with mailboxes where they live (fetching only the parts you want: BODY[HEADER], BODY[TEXT]); POP3 is for downloading a maildrop and deleting it.'),
    ),
  );
}
