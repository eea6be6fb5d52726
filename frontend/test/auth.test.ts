import { describe, expect, it } from 'vitest';
import { authPlainLine, decodeBase64Utf8, explainPlain, plainResponse } from '../src/auth';

describe('AUTH PLAIN helper', () => {
  it('encodes NUL user NUL password as RFC 4616 says', () => {
    expect(plainResponse('bob', 'redqueen')).toBe('AGJvYgByZWRxdWVlbg==');
    expect(decodeBase64Utf8('AGJvYgByZWRxdWVlbg==')).toBe('\u0000bob\u0000redqueen');
  });

  it('writes the command each protocol uses', () => {
    expect(authPlainLine('smtp', 'bob', 'redqueen')).toBe('AUTH PLAIN AGJvYgByZWRxdWVlbg==');
    expect(authPlainLine('pop3', 'bob', 'redqueen')).toBe('AUTH PLAIN AGJvYgByZWRxdWVlbg==');
    expect(authPlainLine('imap', 'bob', 'redqueen')).toBe('AUTHENTICATE PLAIN AGJvYgByZWRxdWVlbg==');
  });

  it('encodes non-ASCII passwords as UTF-8', () => {
    const b64 = plainResponse('zoë', 'pässwörd');
    expect(decodeBase64Utf8(b64)).toBe('\u0000zoë\u0000pässwörd');
  });

  it('shows what the base64 decodes to, NULs visible', () => {
    expect(explainPlain('AGJvYgByZWRxdWVlbg==')).toBe('\u0000bob\u0000redqueen');
    expect(explainPlain('***')).toBe('(not valid base64)');
  });
});
