import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from '../src/app';
import { AttendeeView, LEFT_REASON, MAX_BANNERS } from '../src/attendee';
import { lessonLine } from '../src/command-line';
import { fetchMe, isAttendee, type Me, mustJoin, parseMe, practicePresets } from '../src/me';
import { personalHelperValues, personalProtocols, personalStep } from '../src/personal';
import { ParleySocket } from '../src/socket';
import type { ClientOp, ProtocolInfo } from '../src/types';
import { PROTOCOL_IDS } from '../src/types';
import { renderWalkthrough } from '../src/walkthroughs';

const template = readFileSync(resolve(__dirname, '../../src/main/resources/templates/index.html'), 'utf8');

const mailbox = { address: 'ada-k3x9@localhost', username: 'ada-k3x9', password: 'qwertyuiop' };
const me: Me = {
  role: 'attendee',
  mode: 'hosted',
  attendee: { id: 'a-1', name: 'Ada' },
  mailbox,
  workshop: { code: 'K7M4QX', title: 'Protocols 101', expiresAt: '2026-11-29T12:00:00Z', protocols: ['smtp', 'pop3'] },
  practice: {
    smtp: { host: 'localhost', port: 3025, tls: 'none' },
    smtps: { host: 'localhost', port: 3465, tls: 'implicit' },
    pop3s: { host: 'localhost', port: 3995, tls: 'implicit' },
    pop3: { host: 'localhost', port: 3110, tls: 'none' },
    http: { host: 'localhost', port: 3080, tls: 'none' },
  },
};

const lesson: ProtocolInfo[] = [
  {
    id: 'smtp',
    defaultPort: 25,
    defaultTlsPort: 465,
    practice: [{ host: 'localhost', port: 1, tls: 'none' }],
    steps: [
      { id: 'identify', title: 'EHLO', line: 'EHLO parley.local' },
      { id: 'ask', title: 'Sender', line: 'MAIL FROM:<bob@localhost>', explanation: 'the address replies go back to' },
      { id: 'ask', title: 'Recipient', line: 'RCPT TO:<demo@localhost>', explanation: 'demo is a user of the practice server' },
      { id: 'ask', title: 'Nobody', line: 'RCPT TO:<green@localhost>' },
    ],
  },
  {
    id: 'pop3',
    defaultPort: 110,
    defaultTlsPort: 995,
    practice: [],
    steps: [
      { id: 'identify', title: 'User', line: 'USER bob' },
      { id: 'identify', title: 'Password', line: 'PASS redqueen' },
      { id: 'ask', title: 'Stat', line: 'STAT', notice: 'someone read and deleted bob\'s mail' },
    ],
  },
  { id: 'imap', defaultPort: 143, defaultTlsPort: 993, practice: [], steps: [{ id: 'identify', title: 'Login', line: 'LOGIN frobozz xyzzy' }] },
];

describe('who the page belongs to (GET /api/me)', () => {
  it('reads an attendee, and treats anything unreadable as a laptop', async () => {
    expect(isAttendee(parseMe(me))).toBe(true);
    expect(parseMe({ role: 'attendee', mode: 'hosted', mailbox: { username: 'x' } }).mailbox).toBeUndefined();
    expect(parseMe('nonsense')).toEqual({ role: 'learner', mode: 'laptop' });
    expect(await fetchMe(async () => new Response('boom', { status: 500 }))).toEqual({ role: 'learner', mode: 'laptop' });
    expect(await fetchMe(async () => Promise.reject(new Error('offline')))).toEqual({ role: 'learner', mode: 'laptop' });
  });

  it('asks an anonymous visitor of a hosted Parley to join, and nobody else', () => {
    expect(mustJoin({ role: 'anonymous', mode: 'hosted' })).toBe(true);
    expect(mustJoin({ role: 'learner', mode: 'laptop' })).toBe(false);
    expect(mustJoin({ role: 'instructor', mode: 'hosted' })).toBe(false);
    expect(mustJoin(me)).toBe(false);
  });

  it('turns the practice endpoints into connect presets, plain text first', () => {
    const presets = practicePresets(me.practice);
    expect(presets.pop3).toEqual([
      { host: 'localhost', port: 3110, tls: 'none', label: 'Practice POP3' },
      { host: 'localhost', port: 3995, tls: 'implicit', label: 'Practice POP3 over TLS' },
    ]);
    expect(presets.smtp?.map((p) => p.port)).toEqual([3025, 3465]);
    expect(presets.http?.[0].port).toBe(3080);
    expect(practicePresets({ weird: { host: 'x', port: 1 }, smtp: { host: 'x' } })).toEqual({});
  });
});

