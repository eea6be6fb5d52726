import { describe, expect, it } from 'vitest';
import { FOLD_MIN, STEP, ladderSvgText, layoutLadder, renderLadder } from '../src/ladder';
import { c, command, conversation, data, payload, reply, s, smtpSession } from './fixtures';

describe('sequence diagram layout', () => {
  it('draws one arrow per line, client to server and back', () => {
    const conv = conversation(smtpSession().slice(0, 7));
    const layout = layoutLadder(conv.entries, 'localhost:3025');
    expect(layout.arrows.map((a) => a.dir)).toEqual(['S', 'C', 'S', 'S']);
    expect(layout.arrows[1].label).toBe('EHLO parley.local');
    expect(layout.arrows[2].y - layout.arrows[1].y).toBe(STEP);
    expect(layout.tlsFrom).toBeNull();
  });

  it('folds a run of message lines into one arrow', () => {
    const lines = Array.from({ length: FOLD_MIN + 2 }, (_, i) => c(`line ${i}`, payload()));
    const conv = conversation([...lines, c('.', { kind: 'command', verb: '.', meaning: 'end' })]);
    const layout = layoutLadder(conv.entries, 'x');
    expect(layout.arrows).toHaveLength(2);
    expect(layout.arrows[0]).toMatchObject({ kind: 'fold', label: `message text: ${FOLD_MIN + 2} lines` });
    expect(layout.arrows[0].title.split('\n')).toHaveLength(FOLD_MIN + 2);
  });

  it('keeps short runs as separate arrows', () => {
    const conv = conversation([s('+OK', reply('+OK')), s('1 120', data()), s('.', data())], 'pop3');
    expect(layoutLadder(conv.entries, 'x').arrows).toHaveLength(3);
  });

  it('shades from the point TLS began', () => {
    const conv = conversation([
      c('STARTTLS', command('STARTTLS')),
      s('220 go ahead', reply('220')),
      { event: 'tls', protocol: 'TLSv1.3', upgraded: true },
      c('EHLO again', command('EHLO'), { secure: true }),
    ]);
    const layout = layoutLadder(conv.entries, 'x');
    expect(layout.tlsFrom).not.toBeNull();
    expect(layout.tlsFrom!).toBeGreaterThan(layout.arrows[1].y);
    expect(layout.tlsFrom!).toBeLessThan(layout.arrows[2].y);
    expect(layout.tlsLabel).toContain('STARTTLS');
    expect(layout.arrows[2].secure).toBe(true);
  });

  it('labels a literal with its octet count', () => {
    const conv = conversation([{ event: 'literal', dir: 'S', octets: 1425, text: 'x' }], 'imap');
    expect(layoutLadder(conv.entries, 'x').arrows[0].label).toBe('{1425} literal, 1,425 octets');
  });

  it('renders hostile labels as SVG text, and serialises to a standalone file', () => {
    const conv = conversation([s('220 <script>alert(1)</script>\u001b[0m', reply('220'))]);
    const svg = renderLadder(layoutLadder(conv.entries, 'evil<host>'));
    expect(svg.querySelector('script')).toBeNull();
    expect(svg.textContent).toContain('<script>alert(1)</script>\\x1B[0m');
    const file = ladderSvgText(svg);
    expect(file.startsWith('<?xml')).toBe(true);
    const parsed = new DOMParser().parseFromString(file, 'image/svg+xml');
    expect(parsed.querySelector('parsererror')).toBeNull();
    expect(parsed.querySelector('script')).toBeNull();
    expect(parsed.documentElement.getAttribute('xmlns')).toBe('http://www.w3.org/2000/svg');
    expect(file).not.toMatch(/\sstyle=/);
  });

  it('links each arrow to its console row', () => {
    const conv = conversation([s('220 hi', reply('220'))]);
    const svg = renderLadder(layoutLadder(conv.entries, 'x'));
    expect(svg.querySelector('g[data-row]')!.getAttribute('data-row')).toBe(conv.entries[0].rowId);
  });
});
