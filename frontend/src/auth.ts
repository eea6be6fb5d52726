/**
 * SASL PLAIN (RFC 4616) credentials: authzid NUL authcid NUL password, base64-encoded as the
 * AUTH command (RFC 4954 for SMTP, RFC 5034 for POP3) and AUTHENTICATE (RFC 9051 §6.2.2) expect.
 * Base64 is an encoding, not encryption: anyone who sees the line can decode it.
 */

export function base64Utf8(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin);
}

export function decodeBase64Utf8(b64: string): string {
  const bin = atob(b64);
  const bytes = Uint8Array.from(bin, (c) => c.charCodeAt(0));
  return new TextDecoder().decode(bytes);
}

export function plainResponse(user: string, password: string, authzid = ''): string {
  return base64Utf8(`${authzid}\0${user}\0${password}`);
}

/** The command line a learner sends, with the initial response in the same line. */
export function authPlainLine(protocol: string, user: string, password: string): string {
  const b64 = plainResponse(user, password);
  return protocol === 'imap' ? `AUTHENTICATE PLAIN ${b64}` : `AUTH PLAIN ${b64}`;
}

/** What the base64 says (NULs included: the page shows them as NUL badges). */
export function explainPlain(b64: string): string {
  try {
    return decodeBase64Utf8(b64);
  } catch {
    return '(not valid base64)';
  }
}