describe('an attendee\'s walkthroughs', () => {
  const mine = personalProtocols(lesson, mailbox, practicePresets(me.practice));
  const lines = (id: string) => mine.find((p) => p.id === id)!.steps.map((s) => s.line);

  it('use their own login and address instead of the lesson\'s users', () => {
    expect(lines('pop3')).toEqual(['USER ada-k3x9', 'PASS qwertyuiop', 'STAT']);
    expect(lines('imap')).toEqual(['LOGIN ada-k3x9 qwertyuiop']);
    expect(lines('smtp')).toEqual(['EHLO parley.local', 'MAIL FROM:<ada-k3x9@localhost>', 'RCPT TO:<ada-k3x9@localhost>', 'RCPT TO:<green@localhost>']);
  });

  it('say what their own mailbox means, not the shared one\'s', () => {
    const rcpt = mine[0].steps[2];
    expect(rcpt.explanation).toContain('This one is you');
    expect(rcpt.explanation).toContain('classmate');
    const stat = mine[1].steps[2];
    expect(stat.notice).not.toContain('bob');
    expect(stat.notice).toContain('four messages');
  });

  it('connect to the practice servers /api/me names', () => {
    expect(mine[0].practice.map((p) => p.port)).toEqual([3025, 3465]);
    expect(mine[2].practice).toEqual([]);
  });

  it('offer only the protocols their workshop practises', () => {
    const two = personalProtocols(lesson, mailbox, {}, ['pop3', 'imap']);
    expect(two.map((p) => p.id)).toEqual(['pop3', 'imap']);
    expect(personalProtocols(lesson, mailbox, {}, []).map((p) => p.id)).toEqual(lesson.map((p) => p.id));
    // a workshop naming only protocols this Parley lacks still leaves the attendee a playground
    expect(personalProtocols(lesson, mailbox, {}, ['gopher']).map((p) => p.id)).toEqual(lesson.map((p) => p.id));
  });

  it('leave a step without the lesson\'s users alone', () => {
    const step = { id: 'ask', title: 'x', line: 'NOOP', explanation: 'e' };
    expect(personalStep(step, mailbox)).toBe(step);
  });

  it('fill the compose and AUTH helpers with the attendee', () => {
    expect(personalHelperValues(mailbox, 'Ada <Lovelace>')).toEqual({
      'mail-from': 'Ada Lovelace <ada-k3x9@localhost>',
      'mail-to': 'Ada Lovelace <ada-k3x9@localhost>',
      'auth-user': 'ada-k3x9',
      'auth-pass': 'qwertyuiop',
    });
  });

  it('say the reset is theirs alone', () => {
    const box = renderWalkthrough(mine[1], { use: vi.fn(), connect: vi.fn(), reset: vi.fn(), ownMailbox: 'ada-k3x9' });
    expect(box.textContent).toContain('Your mailbox (ada-k3x9) is yours alone');
    expect(box.textContent).not.toContain('shared');
  });

  it('refuse a lesson placeholder naming the attendee\'s own login', () => {
    expect(lessonLine('PASS <password>', 'your practice login is ada-k3x9 / qwertyuiop').refuse).toContain('ada-k3x9 / qwertyuiop');
    expect(lessonLine('PASS <password>').refuse).toContain('bob / redqueen');
  });
});

