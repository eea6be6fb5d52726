import type { TlsFacts } from './conversation';
import { byId, el } from './dom';

/** The padlock's label after a handshake. */
export function padlockLabel(t: TlsFacts): string {
  return `${t.protocol ?? 'TLS'}${t.verified === false ? ' (not verified)' : ''}: certificate`;
}

/** The certificate facts, as terms and descriptions; every value is shown as text. */
export function tlsFacts(t: TlsFacts | null | undefined): [string, string][] {
  const facts: [string, string | undefined][] = [
    ['Protocol', t?.protocol],
    ['Cipher suite', t?.cipher],
    ['Certificate subject', t?.peer?.subject],
    ['Issued by', t?.peer?.issuer],
    ['Valid until', t?.peer?.notAfter],
    ['Verified', t?.verified ? `Yes. ${t.trust ?? 'The certificate chains to a trusted authority and names this host.'}` : `No: accepted without checking (you chose "Accept any certificate"). Fine for a test, never for real mail.${t?.trust ? ` ${t.trust}` : ''}`],
    ['How', t?.upgraded ? `Upgraded in place by STARTTLS after line ${t.afterSeq ?? '?'}: the lines before were plain text.` : 'Implicit TLS: the handshake came before the first protocol line.'],
  ];
  return facts.map(([k, v]) => [k, v ?? '(not given)']);
}

/** Opens the page's TLS dialog with the facts of this connection. */
export function showTlsDialog(t: TlsFacts | null | undefined): void {
  const dl = byId('tls-facts');
  dl.replaceChildren();
  for (const [k, v] of tlsFacts(t)) dl.append(el('dt', {}, k), el('dd', {}, v));
  const dialog = byId<HTMLDialogElement>('tls-dialog');
  if (typeof dialog.showModal === 'function') dialog.showModal();
  else dialog.setAttribute('open', '');
}
