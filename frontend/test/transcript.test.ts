import { describe, expect, it } from 'vitest';
import { MASK, toJson, toText } from '../src/transcript';
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

  it('masks the POP3 PASS argument', () => {
    const pass = c('PASS redqueen', command('PASS'));
    const text = toText(conversation([c('USER bob', command('USER')), pass, s('+OK', reply('+OK')), complete(pass.seq)], 'pop3'));
    expect(text).toContain('C: USER bob\n');
    expect(text).toContain(`C: PASS ${MASK}\n`);
    expect(text).not.toContain('redqueen');
  });

  it('masks the IMAP LOGIN password after the tag, plain or quoted', () => {
    const conv = conversation(
      [c('A0001 LOGIN frobozz xyzzy', command('LOGIN')), c('A0002 LOGIN "fro bozz" "x y\\"z"', command('LOGIN')), c('a3 login demo demo')],
      'imap',
    );
    const text = toText(conv);
    expect(text).toContain(`C: A0001 LOGIN frobozz ${MASK}`);
    expect(text).toContain(`C: A0002 LOGIN "fro bozz" ${MASK}`);
    expect(text).toContain(`C: a3 login demo ${MASK}`);
    expect(text).not.toMatch(/xyzzy|x y/);
  });

  it('masks AUTH PLAIN initial responses and the lines that answer AUTH LOGIN challenges', () => {
    const plain = c('AUTH PLAIN AGJvYgByZWRxdWVlbg==', command('AUTH'));
    const login = c('AUTH LOGIN', command('AUTH'));
    const user = c('Ym9i', { kind: 'command', verb: 'YM9I', meaning: 'unknown' });
    const pass = c('cmVkcXVlZW4=');
    const after = c('MAIL FROM:<bob@localhost>', command('MAIL'));
    const conv = conversation([
      plain, s('235 ok', reply('235')), complete(plain.seq),
      login, s('334 VXNlcm5hbWU6', reply('334')), complete(login.seq, 'continue'),
      user, s('334 UGFzc3dvcmQ6', reply('334')), complete(user.seq, 'continue'),
      pass, s('235 ok', reply('235')), complete(pass.seq),
      after,
    ]);
    const text = toText(conv);
    expect(text).toContain(`C: AUTH PLAIN ${MASK}\n`);
    expect(text).toContain('C: AUTH LOGIN\n');
    expect(text.match(new RegExp(`C: \\${MASK[0]}`, 'g'))).toHaveLength(2);
    expect(text).toContain('C: MAIL FROM:<bob@localhost>');
    expect(text).not.toMatch(/AGJvYgBy|Ym9i|cmVkcXVlZW4/);
  });

  it('masks HTTP Authorization and Cookie values', () => {
    const text = toText(conversation([c('GET / HTTP/1.1'), c('Authorization: Basic Ym9iOnJlZA=='), c('cookie: id=secret'), c('Accept: */*')], 'http'));
    expect(text).toContain(`C: Authorization: ${MASK}`);
    expect(text).toContain(`C: cookie: ${MASK}`);
    expect(text).toContain('C: Accept: */*');
    expect(text).not.toContain('secret');
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
    const pass = c('PASS redqueen', command('PASS'));
    const json = JSON.parse(toJson(conversation([pass], 'pop3'), new Date('2026-01-01T00:00:00Z')));
    expect(json).toMatchObject({ protocol: 'pop3', target: 'localhost:3025', tls: 'none', exportedAt: '2026-01-01T00:00:00.000Z' });
    expect(json.entries[0].text).toBe(`PASS ${MASK}`);
    expect(json.entries[0].rowId).toBeUndefined();
    expect(json.entries[0].annotation.verb).toBe('PASS');
  });
});