describe('the attendee\'s page', () => {
  let app: App;
  let view: AttendeeView;
  let sent: ClientOp[];

  beforeEach(() => {
    vi.useFakeTimers();
    document.body.innerHTML = /<body>([\s\S]*)<\/body>/.exec(template)![1];
    sent = [];
    app = new App({ send: (op) => sent.push(op) });
    view = new AttendeeView(me, { input: app.input, protocolNow: () => 'smtp', remember: (l) => app.line.history.push(l) });
    app.workshopEvent = (ev) => (ev.event === 'broadcast' ? view.broadcast(ev) : view.suggest(ev));
  });
  afterEach(() => {
    app.dispose();
    vi.useRealTimers();
  });

  it('offers only the workshop\'s protocols in the menu, and chooses the first of them', () => {
    app.setProtocols(personalProtocols(lesson, mailbox, practicePresets(me.practice), ['pop3', 'imap']));
    const menu = document.getElementById('protocol') as HTMLSelectElement;
    const offered = Array.from(menu.options).filter((o) => !o.hidden && !o.disabled).map((o) => o.value);
    expect(offered).toEqual(['pop3', 'imap']);
    expect(menu.value).toBe('pop3');
    expect((document.getElementById('port') as HTMLInputElement).value).toBe('3110');
    // a laptop's page (every protocol) keeps the whole menu
    app.setProtocols(PROTOCOL_IDS.map((id) => ({ id, defaultPort: 1, defaultTlsPort: 2, practice: [], steps: [] })));
    expect(Array.from(menu.options).filter((o) => o.disabled)).toHaveLength(0);
    expect(menu.value).toBe('pop3');
  });

  it('shows the workshop, the attendee and their mailbox in the header', () => {
    view.showWho();
    const who = document.getElementById('who')!;
    expect(who.hidden).toBe(false);
    expect(who.textContent).toContain('Protocols 101');
    expect(who.textContent).toContain('You are Ada');
    expect(document.getElementById('my-login')!.textContent).toBe('ada-k3x9');
    expect(document.getElementById('my-password')!.textContent).toBe('qwertyuiop');
    expect(document.title).toBe('Protocols 101 · Parley');
  });

  it('shows a notice as a banner, says it in the live region, and dismisses it', () => {
    app.handle({ event: 'broadcast', text: 'Now try POP3 <b>bold</b>', at: '2026-11-29T10:32:00Z' });
    const banner = document.querySelector('#broadcasts .broadcast')!;
    expect(banner.textContent).toContain('From the instructor');
    expect(banner.querySelector('.broadcast-text')!.textContent).toBe('Now try POP3 <b>bold</b>');
    expect(banner.querySelector('b')).toBeNull();
    vi.advanceTimersByTime(100);
    expect(document.getElementById('announcer')!.textContent).toBe('Notice from the instructor: Now try POP3 <b>bold</b>');
    banner.querySelector<HTMLButtonElement>('button.dismiss')!.click();
    expect(document.querySelectorAll('#broadcasts .broadcast')).toHaveLength(0);
    expect(app.conversations).toHaveLength(0);
  });

  it('keeps only the last few notices', () => {
    for (let i = 1; i <= MAX_BANNERS + 2; i++) app.handle({ event: 'broadcast', text: `notice ${i}` });
    const texts = Array.from(document.querySelectorAll('#broadcasts .broadcast-text')).map((b) => b.textContent);
    expect(texts).toHaveLength(MAX_BANNERS);
    expect(texts[texts.length - 1]).toBe(`notice ${MAX_BANNERS + 2}`);
  });

  it('puts a suggested line in the input, unsent, and keeps what the attendee was typing', () => {
    app.input.value = 'HELO my own line';
    app.handle({ event: 'suggest', line: 'STAT', protocol: 'pop3' });
    expect(app.input.value).toBe('STAT');
    expect(sent).toEqual([]);
    expect(app.input.classList.contains('suggested')).toBe(true);
    const note = document.getElementById('suggestion')!.textContent!;
    expect(note).toContain('Suggested by the instructor');
    expect(note).toContain('Connect to the practice POP3 server first');
    expect(note).toContain('press ↑');
    expect(app.line.history.up('STAT')).toBe('HELO my own line');
  });

  it('forgets the suggestion once the attendee changes the line', () => {
    app.handle({ event: 'suggest', line: 'NOOP' });
    app.input.value = 'NOOP!';
    app.input.dispatchEvent(new Event('input'));
    expect(document.getElementById('suggestion')!.textContent).toBe('');
    expect(app.input.classList.contains('suggested')).toBe(false);
  });

  it('says plainly that the attendee was removed, and stops', () => {
    view.heard({ event: 'notice', text: 'The instructor removed you from this workshop.' });
    expect(view.closed('going away')).toBeNull();
    expect(view.closed(LEFT_REASON)).toBe('You have left the workshop.');
    const left = document.getElementById('left')!;
    expect(left.hidden).toBe(false);
    expect(left.querySelector('h2')!.textContent).toBe('The instructor removed you from this workshop.');
    expect((document.getElementById('input') as HTMLInputElement).disabled).toBe(true);
    expect((document.getElementById('connect') as HTMLButtonElement).disabled).toBe(true);
    expect((document.getElementById('reset-mail') as HTMLButtonElement).disabled).toBe(true);
  });

  it('shows a notice that comes before any conversation as a row about the page', () => {
    app.handle({ event: 'notice', text: 'The workshop has ended. Thank you for taking part!' });
    expect(document.getElementById('console')!.textContent).toContain('The workshop has ended');
    expect(app.conversations).toHaveLength(0);
  });
});

describe('the WebSocket of an attendee who left', () => {
  class FakeWs {
    static made: FakeWs[] = [];
    readyState = 0;
    onopen: (() => void) | null = null;
    onclose: ((e: { code: number; reason: string }) => void) | null = null;
    onmessage: (() => void) | null = null;
    onerror: (() => void) | null = null;
    constructor() {
      FakeWs.made.push(this);
    }
    send() {}
    close() {}
  }

  it('does not come back when Parley closed it for good, and does otherwise', () => {
    vi.useFakeTimers();
    const states: string[] = [];
    const socket = new ParleySocket({
      url: 'ws://x/ws/session',
      onEvent: () => {},
      onState: (_s, d) => states.push(d),
      create: () => new FakeWs() as unknown as WebSocket,
      backoff: [100],
      final: (_code, reason) => (reason === LEFT_REASON ? 'You have left the workshop.' : null),
    });
    socket.start();
    FakeWs.made[0].onclose!({ code: 1006, reason: '' });
    vi.advanceTimersByTime(150);
    expect(FakeWs.made).toHaveLength(2);
    FakeWs.made[1].onclose!({ code: 1000, reason: LEFT_REASON });
    vi.advanceTimersByTime(60_000);
    expect(FakeWs.made).toHaveLength(2);
    expect(states[states.length - 1]).toBe('You have left the workshop.');
    vi.useRealTimers();
  });
});
