import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError, InstructorApi, type RosterRow } from '../src/dashboard/api';
import { ConsoleFeed, Follow, type FollowState } from '../src/dashboard/follow';
import { ago, cellState, moveCounts, nextMove, roomSummary, sortRows, STUCK_AFTER_MS, stuck } from '../src/dashboard/progress';
import { modulesPath, QUIET_ZONE, qrSvg } from '../src/dashboard/qr';
import { RosterView } from '../src/dashboard/roster';
import { loopbackLink } from '../src/dashboard/texts';
import { readCreateForm } from '../src/dashboard/workshop-form';

const template = readFileSync(resolve(__dirname, '../../src/main/resources/templates/instructor.html'), 'utf8');
const NOW = Date.parse('2026-11-29T10:00:00Z');
const before = (ms: number) => new Date(NOW - ms).toISOString();

function row(over: Partial<RosterRow>): RosterRow {
  return { id: 'a-1', name: 'Ada', online: true, protocol: null, target: null, lastLine: null, lastAt: null, steps: {}, lastError: null, ...over };
}

describe('the progress of an attendee', () => {
  const ada = row({ protocol: 'smtp', steps: { smtp: ['hello', 'identify'] }, lastAt: before(10_000) });

  it('marks the moves done, the one they are on, and the ones not yet', () => {
    expect(cellState(ada, 'smtp', 'hello')).toBe('done');
    expect(cellState(ada, 'smtp', 'ask')).toBe('now');
    expect(cellState(ada, 'smtp', 'answers')).toBe('todo');
    expect(cellState(ada, 'pop3', 'hello')).toBe('todo');
    expect(nextMove(row({ steps: { smtp: ['hello', 'identify', 'ask', 'answers', 'goodbye'] } }), 'smtp')).toBeNull();
  });

  it('calls an attendee stuck only when online, mid-walkthrough and quiet for minutes', () => {
    expect(stuck(ada, NOW)).toBeNull();
    const quiet = { ...ada, lastAt: before(STUCK_AFTER_MS + 60_000) };
    expect(stuck(quiet, NOW)).toBe('no line for 4 min, before “ask for information” in SMTP');
    expect(stuck({ ...quiet, online: false }, NOW)).toBeNull();
    expect(stuck({ ...quiet, steps: { smtp: ['hello', 'identify', 'ask', 'answers', 'goodbye'] } }, NOW)).toBeNull();
  });

  it('says how long ago in words', () => {
    expect(ago(before(2000), NOW)).toBe('just now');
    expect(ago(before(40_000), NOW)).toBe('40 s ago');
    expect(ago(before(3 * 60_000), NOW)).toBe('3 min ago');
    expect(ago(before(2 * 3600_000), NOW)).toBe('2 h ago');
    expect(ago(null, NOW)).toBe('');
    expect(ago('garbage', NOW)).toBe('');
  });

  it('sorts by name, by need of help and by progress', () => {
    const rows = [
      row({ id: '1', name: 'Zoe', steps: { smtp: ['hello', 'identify', 'ask'] } }),
      row({ id: '2', name: 'bob', protocol: 'smtp', lastAt: before(STUCK_AFTER_MS * 2) }),
      row({ id: '3', name: 'Ann', online: false }),
    ];
    expect(sortRows(rows, 'joined', ['smtp'], NOW).map((r) => r.id)).toEqual(['1', '2', '3']);
    expect(sortRows(rows, 'name', ['smtp'], NOW).map((r) => r.name)).toEqual(['Ann', 'bob', 'Zoe']);
    expect(sortRows(rows, 'help', ['smtp'], NOW)[0].name).toBe('bob');
    expect(sortRows(rows, 'behind', ['smtp'], NOW).map((r) => r.id)).toEqual(['2', '3', '1']);
    expect(moveCounts(rows, ['smtp']).get('smtp:ask')).toBe(1);
    expect(roomSummary(rows, 30, NOW)).toBe('3 attendees of 30 seats, 2 online, 1 may be stuck.');
  });
});

