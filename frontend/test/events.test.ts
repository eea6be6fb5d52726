import { describe, expect, it } from 'vitest';
import { Conversation } from '../src/conversation';
import { FOLD_LINES, renderEntry, renderSystemRow, updateTiming } from '../src/events';
import type { ServerEvent } from '../src/types';
import { c, command, complete, data, reply, s } from './fixtures';

function row(ev: ServerEvent, conv = new Conversation('smtp', 'localhost', 3025, 'none')): HTMLLIElement {
  const prev = conv.entries[conv.entries.length - 1];
  const entry = conv.apply(ev)!;
  return renderEntry(entry, prev);
}

describe('console rows', () => {
  it('renders a hostile banner as literal text with control characters visible', () => {
    const li = row(s('220 <script>window.pwned=1</script>\u001b[31mred\u0000', reply('220', '<b>Service</b> ready')));
    document.body.append(li);
    expect(li.querySelector('script, b')).toBeNull();
    expect(li.querySelector('.text')!.textContent).toBe('220 <script>window.pwned=1</script>ESC[31mredNULCRLF');
    expect(Array.from(li.querySelectorAll('.text .ctl')).map((e) => e.textContent)).toEqual(['ESC', 'NUL']);
    expect(li.querySelector<HTMLElement>('.text .ctl')!.title).toBe('U+001B ESCAPE (starts terminal colour codes)');
    expect(li.querySelector('.meaning')!.textContent).toContain('<b>Service</b> ready');
    expect((window as unknown as { pwned?: number }).pwned).toBeUndefined();
  });

  it('colours client and server lines by direction', () => {
    expect(row(c('EHLO a', command('EHLO'))).classList.contains('c')).toBe(true);
    expect(row(s('250 ok', reply('250'))).classList.contains('s')).toBe(true);
  });

  it('shows the time, the direction and the meaning with its RFC reference in a tooltip', () => {
    const li = row(s('250-localhost', reply('250', 'Requested mail action okay, completed.', false)));
    expect(li.querySelector('time')!.getAttribute('datetime')).toBe('2026-11-26T10:15:00.123Z');
    expect(li.querySelector('.dir')!.textContent).toBe('S:');
    const meaning = li.querySelector<HTMLElement>('.meaning')!;
    expect(meaning.tabIndex).toBe(0);
    expect(meaning.querySelector('.badge')!.textContent).toBe('250');
    const tip = li.querySelector('[role="tooltip"]')!;
    expect(meaning.getAttribute('aria-describedby')).toBe(tip.id);
    expect(tip.textContent).toContain('RFC 5321 §4.2');
    expect(tip.textContent).toContain('More lines of this reply follow');
  });

  it('accepts the annotation flag under the name "last" too', () => {
    const li = row(s('250-x', { kind: 'reply', code: '250', meaning: 'ok', last: false }));
    expect(li.querySelector('[role="tooltip"]')!.textContent).toContain('More lines of this reply follow');
  });

  it('flags a bare LF always and marks CRLF for the show-line-ends toggle', () => {
    const lf = row(s('250 sloppy', reply('250'), { terminator: 'LF' }));
    expect(lf.querySelector('.eol.bare-lf')!.textContent).toContain('bare LF');
    const crlf = row(s('250 fine', reply('250')));
    expect(crlf.querySelector('.eol.crlf')!.textContent).toBe('CRLF');
    const none = row(s('partial', undefined, { terminator: 'NONE' }));
    expect(none.querySelector('.eol.none')).not.toBeNull();
  });

  it('shows a malformed line with what is wrong', () => {
    const li = row(s('25O oops', { kind: 'malformed', meaning: 'A reply starts with three digits.' }));
    expect(li.classList.contains('kind-malformed')).toBe(true);
    expect(li.querySelector('.meaning .badge')!.textContent).toContain('malformed');
  });

  it('says an empty line is there', () => {
    expect(row(c('', { kind: 'payload', meaning: 'x' })).querySelector('.empty')!.textContent).toBe('(empty line)');
  });

  it('explains a run of data lines once, not on every line', () => {
    const conv = new Conversation('pop3', 'h', 1, 'none');
    const first = row(s('1 120', data('One message.')), conv);
    const second = row(s('2 200', data('One message.')), conv);
    expect(first.querySelector('.meaning')).not.toBeNull();
    expect(second.querySelector('.meaning')).toBeNull();
  });

  it('shows a short IMAP literal open with its octet count', () => {
    const li = row({ event: 'literal', dir: 'S', octets: 12, text: 'Subject: hi\r\n', seq: 9 });
    expect(li.querySelector('summary')!.textContent).toContain('{12}');
    expect(li.querySelector('summary')!.textContent).toContain('12 octets');
    expect(li.querySelector('details')!.open).toBe(true);
  });

  it('folds a long literal and says when it was cut', () => {
    const text = Array.from({ length: FOLD_LINES + 5 }, (_, i) => `Header-${i}: v`).join('\r\n');
    const li = row({ event: 'literal', dir: 'S', octets: 1425, text, truncated: true, seq: 9 });
    expect(li.querySelector('details')!.open).toBe(false);
    expect(li.querySelector('summary')!.textContent).toContain('1,425 octets');
    expect(li.querySelector('summary')!.textContent).toContain('only the start');
    expect(li.querySelector('pre')!.textContent!.split('\n')).toHaveLength(FOLD_LINES + 5);
  });

  it('summarises a binary body instead of dumping it', () => {
    const li = row({ event: 'body', contentType: 'image/png', octets: 5120, description: 'image/png body, 5,120 octets, not shown', seq: 4 });
    expect(li.textContent).toContain('image/png body, 5,120 octets, not shown');
  });

  it('marks where STARTTLS turned the connection into TLS', () => {
    const li = row({ event: 'tls', protocol: 'TLSv1.3', cipher: 'TLS_AES_128_GCM_SHA256', upgraded: true, verified: false, afterSeq: 5 });
    expect(li.classList.contains('tls-marker')).toBe(true);
    expect(li.textContent).toContain('STARTTLS turned this connection into TLS');
    expect(li.textContent).toContain('TLSv1.3');
    expect(li.textContent).toContain('not verified');
  });

  it('marks rows sent or received inside TLS', () => {
    expect(row(s('250 ok', reply('250'), { secure: true })).classList.contains('secure')).toBe(true);
  });

  it('adds the round-trip time when the answer completes', () => {
    const conv = new Conversation('smtp', 'h', 1, 'none');
    const ehlo = c('EHLO a', command('EHLO'));
    const cRow = row(ehlo, conv);
    const sRow = row(s('250 ok', reply('250')), conv);
    conv.apply(complete(ehlo.seq, 'ok', 1234));
    for (const e of conv.touched) updateTiming(e.dir === 'C' ? cRow : sRow, e);
    expect(cRow.querySelector('.rtt')!.textContent).toBe('answered in 1.2 ms');
    expect(sRow.querySelector('.rtt')!.textContent).toBe('1.2 ms round trip');
    expect(sRow.dataset.status).toBe('ok');
  });

  it('renders errors and closings as readable rows with an action', () => {
    const button = document.createElement('button');
    const li = renderSystemRow('error', 'Could not connect: <refused>', button);
    expect(li.textContent).toContain('Could not connect: <refused>');
    expect(li.contains(button)).toBe(true);
  });
});

describe('inline meaning', () => {
  it('shows the first sentence, not a fragment cut at a colon', async () => {
    const { firstSentence } = await import('../src/events');
    expect(firstSentence("A line with only '.': the end of the answer. More here.")).toBe("A line with only '.': the end of the answer.");
    expect(firstSentence('x'.repeat(200))).toHaveLength(108);
  });
});

describe('line ends inside bodies', () => {
  it('marks a bare LF in body data softly, and in a reply loudly', () => {
    const conv = new Conversation('http', 'h', 1, 'none');
    const body = renderEntry(conv.apply(s('<p>hi</p>', data('Body text.'), { terminator: 'LF' }))!);
    const head = renderEntry(conv.apply(s('HTTP/1.1 200 OK', reply('200'), { terminator: 'LF' }))!);
    expect(body.querySelector('.eol.bare-lf.soft')).not.toBeNull();
    expect(head.querySelector('.eol.bare-lf:not(.soft)')).not.toBeNull();
  });
});
