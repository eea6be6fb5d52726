import { describe, expect, it } from 'vitest';
import { MASK, sharedEntries, toJson, toText } from '../src/transcript';
import { c, command, complete, conversation, data, reply, s, smtpSession } from './fixtures';

describe('transcript export', () => {
  it('writes the text format of CONTRACTS.md §2', () => {
    const text = toText(conversation(smtpSession()));
    const lines = text.split('\n');
    expect(lines.slice(0, 4)).toEqual(['# protocol: smtp', '# target: localhost:3025', '# remote: 127.0.0.1:3025', 'S: 220 /127.0.0.1 GreenMail SMTP Service v2.1.13 ready']);
    expect(lines).toContain('C: EHLO parley.local');
    expect(lines).toContain('S: 250-localhost');
    expect(lines).toContain('C: ');
    expect(lines).toContain('C: .');
    expect(text.endsWith('S: 221 bye\n')).toBe(true);
  });

  it('writes the server\'s redacted form of a line that holds a secret', () => {
    const pass = c('PASS redqueen', command('PASS'), { redacted: `PASS ${MASK}` });
    const text = toText(conversation([c('USER bob', command('USER')), pass, s('+OK', reply('+OK')), complete(pass.seq)], 'pop3'));
    expect(text).toContain('C: USER bob\n');
    expect(text).toContain(`C: PASS ${MASK}\n`);
    expect(text).not.toContain('redqueen');
  });

  it('does not look for secrets itself: only the server knows the protocol', () => {
    // No `redacted` from the server: the page writes the line as it was, it parses nothing.
    const text = toText(conversation([c('a3 login demo demo')], 'imap'));
    expect(text).toContain('C: a3 login demo demo');
  });

  it('uses the redacted form for every kind of secret line the server marks', () => {
    const lines = [
      c('A0001 LOGIN frobozz xyzzy', command('LOGIN'), { redacted: `A0001 LOGIN frobozz ${MASK}` }),
      c('cmVkcXVlZW4=', undefined, { redacted: MASK }),
      c('Authorization: Basic Ym9iOnJlZA==', undefined, { redacted: `Authorization: ${MASK}` }),
      c('Accept: */*'),
    ];
    const text = toText(conversation(lines, 'imap'));
    expect(text).toContain(`C: A0001 LOGIN frobozz ${MASK}\n`);
    expect(text).toContain(`C: ${MASK}\n`);
    expect(text).toContain(`C: Authorization: ${MASK}\n`);
    expect(text).toContain('C: Accept: */*\n');
    expect(text).not.toMatch(/xyzzy|cmVkcXVlZW4|Ym9iOnJlZA/);
  });

  it('keeps the clear text for the learner\'s own console only', () => {
    const conv = conversation([c('PASS redqueen', command('PASS'), { redacted: `PASS ${MASK}` })], 'pop3');
    expect(conv.entries[0].text).toBe('PASS redqueen');
    const shared = sharedEntries(conv.entries);
    expect(shared[0].text).toBe(`PASS ${MASK}`);
    expect(JSON.stringify(shared)).not.toContain('redqueen');
    expect(conv.entries[0].text).toBe('PASS redqueen');
  });

  it('writes literals as the lines they hold, and a placeholder for what was cut', () => {
    const conv = conversation(
      [s('* 1 FETCH (RFC822.HEADER {25}', reply('*')), { event: 'literal', dir: 'S', octets: 2000, text: 'From: cris\r\nTo: demo', truncated: true }, s(')', data())],
      'imap',
    );
    expect(toText(conv)).toContain('S: * 1 FETCH (RFC822.HEADER {25}\nS: From: cris\nS: To: demo\nS: <the rest of the 2000-octet literal, not shown>\nS: )\n');
  });

  it('writes a summarised body as a placeholder, TLS and notices as comments', () => {
    const conv = conversation(
      [
        { event: 'tls', protocol: 'TLSv1.3', cipher: 'TLS_AES_128_GCM_SHA256', upgraded: true },
        { event: 'body', contentType: 'image/png', octets: 10, description: 'image/png body, 10 octets, not shown' },
        { event: 'notice', text: 'more not shown' },
      ],
      'http',
    );
    const text = toText(conv);
    expect(text).toContain('# tls: TLSv1.3 TLS_AES_128_GCM_SHA256 (upgraded in place by STARTTLS)');
    expect(text).toContain('S: <image/png body, 10 octets, not shown>');
    expect(text).toContain('# notice: more not shown');
  });

  it('keeps each line on one line of the file', () => {
    const text = toText(conversation([s('odd\rline', reply('250'))]));
    expect(text).toContain('S: odd\\x0Dline\n');
  });

  it('exports JSON with the same masking and without page-only fields', () => {
    const pass = c('PASS redqueen', command('PASS'), { redacted: `PASS ${MASK}` });
    const json = JSON.parse(toJson(conversation([pass], 'pop3'), new Date('2026-01-01T00:00:00Z')));
    expect(json).toMatchObject({ protocol: 'pop3', target: 'localhost:3025', tls: 'none', exportedAt: '2026-01-01T00:00:00.000Z' });
    expect(json.entries[0].text).toBe(`PASS ${MASK}`);
    expect(json.entries[0].rowId).toBeUndefined();
    expect(json.entries[0].redacted).toBeUndefined();
    expect(JSON.stringify(json)).not.toContain('redqueen');
    expect(json.entries[0].annotation.verb).toBe('PASS');
  });
});
