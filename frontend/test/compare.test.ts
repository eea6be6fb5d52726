import { describe, expect, it } from 'vitest';
import { CHARACTERISTICS, COMPARED, findExample, practiceText, renderCompare } from '../src/compare';
import { c, command, complete, conversation, data, reply, s, smtpSession } from './fixtures';

const row = (title: string) => CHARACTERISTICS.find((ch) => ch.title === title)!;

describe('compare table', () => {
  it('has a cell for each of the four protocols on every row', () => {
    for (const ch of CHARACTERISTICS) expect(Object.keys(ch.cells).sort()).toEqual([...COMPARED].sort());
  });

  it('finds the learner\'s own 250- continuation and client-sent end of payload in SMTP', () => {
    const conv = conversation(smtpSession());
    expect(findExample(row('A reply over several lines').cells.smtp, 'smtp', [conv])!.text).toBe('250-localhost');
    const end = findExample(row('Payload (the message itself)').cells.smtp, 'smtp', [conv])!;
    expect(end).toMatchObject({ dir: 'C', text: '.' });
    expect(findExample(row('Failure').cells.smtp, 'smtp', [conv])!.text).toContain('550');
  });

  it('finds the message RETR sent in POP3 (not the end of LIST) and the literal in IMAP', () => {
    const list = c('LIST', command('LIST'));
    const retr = c('RETR 1', command('RETR'));
    const pop = conversation(
      [list, s('+OK', reply('+OK')), s('1 120', data()), s('.', data()), complete(list.seq), retr, s('+OK 120 octets', reply('+OK')), s('Subject: tea', data()), s('.', data()), complete(retr.seq)],
      'pop3',
    );
    expect(findExample(row('Payload (the message itself)').cells.pop3, 'pop3', [pop])).toMatchObject({ dir: 'S', text: 'Subject: tea' });
    const imap = conversation([{ event: 'literal', dir: 'S', octets: 1425, text: 'x' }], 'imap');
    expect(findExample(row('Payload (the message itself)').cells.imap, 'imap', [imap])!.kind).toBe('literal');
  });

  it('links IMAP success and several-line replies to a command\'s answer, not to the untagged greeting', () => {
    const sel = c('A0002 SELECT INBOX', command('SELECT'));
    const imap = conversation([s('* OK IMAP4rev1 ready', reply("OK")), complete(0), sel, s('* 1 EXISTS', data()), s('A0002 OK [READ-WRITE] SELECT completed', reply('OK')), complete(sel.seq)], 'imap');
    expect(findExample(row('Success').cells.imap, 'imap', [imap])!.text).toBe('A0002 OK [READ-WRITE] SELECT completed');
    expect(findExample(row('A reply over several lines').cells.imap, 'imap', [imap])!.text).toBe('* 1 EXISTS');
  });

  it('finds an IMAP tagged OK and a tagged command', () => {
    const sel = c('A0002 SELECT INBOX', command('SELECT'));
    const imap = conversation([sel, s('* 1 EXISTS', data()), s('A0002 OK [READ-WRITE] SELECT completed', reply('OK')), complete(sel.seq)], 'imap');
    expect(findExample(row('Success').cells.imap, 'imap', [imap])!.text).toContain('A0002 OK');
    expect(findExample(row('Matching answers to requests').cells.imap, 'imap', [imap])!.text).toBe('A0002 SELECT INBOX');
  });

  it('looks only at conversations of the same protocol', () => {
    expect(findExample(row('Success').cells.pop3, 'pop3', [conversation(smtpSession())])).toBeUndefined();
  });

  it('links a cell to the console row of its example', () => {
    const conv = conversation(smtpSession());
    const table = renderCompare([conv]);
    const links = Array.from(table.querySelectorAll<HTMLAnchorElement>('a.example'));
    expect(links.length).toBeGreaterThan(3);
    for (const a of links) {
      expect(a.getAttribute('href')).toBe(`#${a.dataset.row}`);
      expect(conv.entries.some((e) => e.rowId === a.dataset.row)).toBe(true);
    }
    expect(table.querySelectorAll('thead th')).toHaveLength(4);
    expect(table.querySelectorAll('th[scope="rowgroup"]')).toHaveLength(CHARACTERISTICS.length);
  });

  it('quotes the practice ports this Parley runs, not a default', () => {
    const table = renderCompare([], {
      smtp: [{ host: '127.0.0.1', port: 9025, tls: 'none' }, { host: '127.0.0.1', port: 9465, tls: 'implicit' }],
      http: [{ host: '127.0.0.1', port: 9088, tls: 'none' }],
    });
    const ports = [...table.querySelectorAll('tbody')].find((b) => b.textContent!.startsWith('Standard ports'))!;
    const cells = [...ports.querySelectorAll('td')].map((td) => td.textContent);
    expect(cells[0]).toBe('25 between servers; 587 to hand in mail (submission); 465 the same over TLS. Practice: 9025, 9465 (TLS).');
    expect(cells[1]).toBe('110; 995 over TLS. No practice server here for it.');
    expect(cells[3]).toBe('80; 443 for HTTPS. Practice: 9088.');
    expect(table.textContent).not.toContain('3025');
    expect(practiceText(undefined)).toBe('No practice server here for it.');
  });
});
