import { authPlainLine, explainPlain, plainResponse } from './auth';
import { composeHttp, composeMail } from './compose';
import { byId, el } from './dom';
import { appendVisible } from './visible';
import type { App } from './app';

/** The compose and AUTH helpers in the Helpers tab. */
export function setupHelpers(app: App): void {
  const value = (id: string) => byId<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>(id).value;

  // Mail: the whole message through the payload op, once the server said 354.
  const mailStatus = byId('mail-status');
  byId<HTMLFormElement>('mail-form').addEventListener('submit', (e) => {
    e.preventDefault();
    if (!app.messageMode) {
      mailStatus.textContent = 'Not yet: the server must first answer DATA with 354. Send MAIL FROM, RCPT TO and DATA (see the walkthrough).';
      return;
    }
    app.sendPayload(composeMail({ from: value('mail-from'), to: value('mail-to'), subject: value('mail-subject'), body: value('mail-body') }));
    mailStatus.textContent = 'Sent. Parley added the final "." line; watch for the server\'s 250.';
  });

  // HTTP: lines (request line, headers, empty line), then the body as payload.
  const request = () => composeHttp({ method: value('http-method'), path: value('http-path'), host: value('http-host'), headers: value('http-headers'), body: value('http-body') });
  const preview = () => {
    const r = request();
    const pre = byId('http-preview');
    pre.replaceChildren();
    for (const line of r.lines) {
      appendVisible(pre, line);
      pre.append(el('span', { class: 'ctl', title: 'CR LF: Parley ends each line with CRLF' }, 'CRLF'), '\n');
    }
    if (r.body) appendVisible(pre, r.body, true);
  };
  for (const id of ['http-method', 'http-path', 'http-host', 'http-headers', 'http-body']) byId(id).addEventListener('input', preview);
  byId('http-method').addEventListener('change', preview);
  preview();
  byId<HTMLFormElement>('http-form').addEventListener('submit', (e) => {
    e.preventDefault();
    const r = request();
    for (const line of r.lines) app.sendLine(line);
    if (r.body) app.sendPayload(r.body);
  });

  // AUTH PLAIN: show the base64 and what it decodes to.
  const auth = () => {
    const protocol = app.current?.protocol ?? app.form.selected;
    const line = authPlainLine(protocol, value('auth-user'), value('auth-pass'));
    byId('auth-line').textContent = line;
    const decoded = byId('auth-decoded');
    decoded.replaceChildren();
    appendVisible(decoded, explainPlain(plainResponse(value('auth-user'), value('auth-pass'))));
    return line;
  };
  for (const id of ['auth-user', 'auth-pass']) byId(id).addEventListener('input', auth);
  app.form.protocol.addEventListener('change', auth);
  auth();
  byId<HTMLFormElement>('auth-form').addEventListener('submit', (e) => {
    e.preventDefault();
    app.fillInput(auth());
  });
}

/** Keeps the HTTP helper's Host in step with the connect form. */
export function syncHttpHost(host: string): void {
  const field = byId<HTMLInputElement>('http-host');
  field.value = host;
  field.dispatchEvent(new Event('input'));
}
