import type { Mailbox } from './me';
import type { PracticePreset, ProtocolId, ProtocolInfo, WalkthroughStep } from './types';

/**
 * A workshop attendee's walkthroughs: the lesson's logins (bob / redqueen, frobozz / xyzzy) and
 * addresses replaced by the attendee's own practice mailbox, so every step works as written with
 * their credentials and the mail they send lands where they can read it back. The steps are the
 * server's (GET /api/protocols); only the lines and sentences that name the lesson's users change.
 */

interface Rewrite {
  /** The lesson's line, as the server's walkthrough writes it. */
  line: RegExp;
  to(m: Mailbox): string;
  explanation?(m: Mailbox): string;
  notice?(m: Mailbox): string;
}

const REWRITES: readonly Rewrite[] = [
  {
    line: /^MAIL FROM:<bob@localhost>$/i,
    to: (m) => `MAIL FROM:<${m.address}>`,
    explanation: () => 'Starts a mail transaction: the address replies and bounces go back to. This is your own address in the workshop.',
  },
  {
    line: /^RCPT TO:<demo@localhost>$/i,
    to: (m) => `RCPT TO:<${m.address}>`,
    explanation: () =>
      'One RCPT per recipient. This one is you, so you can read the message back with POP3 and IMAP. To write to a classmate, put their address here instead: it is at the top of their page.',
    notice: () => '250: the server will deliver to that mailbox.',
  },
  { line: /^USER bob$/i, to: (m) => `USER ${m.username}` },
  {
    line: /^PASS redqueen$/i,
    to: (m) => `PASS ${m.password}`,
    explanation: () =>
      '...then the password, in plain text: on a real server, only over TLS (POP3S, or STLS first). This is the practice password made for you.',
  },
  {
    line: /^STAT$/i,
    to: () => 'STAT',
    notice: () =>
      '+OK, the number of messages and their total size in octets: a one-line answer. Your mailbox started with the lesson\'s four messages; mail your classmates send you comes after them.',
  },
  {
    line: /^RSET$/i,
    to: () => 'RSET',
    explanation: () => 'Unmarks every message marked for deletion. The mailbox is yours alone: skip RSET to see QUIT delete, as in the lesson.',
  },
  { line: /^LOGIN frobozz xyzzy$/i, to: (m) => `LOGIN ${m.username} ${m.password}` },
];

/** The step with the attendee's own login or address in it; other steps as they are. */
export function personalStep(step: WalkthroughStep, mailbox: Mailbox): WalkthroughStep {
  if (typeof step.line !== 'string') return step;
  const rewrite = REWRITES.find((r) => r.line.test(step.line as string));
  if (!rewrite) return step;
  return {
    ...step,
    line: rewrite.to(mailbox),
    explanation: rewrite.explanation?.(mailbox) ?? step.explanation,
    notice: rewrite.notice?.(mailbox) ?? step.notice,
  };
}

/**
 * The protocols as an attendee's page shows them: only those their workshop practises (when it
 * names any), their own practice endpoints (from /api/me) as the presets where there are some,
 * and walkthroughs with their own mailbox.
 */
export function personalProtocols(
  infos: readonly ProtocolInfo[],
  mailbox: Mailbox,
  presets: Partial<Record<ProtocolId, PracticePreset[]>> = {},
  practised: readonly string[] = [],
): ProtocolInfo[] {
  const chosen = practised.length ? infos.filter((info) => practised.includes(info.id)) : infos;
  return (chosen.length ? chosen : infos).map((info) => ({
    ...info,
    practice: presets[info.id]?.length ? presets[info.id]! : info.practice,
    steps: info.steps.map((s) => personalStep(s, mailbox)),
  }));
}

/** The compose and AUTH helpers' fields, filled for the attendee (their values replace the lesson's). */
export function personalHelperValues(mailbox: Mailbox, name: string | undefined): Record<string, string> {
  const who = name?.trim() ? `${name.trim().replace(/[<>"]/g, '')} <${mailbox.address}>` : `<${mailbox.address}>`;
  return {
    'mail-from': who,
    'mail-to': who,
    'auth-user': mailbox.username,
    'auth-pass': mailbox.password,
  };
}
