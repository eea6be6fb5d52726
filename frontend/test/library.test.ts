import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { App } from '../src/app';
import { learnerLines, type LibraryCall, splitTraceLine } from '../src/library-api';
import { LibraryPanel } from '../src/library-panel';
import { renderDiff } from '../src/library-view';
import { partSummary, renderMimeMessage } from '../src/mime-tree';
import type { ClientOp, ProtocolInfo } from '../src/types';
import { c, command, conversation, s } from './fixtures';

const template = readFileSync(resolve(__dirname, '../../src/main/resources/templates/index.html'), 'utf8');

const calls: Record<string, LibraryCall[]> = {
  imap: [
    { name: 'imap.list', protocol: 'imap', title: 'List folders', args: [] },
    {
      name: 'imap.search',
      protocol: 'imap',
      title: 'Search',
      description: 'Searches like conn.search.',
      args: [
        { name: 'folder', defaultValue: 'INBOX', description: 'The folder.', choices: [] },
        { name: 'criteria', defaultValue: 'FROM "cris"', description: 'Keys.', choices: [] },
      ],
    },
  ],
  http: [{ name: 'http.get', protocol: 'http', title: 'GET', args: [{ name: 'path', defaultValue: '/', choices: [] }] }],
};

const searchAnswer = {
  call: 'imap.search',
  java: 'folder.search(new FromStringTerm("cris"))',
  python: `conn.search(None, '(FROM "cris")')`,
  trace: ['S: * OK ready', 'C: A1 LOGIN demo ********', 'S: A1 OK LOGIN completed.', 'C: A2 SEARCH FROM cris ALL', 'S: * SEARCH 1', 'S: A2 OK SEARCH completed.'],
  byHand: [{ line: 'LOGIN demo <password>', note: 'Type your password.' }, { line: 'SEARCH FROM cris ALL', note: null }],
  result: { messages: [1] },
  transcriptId: 'Tr4nscr1pt',
};

const protocols: ProtocolInfo[] = [{ id: 'imap', defaultPort: 143, defaultTlsPort: 993, practice: [{ host: 'localhost', port: 40143, tls: 'none' }], steps: [] }];

