import { describe, expect, it } from 'vitest';
import { composeHttp, composeMail, messageId, rfc5322Date, utf8Length } from '../src/compose';

describe('mail compose helper', () => {
  it('writes an RFC 5322 date in UTC', () => {
    expect(rfc5322Date(new Date(Date.UTC(2026, 10, 26, 9, 5, 7)))).toBe('Thu, 26 Nov 2026 09:05:07 +0000');
  });

  it('writes the header fields, a blank line and the body with CRLF', () => {
    const text = composeMail({
      from: 'Bob <bob@localhost>',
      to: 'demo@localhost',
      subject: 'Hi',
      date: new Date(Date.UTC(2026, 0, 1)),
      messageId: '<1@localhost>',
      body: 'line one\nline two',
    });
    expect(text).toBe(
      'From: Bob <bob@localhost>\r\nTo: demo@localhost\r\nSubject: Hi\r\nDate: Thu, 1 Jan 2026 00:00:00 +0000\r\nMessage-ID: <1@localhost>\r\n\r\nline one\r\nline two',
    );
  });

  it('makes a Message-ID under the sender domain', () => {
    expect(messageId('Bob <bob@localhost>', () => 0.5)).toMatch(/^<[0-9a-z]+\.[0-9a-z]+@localhost>$/);
    expect(messageId('nobody', () => 0.5)).toMatch(/@parley\.local>$/);
  });
});

describe('HTTP compose helper', () => {
  it('writes request line, Host, headers and the empty line', () => {
    const r = composeHttp({ method: 'get', path: '/', host: 'localhost', headers: 'Accept: text/html\n\nConnection: close', body: '' });
    expect(r.lines).toEqual(['GET / HTTP/1.1', 'Host: localhost', 'Accept: text/html', 'Connection: close', '']);
    expect(r.body).toBe('');
  });

  it('counts Content-Length in UTF-8 octets, not characters', () => {
    const r = composeHttp({ method: 'POST', path: '/form', host: 'h', headers: 'Content-Type: text/plain', body: 'café' });
    expect(utf8Length('café')).toBe(5);
    expect(r.lines).toContain('Content-Length: 5');
    expect(r.lines[r.lines.length - 1]).toBe('');
    expect(r.body).toBe('café');
  });

  it('replaces a Host or Content-Length typed in the headers with computed ones', () => {
    const r = composeHttp({ method: 'POST', path: '', host: 'h', headers: 'Host: evil\nContent-Length: 999', body: 'a\nb' });
    expect(r.lines).toEqual(['POST / HTTP/1.1', 'Host: h', 'Content-Length: 4', '']);
    expect(r.body).toBe('a\r\nb');
  });

  it('sends Content-Length: 0 for an empty POST', () => {
    expect(composeHttp({ method: 'POST', path: '/', host: 'h', headers: '', body: '' }).lines).toContain('Content-Length: 0');
  });
});
