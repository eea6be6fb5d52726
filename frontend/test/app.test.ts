import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from '../src/app';
import { setupHelpers } from '../src/helpers';
import type { ClientOp, ProtocolInfo, ServerEvent } from '../src/types';
import { c, command, complete, reply, s, smtpSession } from './fixtures';

const template = readFileSync(resolve(__dirname, '../../src/main/resources/templates/index.html'), 'utf8');

const protocols: ProtocolInfo[] = [
  {
    id: 'smtp',
    defaultPort: 25,
    defaultTlsPort: 465,
    practice: [
      { host: 'localhost', port: 40025, tls: 'none' },
      { host: 'localhost', port: 40465, tls: 'implicit' },
    ],
    steps: [{ id: 'hello', title: 'Say hello', line: 'EHLO parley.local', explanation: 'x', notice: 'y' }],
  },
  { id: 'imap', defaultPort: 143, defaultTlsPort: 993, practice: [{ host: 'localhost', port: 40143, tls: 'none' }], steps: [] },
];

describe('the playground page', () => {
  let sent: ClientOp[];
  let app: App;
  let asked: string[];
  const feed = (...events: ServerEvent[]) => events.forEach((e) => app.handle(e));
  const rows = () => Array.from(document.querySelectorAll<HTMLLIElement>('#console > li'));

  beforeEach(() => {
    // The template is trusted test input; the page itself never uses innerHTML.
    document.body.innerHTML = /<body>([\s\S]*)<\/body>/.exec(template)![1];
    sent = [];
    asked = [];
    const fetcher = async (url: string) => {
      asked.push(url);
      return new Response(JSON.stringify({ id: 'T0k3n', url: '/t/T0k3n' }), { status: 200 });
    };
    app = new App({ send: (op) => sent.push(op) }, fetcher);
    setupHelpers(app);
    app.setProtocols(protocols);
  });
  afterEach(() => app.dispose());

  it('has no inline scripts or inline event handlers in the template', () => {
    expect(template).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/i);
    expect(template).not.toMatch(/\son[a-z]+\s*=/i);
    expect(template).not.toMatch(/style\s*=/i);
  });

  it('labels every form control', () => {
    for (const control of Array.from(document.querySelectorAll('input, select, textarea'))) {
      const id = control.id;
      expect(document.querySelector(`label[for="${id}"]`), `label for #${id}`).not.toBeNull();
    }
  });

  it('fills host, port and TLS from the practice preset, and connects with them', () => {
    expect(app.form.port.value).toBe('40025');
    app.form.tls.value = 'implicit';
    app.form.tls.dispatchEvent(new Event('change'));
    expect(app.form.port.value).toBe('40465');
    document.querySelector<HTMLFormElement>('#connect-form')!.requestSubmit();
    expect(sent[0]).toEqual({ op: 'connect', protocol: 'smtp', host: 'localhost', port: 40465, tls: 'implicit' });
    expect(document.getElementById('target-state')!.textContent).toContain('Connecting to localhost:40465');
  });

  it('uses the well-known port for another server', () => {
    app.form.preset.value = 'custom';
    app.form.preset.dispatchEvent(new Event('change'));
    expect(app.form.port.value).toBe('25');
    expect(app.form.insecure.checked).toBe(false);
  });

  it('refuses a connect with a bad port, saying why', () => {
    app.form.port.value = '70000';
    app.connect(); // the browser's own validation stops the form first; this is the second line of defence
    expect(sent).toEqual([]);
    expect(document.getElementById('target-state')!.textContent).toContain('1 to 65535');
  });

  it('renders a whole SMTP session and shows message mode only after 354', () => {
    app.connect();
    const events = smtpSession();
    const dataIndex = events.findIndex((e) => e.event === 'complete' && e.status === 'continue');
    feed(...events.slice(0, dataIndex + 1));
    expect(app.messageMode).toBe(true);
    expect(document.getElementById('mode')!.textContent).toBe('message');
    expect(document.getElementById('input-hint')!.textContent).toContain('A line with only "." ends it');
    feed(...events.slice(dataIndex + 1));
    expect(app.messageMode).toBe(false);
    expect(rows()[0].textContent).toContain('Connected to localhost:40025 (127.0.0.1:3025)');
    expect(rows().some((r) => r.textContent!.includes('550 No such user here'))).toBe(true);
    const last = rows()[rows().length - 1];
    expect(last.classList.contains('system-closed')).toBe(true);
    expect(last.textContent).toContain('The server closed the connection: The server said goodbye.');
    expect(last.querySelector('button')!.textContent).toBe('Reconnect');
    expect(document.getElementById('reconnect')!.hidden).toBe(false);
  });

  it('reconnects with one click after a refused connection', () => {
    app.connect();
    feed({ event: 'error', code: 'CONNECT_FAILED', message: 'Connection refused by localhost:40025.' });
    const row = rows()[0];
    expect(row.textContent).toContain('Could not connect: Connection refused by localhost:40025. (CONNECT_FAILED)');
    row.querySelector('button')!.click();
    expect(sent.filter((op) => op.op === 'connect')).toHaveLength(2);
  });

  it('sends on Enter, tags off sends raw, and ↑ brings the line back', () => {
    app.form.protocol.value = 'imap';
    app.form.protocol.dispatchEvent(new Event('change'));
    app.connect();
    feed({ event: 'connected', protocol: 'imap', host: 'localhost', remote: '127.0.0.1:40143' });
    expect(document.getElementById('tag-switch')!.hidden).toBe(false);
    app.input.value = 'NOOP';
    document.querySelector<HTMLFormElement>('#input-form')!.requestSubmit();
    expect(sent[sent.length - 1]).toEqual({ op: 'send', line: 'NOOP' });
    expect(app.input.value).toBe('');
    const autoTag = document.querySelector<HTMLInputElement>('#auto-tag')!;
    autoTag.checked = false;
    autoTag.dispatchEvent(new Event('change'));
    app.input.value = 'x1 NOOP';
    document.querySelector<HTMLFormElement>('#input-form')!.requestSubmit();
    expect(sent[sent.length - 1]).toEqual({ op: 'send', line: 'x1 NOOP', raw: true });
    app.input.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowUp' }));
    expect(app.input.value).toBe('x1 NOOP');
    app.input.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowUp' }));
    expect(app.input.value).toBe('NOOP');
  });

  it('puts a walkthrough line in the input without sending it', () => {
    document.querySelector<HTMLButtonElement>('#walkthrough button.use-line')!.click();
    expect(app.input.value).toBe('EHLO parley.local');
    expect(sent).toEqual([]);
  });

  it('shows the padlock after TLS and the certificate facts in a dialog', () => {
    app.connect();
    feed(
      { event: 'connected', protocol: 'smtp', host: 'localhost', remote: '127.0.0.1:40025' },
      { event: 'tls', protocol: 'TLSv1.3', cipher: 'TLS_AES_256_GCM_SHA384', peer: { subject: 'CN=<b>greenmail</b>', issuer: 'CN=greenmail', notAfter: '2030-01-01' }, verified: false, upgraded: true, afterSeq: 3 },
    );
    const padlock = document.getElementById('padlock')!;
    expect(padlock.hidden).toBe(false);
    padlock.click();
    const facts = document.getElementById('tls-facts')!;
    expect(facts.textContent).toContain('CN=<b>greenmail</b>');
    expect(facts.querySelector('b')).toBeNull();
    expect(facts.textContent).toContain('STARTTLS after line 3');
  });

  it('sends the composed message as one payload, only in message mode', () => {
    const form = document.querySelector<HTMLFormElement>('#mail-form')!;
    form.requestSubmit();
    expect(sent).toEqual([]);
    expect(document.getElementById('mail-status')!.textContent).toContain('354');
    app.connect();
    const dataCmd = c('DATA', command('DATA'));
    feed({ event: 'connected', protocol: 'smtp', host: 'localhost' }, dataCmd, s('354 go ahead', reply('354')), complete(dataCmd.seq, 'continue'));
    form.requestSubmit();
    const op = sent[sent.length - 1];
    expect(op.op).toBe('payload');
    expect((op as { text: string }).text).toMatch(/^From: Bob <bob@localhost>\r\nTo: Demo <demo@localhost>\r\nSubject: Hello from Parley\r\nDate: .+\r\nMessage-ID: <.+>\r\n\r\nBlah blah blah/);
  });

  it('sends a composed HTTP request as lines then the body', () => {
    app.connect();
    feed({ event: 'connected', protocol: 'http', remote: '127.0.0.1:3080' });
    (document.getElementById('http-method') as HTMLSelectElement).value = 'POST';
    (document.getElementById('http-body') as HTMLTextAreaElement).value = 'hé';
    document.querySelector<HTMLFormElement>('#http-form')!.requestSubmit();
    const lines = sent.filter((o) => o.op === 'send').map((o) => (o as { line: string }).line);
    expect(lines[0]).toBe('POST / HTTP/1.1');
    expect(lines).toContain('Content-Length: 3');
    expect(lines[lines.length - 1]).toBe('');
    expect(sent[sent.length - 1]).toEqual({ op: 'payload', text: 'hé' });
  });

  it('writes the AUTH PLAIN line with the base64 warning', () => {
    expect(document.getElementById('auth-line')!.textContent).toBe('AUTH PLAIN AGJvYgByZWRxdWVlbg==');
    expect(document.getElementById('auth-decoded')!.textContent).toBe('NULbobNULredqueen');
    expect(document.querySelectorAll('#auth-decoded .ctl')).toHaveLength(2);
    expect(document.querySelector('#auth-form')!.textContent).toContain('Base64 is not encryption');
  });

  it('draws the ladder and the compare links when their tabs are shown', () => {
    app.connect();
    feed(...smtpSession());
    document.getElementById('tab-diagram')!.click();
    expect(document.querySelectorAll('#ladder svg g[data-row]').length).toBeGreaterThan(5);
    document.getElementById('tab-compare')!.click();
    const link = document.querySelector<HTMLAnchorElement>('#compare a.example')!;
    link.click();
    expect(document.activeElement!.id).toBe(link.dataset.row);
    document.getElementById('tab-export')!.click();
    expect(document.getElementById('export-preview')!.textContent).toContain('# protocol: smtp');
  });

  it('switches tabs with the arrow keys', () => {
    const walk = document.getElementById('tab-walk')!;
    walk.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true }));
    expect(document.getElementById('tab-helpers')!.getAttribute('aria-selected')).toBe('true');
    expect(document.getElementById('panel-helpers')!.hidden).toBe(false);
    expect(document.getElementById('panel-walk')!.hidden).toBe(true);
  });

  it('says so when the link to Parley drops mid-conversation', () => {
    app.connect();
    feed({ event: 'connected', protocol: 'smtp', host: 'localhost' });
    app.socketState('closed', 'Lost the WebSocket to Parley; trying again in 1 s.');
    expect(rows()[rows().length - 1].textContent).toContain('The link to Parley dropped');
    expect(document.getElementById('ws-state')!.textContent).toContain('trying again');
  });

  it('shows the learner what they typed, and everything else the server\'s redacted line', () => {
    app.form.protocol.value = 'pop3';
    app.connect();
    const pass = c('PASS redqueen', command('PASS'), { redacted: 'PASS ********' });
    feed({ event: 'connected', protocol: 'pop3', host: 'localhost', remote: '127.0.0.1:40110' }, pass, s('+OK', reply('+OK')), complete(pass.seq));
    expect(document.getElementById('console')!.textContent).toContain('PASS redqueen');
    document.getElementById('tab-diagram')!.click();
    expect(document.getElementById('ladder')!.textContent).toContain('PASS ********');
    expect(document.getElementById('ladder')!.textContent).not.toContain('redqueen');
    document.getElementById('tab-export')!.click();
    expect(document.getElementById('export-preview')!.textContent).toContain('C: PASS ********');
    expect(document.getElementById('export-preview')!.textContent).not.toContain('redqueen');
  });

  it('links to the conversation\'s transcript once its first lines are stored', async () => {
    vi.useFakeTimers();
    try {
      app.connect();
      const link = document.getElementById('share-link') as HTMLAnchorElement;
      expect(link.hidden).toBe(true);
      feed({ event: 'connected', session: 'conv-1', protocol: 'smtp', host: 'localhost' });
      await vi.advanceTimersByTimeAsync(0);
      expect(asked).toEqual(['/api/transcripts/by-conversation/conv-1']);
      expect(link.hidden).toBe(true);
      await vi.advanceTimersByTimeAsync(1000);
      expect(link.hidden).toBe(false);
      expect(link.href).toMatch(/\/t\/T0k3n$/);
      expect((document.getElementById('share-url') as HTMLInputElement).value).toMatch(/\/t\/T0k3n$/);
      expect(document.querySelector('#share-box a[href="/t/T0k3n/transcript.txt"]')).not.toBeNull();
    } finally {
      vi.useRealTimers();
    }
  });
});