describe('library mode', () => {
  let app: App;
  let requests: { url: string; body?: unknown }[];
  let sent: ClientOp[];
  let panel: LibraryPanel;

  const fetcher = async (url: string, init?: RequestInit) => {
    requests.push({ url, body: init?.body ? JSON.parse(String(init.body)) : undefined });
    if (url === '/api/library/calls') return new Response(JSON.stringify(calls), { status: 200 });
    if (url === '/api/library') return new Response(JSON.stringify(searchAnswer), { status: 200 });
    if (url === '/api/library/diff') return new Response(JSON.stringify({ differences: 2, pairs: [
      { library: 'C: A1 LOGIN demo ********', byHand: 'C: A0001 LOGIN demo ********', kind: 'differs', explanations: ['Tags differ: any unique tag works.'] },
      { library: 'C: A2 SEARCH FROM cris ALL', byHand: 'C: A0002 SEARCH FROM cris ALL', kind: 'differs', explanations: ['Tags differ: any unique tag works.'] },
      { library: 'S: * SEARCH 1', byHand: 'S: * SEARCH 1', kind: 'same', explanations: [] },
    ] }), { status: 200 });
    return new Response('{}', { status: 404 });
  };

  beforeEach(async () => {
    document.body.innerHTML = /<body>([\s\S]*)<\/body>/.exec(template)![1];
    requests = [];
    sent = [];
    app = new App({ send: (op) => sent.push(op) }, async () => new Response('{}', { status: 404 }));
    app.setProtocols(protocols);
    panel = new LibraryPanel({ form: app.form, get current() { return app.current; }, connect: (op) => app.connect(op), fillInput: (l) => app.fillInput(l), showTab: (id) => app.panels.show(id) }, fetcher);
    await panel.load();
  });
  afterEach(() => app.dispose());

  it('lists the calls by protocol and prefills the lesson\'s login and the call\'s arguments', () => {
    const select = document.getElementById('lib-call') as HTMLSelectElement;
    expect(Array.from(select.querySelectorAll('optgroup')).map((g) => g.label)).toEqual(['IMAP', 'HTTP']);
    select.value = 'imap.search';
    select.dispatchEvent(new Event('change'));
    expect((document.getElementById('lib-user') as HTMLInputElement).value).toBe('demo');
    expect((document.getElementById('lib-pass') as HTMLInputElement).value).toBe('demo');
    expect((document.getElementById('lib-arg-criteria') as HTMLInputElement).value).toBe('FROM "cris"');
    expect(document.querySelector('label[for="lib-arg-criteria"]')).not.toBeNull();
    expect((document.getElementById('lib-server') as HTMLSelectElement).options[0].text).toContain('localhost:40143');
    select.value = 'http.get';
    select.dispatchEvent(new Event('change'));
    expect(document.getElementById('lib-login')!.hidden).toBe(true);
  });

  it('runs a call and shows the Java, the Python, the trace rows and the result', async () => {
    const select = document.getElementById('lib-call') as HTMLSelectElement;
    select.value = 'imap.search';
    select.dispatchEvent(new Event('change'));
    await panel.run();
    expect(requests[requests.length - 1]).toEqual({
      url: '/api/library',
      body: { target: { protocol: 'imap', host: 'localhost', port: 40143, tls: 'none' }, call: 'imap.search', args: { folder: 'INBOX', criteria: 'FROM "cris"' }, username: 'demo', password: 'demo' },
    });
    expect(document.getElementById('lib-java')!.textContent).toContain('FromStringTerm');
    expect(document.getElementById('lib-python')!.textContent).toContain('conn.search');
    const rows = Array.from(document.querySelectorAll('#lib-out ol.trace > li'));
    expect(rows).toHaveLength(6);
    expect(rows[1].classList.contains('c')).toBe(true);
    expect(rows[4].textContent).toContain('* SEARCH 1');
    expect(document.querySelector<HTMLAnchorElement>('#lib-out a.lib-transcript')!.href).toMatch(/\/t\/Tr4nscr1pt$/);
  });

  it('turns the trace into step buttons, and compares the learner\'s lines with the library\'s', async () => {
    const select = document.getElementById('lib-call') as HTMLSelectElement;
    select.value = 'imap.search';
    select.dispatchEvent(new Event('change'));
    await panel.run();
    document.getElementById('lib-by-hand')!.click();
    expect(document.getElementById('walk-title')!.textContent).toBe('By hand: imap.search');
    expect(document.getElementById('panel-walk')!.hidden).toBe(false);
    const steps = Array.from(document.querySelectorAll<HTMLButtonElement>('#walkthrough .by-hand button.use-line'));
    expect(steps.map((b) => b.dataset.line)).toEqual(['LOGIN demo <password>', 'SEARCH FROM cris ALL']);
    steps[1].click();
    expect(app.input.value).toBe('SEARCH FROM cris ALL');
    document.querySelector<HTMLButtonElement>('#walkthrough .by-hand button.primary')!.click();
    expect(sent[0]).toMatchObject({ op: 'connect', protocol: 'imap', port: 40143 });
    const login = c('A0001 LOGIN demo demo', command('LOGIN'), { redacted: 'A0001 LOGIN demo ********' });
    for (const ev of [{ event: 'connected' as const, protocol: 'imap', host: 'localhost' }, s('* OK ready'), login, s('A0001 OK LOGIN completed.')]) app.handle(ev);
    await panel.compare(document.querySelector<HTMLElement>('#walkthrough .lib-diff')!);
    const asked = requests[requests.length - 1];
    expect(asked.url).toBe('/api/library/diff');
    expect(asked.body).toEqual({ library: searchAnswer.trace, byHand: ['S: * OK ready', 'C: A0001 LOGIN demo ********', 'S: A0001 OK LOGIN completed.'] });
    const table = document.querySelector('#walkthrough table.diff')!;
    expect(table.querySelector('caption')!.textContent).toContain('2 differences');
    expect(table.querySelectorAll('.why.again')).toHaveLength(1);
  });

  it('reads trace lines and the learner\'s conversation', () => {
    expect(splitTraceLine('C: A1 NOOP')).toEqual({ dir: 'C', text: 'A1 NOOP' });
    expect(splitTraceLine('S: ')).toEqual({ dir: 'S', text: '' });
    const conv = conversation([c('PASS x', command('PASS'), { redacted: 'PASS ********' }), { event: 'literal', dir: 'S', octets: 12, text: 'From: a\r\nTo: b' }], 'pop3');
    expect(learnerLines(conv)).toEqual(['C: PASS ********', 'S: From: a', 'S: To: b']);
    expect(learnerLines(null)).toEqual([]);
  });

  it('draws a message as its MIME tree, as text only', () => {
    const box = renderMimeMessage({
      subject: 'Grüße <b>bold</b>',
      from: 'Cris <cris>',
      headers: [{ name: 'Subject', value: '=?UTF-8?Q?Gr=C3=BC=C3=9Fe?=', decoded: 'Grüße' }],
      tree: {
        path: '1',
        contentType: 'multipart/mixed',
        parts: [
          { path: '1.1', contentType: 'text/plain', charset: 'UTF-8', transferEncoding: 'quoted-printable', size: 40, decodedSize: 30, text: 'Hello\nworld' },
          { path: '1.2', contentType: 'application/pdf', transferEncoding: 'base64', disposition: 'attachment', filename: 'notes.pdf', size: 1000, decodedSize: 740 },
        ],
      },
    });
    expect(box.querySelector('b')).toBeNull();
    expect(box.textContent).toContain('Grüße <b>bold</b>');
    const nodes = box.querySelectorAll('details.mime-node');
    expect(nodes).toHaveLength(3);
    expect(nodes[0].querySelector('summary')!.textContent).toContain('multipart/mixed');
    expect(nodes[1].querySelector('.mime-text')!.textContent).toBe('Hello\nworld');
    expect(nodes[2].querySelector('summary')!.textContent).toContain('file “notes.pdf”');
    expect(box.textContent).toContain('→ Grüße');
    expect(partSummary({ contentType: 'text/plain', transferEncoding: 'base64', size: 8, decodedSize: 6 })).toBe('text/plain, base64 encoded, 8 octets, 6 octets decoded');
  });

  it('says when the two conversations match', () => {
    const d = renderDiff({ differences: 0, pairs: [{ library: 'C: NOOP', byHand: 'C: NOOP', kind: 'same', explanations: [] }] });
    expect(d.querySelector('caption')!.textContent).toBe('The two conversations match.');
  });
});
