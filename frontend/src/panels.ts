import { type PracticePorts, renderCompare, renderImapAnswer } from './compare';
import type { Conversation } from './conversation';
import { byId, download, el } from './dom';
import { ladderSvgText, layoutLadder, renderLadder } from './ladder';
import { setupTabs } from './tabs';
import { exportName, sharedEntries, toJson, toText } from './transcript';
import { appendVisible } from './visible';

/** What the tool panels read from the page. */
export interface PanelSource {
  readonly conversations: readonly Conversation[];
  readonly current: Conversation | null;
  /** The practice servers the connect form offers, for the Compare tab's ports row. */
  readonly practice: PracticePorts;
  scrollToRow(rowId: string): void;
}

/** The diagram of a conversation as it may be shared: secrets as the server masked them. */
export function sharedLadder(c: Conversation): SVGSVGElement {
  return renderLadder(layoutLadder(sharedEntries(c.entries), c.target));
}

/**
 * The tool tabs that follow the conversation: Compare, Diagram and Export. Only the visible one
 * is redrawn, at most every 100 ms, however fast events arrive.
 */
export class Panels {
  private visible = 'panel-walk';
  private timer: ReturnType<typeof setTimeout> | null = null;
  readonly show: (tabId: string) => void;

  constructor(private readonly source: PanelSource) {
    this.show = setupTabs(document.querySelector<HTMLElement>('[role="tablist"]')!, (panel) => {
      this.visible = panel;
      // Library mode shows code side by side: the tools get the wider column while it is open.
      document.querySelector('.layout')?.classList.toggle('wide-tools', panel === 'panel-library');
      this.refresh();
    });
    for (const id of ['compare', 'ladder']) byId(id).addEventListener('click', (e) => this.followRowLink(e));
    byId('download-svg').addEventListener('click', () => this.downloadSvg());
    byId('download-txt').addEventListener('click', () => this.exportAs('txt'));
    byId('download-json').addEventListener('click', () => this.exportAs('json'));
  }

  get visiblePanel(): string {
    return this.visible;
  }

  scheduleRefresh(): void {
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.refresh();
    }, 100);
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  refresh(): void {
    const c = this.source.current;
    if (this.visible === 'panel-compare') byId('compare').replaceChildren(renderCompare(this.source.conversations, this.source.practice), renderImapAnswer());
    if (this.visible === 'panel-diagram') {
      byId('ladder').replaceChildren(c && c.entries.length ? sharedLadder(c) : el('p', {}, 'Nothing to draw yet: connect and send a line.'));
    }
    if (this.visible === 'panel-export') {
      const pre = byId('export-preview');
      pre.replaceChildren();
      appendVisible(pre, c ? toText(c) : 'Nothing to export yet.', true);
    }
  }

  private followRowLink(e: Event): void {
    const target = (e.target as Element).closest('[data-row]');
    if (!target) return;
    e.preventDefault();
    this.source.scrollToRow(target.getAttribute('data-row')!);
  }

  private downloadSvg(): void {
    const c = this.source.current;
    if (!c) return;
    download(exportName(c, 'svg'), ladderSvgText(sharedLadder(c)), 'image/svg+xml');
  }

  private exportAs(kind: 'txt' | 'json'): void {
    const c = this.source.current;
    if (!c) return;
    if (kind === 'txt') download(exportName(c, 'txt'), toText(c), 'text/plain;charset=utf-8');
    else download(exportName(c, 'json'), toJson(c), 'application/json');
  }
}
