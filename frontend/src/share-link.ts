import type { Conversation } from './conversation';
import { byId, el } from './dom';

/** What GET /api/transcripts/by-conversation/{session} answers. */
export interface TranscriptRef {
  id: string;
  url: string;
}

export type Fetcher = (url: string, init?: RequestInit) => Promise<Response>;

/** Transcripts are written in batches (about every 200 ms): wait a little longer before linking. */
export const STORED_AFTER_MS = 700;

/** The read-only share page of a transcript, and its server-side downloads. */
export function shareUrls(id: string, origin = window.location.origin): { page: string; txt: string; svg: string } {
  const safe = encodeURIComponent(id);
  return { page: `${origin}/t/${safe}`, txt: `/t/${safe}/transcript.txt`, svg: `/t/${safe}/transcript.svg` };
}

/**
 * The way from the live page to the share link of the current (or last) conversation. The
 * `connected` event names the conversation; the server says which transcript records it.
 */
export class ShareLink {
  private readonly link = byId<HTMLAnchorElement>('share-link');
  private readonly box = byId('share-box');
  private current: Conversation | null = null;

  constructor(private readonly fetcher: Fetcher = (u, i) => fetch(u, i)) {
    this.render();
  }

  /** A new conversation began: find its transcript, and link to it once its first batch is stored. */
  connected(c: Conversation): Promise<void> {
    this.current = c;
    this.render();
    if (!c.session) return Promise.resolve();
    return this.fetcher(`/api/transcripts/by-conversation/${encodeURIComponent(c.session)}`, { headers: { Accept: 'application/json' } })
      .then((r) => (r.ok ? (r.json() as Promise<TranscriptRef>) : Promise.reject(new Error(`HTTP ${r.status}`))))
      .then((ref) => {
        if (typeof ref?.id !== 'string') return;
        setTimeout(() => {
          c.transcriptId = ref.id;
          if (this.current === c) this.render();
        }, STORED_AFTER_MS);
      })
      .catch(() => {
        /* no recorder (or an old server): the page works without a share link */
      });
  }

  render(): void {
    const id = this.current?.transcriptId;
    this.link.hidden = !id;
    if (!id) {
      this.box.replaceChildren(el('p', { class: 'hint' }, 'Connect and talk to a server: every conversation is recorded (passwords masked) and gets a link you can share.'));
      return;
    }
    const urls = shareUrls(id);
    this.link.href = urls.page;
    const field = el('input', { id: 'share-url', readonly: true, value: urls.page, spellcheck: 'false' });
    field.value = urls.page;
    const copy = el('button', { type: 'button', id: 'share-copy' }, 'Copy');
    const said = el('span', { class: 'hint', 'aria-live': 'polite' });
    copy.addEventListener('click', () => {
      field.select();
      const done = () => (said.textContent = ' Copied.');
      if (navigator.clipboard?.writeText) navigator.clipboard.writeText(urls.page).then(done, () => (said.textContent = ' Press Ctrl+C to copy.'));
      else said.textContent = ' Selected: press Ctrl+C to copy.';
    });
    this.box.replaceChildren(
      el('label', { for: 'share-url' }, 'Share link (read-only, with playback; passwords masked)'),
      el('div', { class: 'share-row' }, field, copy, said),
      el(
        'p',
        { class: 'buttons' },
        el('a', { href: urls.page, target: '_blank', rel: 'noopener' }, 'Open the shared view'),
        el('a', { href: urls.txt, download: '' }, 'Stored .txt'),
        el('a', { href: urls.svg, download: '' }, 'Stored .svg'),
      ),
    );
  }
}
