import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { App, MAX_ROWS } from '../src/app';
import { lessonLine } from '../src/command-line';
import { Conversation } from '../src/conversation';
import { errorText } from '../src/status-text';
import type { ClientOp, ProtocolInfo, ServerEvent } from '../src/types';
import { c, command, complete, reply, s } from './fixtures';

const template = readFileSync(resolve(__dirname, '../../src/main/resources/templates/index.html'), 'utf8');

const protocols: ProtocolInfo[] = [
  {
    id: 'smtp',
    defaultPort: 25,
    defaultTlsPort: 465,
    practice: [{ host: 'localhost', port: 40025, tls: 'none' }],
    steps: [{ id: 'identify', title: 'EHLO', line: 'EHLO parley.local', explanation: 'x' }],
  },
  {
    id: 'pop3',
    defaultPort: 110,
    defaultTlsPort: 995,
    practice: [{ host: 'localhost', port: 40110, tls: 'none' }],
    steps: [{ id: 'identify', title: 'USER', line: 'USER bob', explanation: 'x' }],
  },
];

describe('what a newcomer stumbled on', () => {
  let sent: ClientOp[];
  let app: App;
  const feed = (...events: ServerEvent[]) => events.forEach((e) => app.handle(e));
  const input = () => document.getElementById('input') as HTMLInputElement;
  const hint = () => document.getElementById('input-hint')!.textContent ?? '';
  const connectSmtp = () => {
    app.connect();
    feed({ event: 'connected', protocol: 'smtp', remote: '127.0.0.1:40025' });
  };

  beforeEach(() => {
    document.body.innerHTML = /<body>([\s\S]*)<\/body>/.exec(template)![1];
    sent = [];
    app = new App({ send: (op) => sent.push(op) }, async () => new Response('{}', { status: 200 }));
    app.setProtocols(protocols);
  });
  afterEach(() => app.dispose());

  it('keeps a line typed before connecting, and says so once', () => {
    input().value = 'EHLO parley.local';
    app.sendLine(input().value);
    expect(sent.filter((o) => o.op === 'send')).toHaveLength(0);
    expect(input().value).toBe('EHLO parley.local');
    expect(hint()).toMatch(/^Not connected, so nothing was sent/);
    expect(errorText({ event: 'error', code: 'NOT_CONNECTED', message: 'Not connected: choose a server and connect first.' })).toBe(
      'Not connected: choose a server and connect first. (NOT_CONNECTED)',
    );
  });

  it('closes the old connection first when Connect is pressed while connected', () => {
    connectSmtp();
    sent.length = 0;
    app.connect();
    expect(sent.map((o) => o.op)).toEqual(['disconnect', 'connect']);
    feed({ event: 'closed', by: 'client', reason: 'You closed the connection.' });
    expect(document.getElementById('reconnect')!.hidden).toBe(true);
    expect(document.getElementById('target-state')!.dataset.state).toBe('busy');
  });

  it('keeps the connected protocol\'s walkthrough when the protocol is switched, and marks no step of another protocol as sent', () => {
    connectSmtp();
    const select = document.getElementById('protocol') as HTMLSelectElement;
    select.value = 'pop3';
    select.dispatchEvent(new Event('change'));
    const walk = document.getElementById('walkthrough')!;
    expect(walk.dataset.protocol).toBe('smtp');
    expect(walk.textContent).toContain('You are still connected');
    expect(walk.querySelector('button.use-line')!.textContent).toContain('EHLO');
    app.sendLine('USER bob');
    expect(walk.querySelector('.sent-mark')).toBeNull();
  });

  it('recognises the lesson\'s C: prefix and its placeholders', () => {
    expect(lessonLine('C: EHLO bar.com')).toMatchObject({ line: 'EHLO bar.com' });
    expect(lessonLine('C: EHLO bar.com').note).toContain('C: ');
    expect(lessonLine('S: 250 OK').refuse).toContain('server says');
    expect(lessonLine('C: <client connects to service port 110>').refuse).toContain('stage direction');
    expect(lessonLine('PASS <password>').refuse).toContain('Replace <password>');
    expect(lessonLine('MAIL FROM:<bob@localhost>')).toEqual({ line: 'MAIL FROM:<bob@localhost>', note: undefined });
    connectSmtp();
    app.sendLine('C: NOOP');
    expect(sent[sent.length - 1]).toEqual({ op: 'send', line: 'NOOP' });
  });

  it('sends a multi-line paste in message mode line by line, the lone dot included', () => {
    connectSmtp();
    const data = c('DATA', command('DATA'));
    feed(data, s('354 go ahead', reply('354', 'Start mail input.', true)), complete(data.seq, 'continue'));
    expect(app.messageMode).toBe(true);
    sent.length = 0;
    app.line.paste('Subject: hi\n\nBlah blah blah...\n...etc. etc. etc.\n.\n');
    expect(sent).toEqual([
      { op: 'send', line: 'Subject: hi' },
      { op: 'send', line: '' },
      { op: 'send', line: 'Blah blah blah...' },
      { op: 'send', line: '...etc. etc. etc.' },
      { op: 'send', line: '.' },
    ]);
    expect(hint()).toContain('ended the message');
  });

  it('keeps at most MAX_ROWS rows in the DOM and says how many it let go, while the model keeps them all', () => {
    connectSmtp();
    const lines = MAX_ROWS * 3;
    for (let i = 0; i < lines; i++) app.handle({ event: 'line', dir: 'S', text: `250-line ${i}`, seq: i + 10, terminator: 'CRLF' });
    const rows = document.querySelectorAll('#console > li');
    expect(rows.length).toBeLessThanOrEqual(MAX_ROWS + 250 + 1);
    expect(rows[0].textContent).toMatch(/earlier lines are not shown here/);
    expect(rows[rows.length - 1].textContent).toContain(`250-line ${lines - 1}`);
    expect(app.current!.entries).toHaveLength(lines);
  }, 30_000);

  it('pairs complete events with their command without scanning the conversation', () => {
    const conv = new Conversation('smtp', 'localhost', 25, 'none');
    const cmds: (ServerEvent & { seq: number })[] = [];
    for (let i = 0; i < 2000; i++) {
      const cmd = c(`NOOP ${i}`, command('NOOP'));
      cmds.push(cmd);
      conv.apply(cmd);
      conv.apply(s('250 OK', reply('250')));
    }
    const entries = conv.entries as unknown as { findIndex: unknown };
    entries.findIndex = () => {
      throw new Error('complete must not scan the entries');
    };
    conv.apply(complete(cmds[1999].seq));
    expect(conv.touched.map((e) => e.text)).toEqual(['250 OK', 'NOOP 1999']);
    expect(conv.entries[conv.entries.length - 2].status).toBe('ok');
  });
});
