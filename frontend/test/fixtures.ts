import { Conversation } from '../src/conversation';
import type { Annotation, ServerEvent } from '../src/types';

let seq = 0;
const at = '2026-11-26T10:15:00.123Z';

export function s(text: string, annotation?: Annotation, extra: Partial<Extract<ServerEvent, { event: 'line' }>> = {}): ServerEvent {
  return { event: 'line', dir: 'S', text, seq: ++seq, at, terminator: 'CRLF', annotation, ...extra };
}

export function c(text: string, annotation?: Annotation, extra: Partial<Extract<ServerEvent, { event: 'line' }>> = {}): ServerEvent & { seq: number } {
  return { event: 'line', dir: 'C', text, seq: ++seq, at, terminator: 'CRLF', annotation, ...extra } as ServerEvent & { seq: number };
}

export const reply = (code: string, meaning = `meaning of ${code}`, final = true): Annotation => ({ kind: 'reply', code, meaning, final, reference: 'RFC 5321 §4.2' });
export const command = (verb: string, meaning = `meaning of ${verb}`): Annotation => ({ kind: 'command', verb, meaning, reference: 'RFC 5321 §4.1.1' });
export const data = (meaning = 'A line of the answer.'): Annotation => ({ kind: 'data', meaning });
export const payload = (meaning = 'Message text.'): Annotation => ({ kind: 'payload', meaning });
export const complete = (seqOf: number, status: 'ok' | 'error' | 'continue' = 'ok', elapsedMicros = 1500): ServerEvent => ({ event: 'complete', seq: seqOf, status, elapsedMicros });

/** Feeds events into a new conversation. */
export function conversation(events: ServerEvent[], protocol: Conversation['protocol'] = 'smtp', host = 'localhost', port = 3025): Conversation {
  const conv = new Conversation(protocol, host, port, 'none');
  for (const e of events) conv.apply(e);
  return conv;
}

/** The lesson's SMTP session, as the backend would send it. */
export function smtpSession(): ServerEvent[] {
  const ehlo = c('EHLO parley.local', command('EHLO'));
  const mail = c('MAIL FROM:<bob@localhost>', command('MAIL'));
  const rcpt = c('RCPT TO:<demo@localhost>', command('RCPT'));
  const green = c('RCPT TO:<green@localhost>', command('RCPT'));
  const dataCmd = c('DATA', command('DATA'));
  const dot = c('.', payload('The end of the message.'));
  const quit = c('QUIT', command('QUIT'));
  return [
    { event: 'connected', session: 'abc', protocol: 'smtp', remote: '127.0.0.1:3025', host: 'localhost', tls: 'none' },
    s('220 /127.0.0.1 GreenMail SMTP Service v2.1.13 ready', reply('220', 'Service ready.')),
    complete(0, 'ok', 900),
    ehlo,
    s('250-localhost', reply('250', 'Requested mail action okay.', false)),
    s('250 AUTH PLAIN LOGIN', reply('250', 'Requested mail action okay.', true)),
    complete(ehlo.seq),
    mail,
    s('250 OK', reply('250')),
    complete(mail.seq),
    rcpt,
    s('250 OK', reply('250')),
    complete(rcpt.seq),
    green,
    s('550 No such user here', reply('550', 'Mailbox unavailable.')),
    complete(green.seq, 'error'),
    dataCmd,
    s('354 Start mail input; end with <CRLF>.<CRLF>', reply('354', 'Start mail input.')),
    complete(dataCmd.seq, 'continue'),
    c('Subject: hi', payload()),
    c('', payload()),
    c('Blah blah blah...', payload()),
    dot,
    s('250 OK', reply('250')),
    complete(dot.seq),
    quit,
    s('221 bye', reply('221', 'Closing.')),
    complete(quit.seq),
    { event: 'closed', by: 'server', reason: 'The server said goodbye.' },
  ];
}