describe('the roster grid', () => {
  let table: HTMLTableElement;
  let followed: string[];
  let removed: string[];
  let view: RosterView;

  beforeEach(() => {
    document.body.innerHTML = /<body[^>]*>([\s\S]*)<\/body>/.exec(template)![1];
    table = document.getElementById('roster') as HTMLTableElement;
    followed = [];
    removed = [];
    view = new RosterView(table, { follow: (r) => followed.push(r.name), remove: (r) => removed.push(r.name) });
  });

  const ada = row({ protocol: 'smtp', target: 'localhost:3025', lastLine: 'C: EHLO x', lastAt: before(12_000), steps: { smtp: ['hello', 'identify'] } });

  it('shows each move with a mark and a word, not colour alone', () => {
    view.render([ada], ['smtp', 'pop3'], NOW, null);
    const cells = Array.from(table.querySelectorAll('tbody td.cell'));
    expect(cells).toHaveLength(10);
    expect(cells.slice(0, 3).map((c) => c.textContent)).toEqual(['✓done', '✓done', '▸working on it']);
    expect(cells[5].textContent).toBe('·not yet');
    expect(cells[0].getAttribute('title')).toBe('SMTP: say hello — done');
    expect(table.querySelector('tbody td.activity')!.textContent).toContain('SMTP · localhost:3025 · 12 s ago');
    expect(table.querySelector('tfoot')!.textContent).toContain('Done by (of 1)');
    expect(table.querySelectorAll('thead tr.moves th')).toHaveLength(10);
  });

  it('follows when the name is clicked, removes with its button', () => {
    view.render([ada], ['smtp'], NOW, null);
    table.querySelector<HTMLButtonElement>('button.name-button')!.click();
    table.querySelector<HTMLButtonElement>('button.remove-button')!.click();
    expect(followed).toEqual(['Ada']);
    expect(removed).toEqual(['Ada']);
    view.render([ada], ['smtp'], NOW, 'a-1');
    expect(table.querySelector('button.name-button')!.getAttribute('aria-pressed')).toBe('true');
  });

  it('keeps the focus on a button while the roster refreshes, and drops rows that left', () => {
    const grace = row({ id: 'a-2', name: 'Grace' });
    view.render([ada, grace], ['smtp'], NOW, null);
    const button = table.querySelector<HTMLButtonElement>('tr[data-id="a-1"] button.remove-button')!;
    button.focus();
    view.render([{ ...ada, steps: { smtp: ['hello', 'identify', 'ask'] }, lastAt: before(1000) }, grace], ['smtp'], NOW + 5000, null);
    expect(document.activeElement).toBe(button);
    expect(table.querySelectorAll('tr[data-id="a-1"] td.cell-done')).toHaveLength(3);
    view.render([grace], ['smtp'], NOW, null);
    expect(table.querySelectorAll('tbody tr')).toHaveLength(1);
    view.render([], ['smtp'], NOW, null);
    expect(table.classList.contains('no-rows')).toBe(true);
  });

  it('escapes what attendees chose as names', () => {
    view.render([row({ name: '<img src=x onerror=alert(1)>' })], ['smtp'], NOW, null);
    expect(table.querySelector('img')).toBeNull();
    expect(table.querySelector('button.name-button')!.textContent).toContain('<img src=x');
  });
});

describe('following an attendee', () => {
  beforeEach(() => {
    document.body.innerHTML = /<body[^>]*>([\s\S]*)<\/body>/.exec(template)![1];
  });

  it('renders the catch-up and then the live events with the playground\'s rows', () => {
    const list = document.getElementById('follow-console') as HTMLOListElement;
    const feed = new ConsoleFeed(list, document.getElementById('follow-box')!);
    feed.handle({ event: 'notice', text: 'Following Ada: their conversation so far, then live.' });
    feed.handle({ event: 'line', dir: 'C', text: 'EHLO before', seq: 1 });
    feed.handle({ event: 'connected', protocol: 'smtp', host: 'localhost', remote: '127.0.0.1:3025' });
    feed.handle({ event: 'line', dir: 'C', text: 'PASS ********', seq: 2, annotation: { kind: 'command', verb: 'PASS', meaning: 'password' } });
    feed.handle({ event: 'line', dir: 'S', text: '250 <b>ok</b>', seq: 3, annotation: { kind: 'reply', code: '250', meaning: 'ok', final: true } });
    feed.handle({ event: 'complete', seq: 2, status: 'ok', elapsedMicros: 1500 });
    feed.handle({ event: 'closed', by: 'server', reason: '' });
    const rows = Array.from(list.children).map((li) => li.textContent);
    expect(rows[0]).toContain('Following Ada');
    expect(rows[1]).toContain('EHLO before');
    expect(rows[2]).toContain('Connected to localhost (127.0.0.1:3025), speaking SMTP.');
    expect(list.querySelector('li.row.c[data-status="ok"]')!.textContent).toContain('PASS ********');
    expect(list.querySelector('b')).toBeNull();
    expect(rows[rows.length - 1]).toContain('The server closed the connection');
    feed.clear();
    expect(list.children).toHaveLength(0);
  });

  it('catches up again after a drop, and gives up when the attendee is gone', () => {
    vi.useFakeTimers();
    const made: { url: string; onopen?: () => void; onclose?: (e: { code: number; reason: string }) => void; onmessage?: (m: { data: string }) => void; close(): void }[] = [];
    const states: FollowState[] = [];
    const feed = new ConsoleFeed(document.getElementById('follow-console') as HTMLOListElement, document.getElementById('follow-box')!);
    const follow = new Follow('K7M4QX', 'a-1', 'Ada', feed, {
      onState: (s) => states.push(s),
      create: (url) => {
        const ws = { url, close: () => {} };
        made.push(ws);
        return ws as unknown as WebSocket;
      },
      retryMs: 100,
    });
    follow.start();
    expect(made[0].url).toContain('/ws/follow?workshop=K7M4QX&attendee=a-1');
    made[0].onopen!();
    made[0].onclose!({ code: 4500, reason: 'fell behind; reconnect to catch up' });
    vi.advanceTimersByTime(150);
    expect(made).toHaveLength(2);
    made[1].onmessage!({ data: JSON.stringify({ event: 'error', code: 'BAD_REQUEST', message: 'No attendee' }) });
    made[1].onclose!({ code: 1008, reason: 'no such attendee' });
    vi.advanceTimersByTime(5000);
    expect(made).toHaveLength(2);
    expect(states).toEqual(['connecting', 'live', 'behind', 'connecting', 'refused']);
    vi.useRealTimers();
  });
});

