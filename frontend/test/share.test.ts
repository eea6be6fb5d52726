import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { bootShare } from '../src/share';

const template = readFileSync(resolve(__dirname, '../../src/main/resources/templates/share.html'), 'utf8');

const transcript = {
  id: 'k3j4',
  protocol: 'pop3',
  origin: 'live',
  target: 'localhost:3110',
  remote: '127.0.0.1:3110',
  tls: null,
  started: '2026-11-26T10:00:00Z',
  ended: '2026-11-26T10:00:05Z',
  closed: { by: 'server', reason: 'The server closed the connection.' },
  lines: [
    { seq: 1, dir: 'S', at: '2026-11-26T10:00:00Z', text: '+OK POP3 ready <script>x</script>', terminator: 'CRLF', secure: false, kind: 'line' },
    { seq: 2, dir: 'C', at: '2026-11-26T10:00:01Z', text: 'USER bob', terminator: 'CRLF', secure: false, kind: 'line' },
    { seq: 3, dir: 'S', at: '2026-11-26T10:00:01Z', text: '+OK', terminator: 'CRLF', secure: false, kind: 'line' },
    { seq: 4, dir: 'C', at: '2026-11-26T10:00:02Z', text: 'PASS ********', terminator: 'CRLF', secure: false, kind: 'line' },
  ],
};

function respond(status: number, body: unknown): typeof fetch {
  return (async () => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } })) as typeof fetch;
}

describe('the share page', () => {
  beforeEach(() => {
    document.body.innerHTML = /<body>([\s\S]*)<\/body>/.exec(template)![1];
    document.getElementById('share')!.dataset.transcript = 'k3j4';
  });

  it('has no inline scripts and labels every control', () => {
    expect(template).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/i);
    expect(template).not.toMatch(/\son[a-z]+\s*=/i);
    for (const control of Array.from(document.querySelectorAll('input, select'))) {
      expect(document.querySelector(`label[for="${control.id}"]`), `label for #${control.id}`).not.toBeNull();
    }
  });

  it('opens showing the whole conversation, then plays it back with the console rows and the ladder', async () => {
    const player = (await bootShare(respond(200, transcript)))!;
    const rows = () => Array.from(document.querySelectorAll('#console > li'));
    expect(rows().map((r) => r.textContent)).toEqual(expect.arrayContaining([expect.stringContaining('PASS ********')]));
    expect(rows()[rows().length - 1].textContent).toContain('The server closed the connection.');
    expect(document.querySelectorAll('#ladder svg g[data-row]')).toHaveLength(4);
    expect(document.getElementById('play')!.textContent).toBe('Play again');
    expect(document.querySelector('#console script')).toBeNull();
    document.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowLeft' }));
    expect(player.position).toBe(3);
    document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Home' }));
    expect(rows()).toHaveLength(0);
    expect(document.getElementById('position')!.textContent).toBe('0 of 4 events (0 lines)');
    document.getElementById('step')!.click();
    expect(rows()).toHaveLength(1);
    expect(rows()[0].textContent).toContain('<script>x</script>');
    expect(document.getElementById('share-meta')!.textContent).toContain('POP3 with localhost:3110');
  });

  it('shows the meanings and the outcome colours the server worked out, as the live console does', async () => {
    const meanings = {
      annotations: {
        '1': { kind: 'reply', code: '+OK', meaning: 'The server is ready.', final: true },
        '2': { kind: 'command', verb: 'USER', meaning: 'Names the mailbox.' },
        '3': { kind: 'reply', code: '-ERR', meaning: 'No such user.', final: true },
      },
      completions: [
        { after: 1, seq: 0, status: 'ok' },
        { after: 3, seq: 2, status: 'error' },
      ],
    };
    const fetcher = (async (url: string) =>
      new Response(JSON.stringify(String(url).endsWith('/meanings') ? meanings : transcript), { status: 200 })) as unknown as typeof fetch;
    await bootShare(fetcher);
    const rows = Array.from(document.querySelectorAll<HTMLLIElement>('#console > li'));
    expect(rows[0].querySelector('.meaning .badge')!.textContent).toBe('+OK');
    expect(rows[1].querySelector('.meaning .badge')!.textContent).toBe('USER');
    expect(rows[2].dataset.status).toBe('error');
    expect(rows[1].dataset.status).toBe('error');
    expect(rows[0].dataset.status).toBe('ok');
  });

  it('says so when the transcript cannot be loaded', async () => {
    expect(await bootShare(respond(404, {}))).toBeNull();
    expect(document.getElementById('load-state')!.textContent).toContain('does not exist');
  });
});
