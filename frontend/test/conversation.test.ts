import { describe, expect, it } from 'vitest';
import { Conversation } from '../src/conversation';
import { c, command, complete, conversation, reply, s, smtpSession } from './fixtures';

describe('conversation model', () => {
  it('keeps every line of the session in order with unique row ids', () => {
    const conv = conversation(smtpSession());
    const lines = conv.entries.filter((e) => e.kind === 'line');
    expect(lines[0].text).toContain('220');
    expect(new Set(conv.entries.map((e) => e.rowId)).size).toBe(conv.entries.length);
    expect(conv.remote).toBe('127.0.0.1:3025');
    expect(conv.open).toBe(false);
  });

  it('puts the greeting round trip on the greeting line', () => {
    const conv = conversation(smtpSession().slice(0, 3));
    expect(conv.entries[0].elapsedMicros).toBe(900);
  });

  it('puts the round trip on the command and on the last line of its answer', () => {
    const conv = conversation(smtpSession().slice(0, 7));
    const [greeting, ehlo, first, last] = conv.entries;
    expect(greeting.status).toBe('ok');
    expect(ehlo.elapsedMicros).toBe(1500);
    expect(first.elapsedMicros).toBeUndefined();
    expect(last.elapsedMicros).toBe(1500);
  });

  it('enters message mode after 354 and leaves it when the message is accepted', () => {
    const events = smtpSession();
    const conv = new Conversation('smtp', 'h', 1, 'none');
    const modes: boolean[] = [];
    for (const e of events) {
      conv.apply(e);
      if (e.event === 'complete') modes.push(conv.messageMode);
    }
    // greeting, EHLO, MAIL, RCPT, RCPT(550), DATA(354), ".", QUIT
    expect(modes).toEqual([false, false, false, false, false, true, false, false]);
  });

  it('waits without message mode on a continuation that is not 354', () => {
    const auth = c('AUTH LOGIN', command('AUTH'));
    const conv = conversation([auth, s('334 VXNlcm5hbWU6', reply('334')), complete(auth.seq, 'continue')]);
    expect(conv.waiting).toBe(true);
    expect(conv.messageMode).toBe(false);
  });

  it('does not credit an old reply to a command the server never answered', () => {
    const noop = c('NOOP', command('NOOP'));
    const conv = conversation([s('250 earlier', reply('250')), noop, complete(noop.seq, 'ok', 77)]);
    expect(conv.entries[0].elapsedMicros).toBeUndefined();
    expect(conv.entries[1].elapsedMicros).toBe(77);
  });

  it('forgets message mode when the connection closes', () => {
    const dataCmd = c('DATA', command('DATA'));
    const conv = conversation([dataCmd, s('354 go', reply('354')), complete(dataCmd.seq, 'continue'), { event: 'closed', by: 'server' }]);
    expect(conv.messageMode).toBe(false);
    expect(conv.open).toBe(false);
  });

  it('survives events with missing fields', () => {
    const conv = new Conversation('raw', 'h', 1, 'none');
    expect(() => {
      conv.apply({ event: 'line' });
      conv.apply({ event: 'literal' });
      conv.apply({ event: 'complete' });
      conv.apply({ event: 'tls' });
    }).not.toThrow();
    expect(conv.entries[0].text).toBe('');
  });
});