describe('the QR code of the join link', () => {
  it('draws dark modules as a path, inside the quiet zone, with no inline style', () => {
    expect(modulesPath(2, (r, c) => r === c)).toBe(`M${QUIET_ZONE} ${QUIET_ZONE}h1v1h-1zM${QUIET_ZONE + 1} ${QUIET_ZONE + 1}h1v1h-1z`);
    expect(modulesPath(3, (r) => r === 1)).toBe(`M${QUIET_ZONE} ${QUIET_ZONE + 1}h3v1h-3z`);
    const svg = qrSvg('http://parley.example:8080/w/K7M4QX', 'QR code of the join link');
    const n = Number(svg.dataset.modules);
    expect(n).toBeGreaterThanOrEqual(21);
    expect(svg.getAttribute('viewBox')).toBe(`0 0 ${n + 8} ${n + 8}`);
    expect(svg.getAttribute('role')).toBe('img');
    expect(svg.querySelector('path')!.getAttribute('d')).toMatch(/^M\d+ \d+h\d+v1h-\d+z/);
    expect(svg.outerHTML).not.toContain('style');
  });
});

describe('the instructor\'s calls', () => {
  it('says what the server refused, naming the field', async () => {
    const api = new InstructorApi(async () => new Response(JSON.stringify({ detail: 'capacity: must be between 1 and 1000', field: 'capacity' }), { status: 400 }));
    const error = await api.create({ title: 'x', capacity: 0 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).field).toBe('capacity');
    expect((error as ApiError).message).toBe('capacity: must be between 1 and 1000');
    const expired = await new InstructorApi(async () => new Response('', { status: 401 })).workshops().catch((e: unknown) => e);
    expect((expired as ApiError).loginNeeded).toBe(true);
  });

  it('reads the roster defensively', async () => {
    const api = new InstructorApi(async () => new Response(JSON.stringify([{ id: 'a-1', name: 'Ada', online: true, steps: { smtp: ['hello', 3] } }, { nope: 1 }]), { status: 200 }));
    expect(await api.roster('K7M4QX')).toEqual([row({ steps: { smtp: ['hello'] } })]);
  });

  it('warns about a join link the room cannot reach', () => {
    expect(loopbackLink('http://localhost:8080/w/K7M4QX')).toBe(true);
    expect(loopbackLink('http://127.0.0.1:8080/w/K7M4QX')).toBe(true);
    expect(loopbackLink('http://[::1]:8080/w/K7M4QX')).toBe(true);
    expect(loopbackLink('http://parley.lab:8080/w/K7M4QX')).toBe(false);
    expect(loopbackLink('not a url')).toBe(false);
  });

  it('reads the create form as the API takes it', () => {
    document.body.innerHTML = /<body[^>]*>([\s\S]*)<\/body>/.exec(template)![1];
    const form = document.getElementById('create-form') as HTMLFormElement;
    (document.getElementById('create-title-input') as HTMLInputElement).value = '  Protocols 101 ';
    (document.getElementById('create-targets') as HTMLTextAreaElement).value = 'mail.lab.example:143\n\n10.20.0.0/16:25';
    (form.querySelector('input[value="http"]') as HTMLInputElement).checked = false;
    expect(readCreateForm(form)).toEqual({
      title: 'Protocols 101',
      capacity: 30,
      durationMinutes: 240,
      protocols: ['smtp', 'pop3', 'imap'],
      targets: ['mail.lab.example:143', '10.20.0.0/16:25'],
    });
  });

  it('has no inline scripts, handlers or styles in its template, and labels every control', () => {
    expect(template).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/i);
    expect(template).not.toMatch(/\son[a-z]+\s*=/i);
    expect(template).not.toMatch(/style\s*=/i);
    document.body.innerHTML = /<body[^>]*>([\s\S]*)<\/body>/.exec(template)![1];
    for (const control of Array.from(document.querySelectorAll('input:not([type=checkbox]), select, textarea'))) {
      expect(document.querySelector(`label[for="${control.id}"]`), `label for #${control.id}`).not.toBeNull();
    }
  });
});
