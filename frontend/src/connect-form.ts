import { byId } from './dom';
import type { ClientOp, PracticePreset, ProtocolId, ProtocolInfo } from './types';
import { PROTOCOL_IDS } from './types';

export type ConnectOp = Extract<ClientOp, { op: 'connect' }>;

/** Fallbacks until /api/protocols answers (the well-known ports; no practice presets). */
const DEFAULT_PORTS: Record<ProtocolId, [number, number]> = {
  smtp: [25, 465],
  pop3: [110, 995],
  imap: [143, 993],
  http: [80, 443],
  raw: [7, 7],
};

export function presetLabel(p: PracticePreset, protocol: ProtocolId): string {
  const name = p.label?.trim() || `Practice ${protocol.toUpperCase()}${p.tls === 'implicit' ? ' over TLS' : ''}`;
  return `${name} (${p.host}:${p.port})`;
}

/**
 * The connect form: protocol, practice presets first (they fill host, port and TLS), then any
 * host and port with plain or implicit TLS.
 */
export class ConnectForm {
  readonly form = byId<HTMLFormElement>('connect-form');
  readonly protocol = byId<HTMLSelectElement>('protocol');
  readonly preset = byId<HTMLSelectElement>('preset');
  readonly host = byId<HTMLInputElement>('host');
  readonly port = byId<HTMLInputElement>('port');
  readonly tls = byId<HTMLSelectElement>('tls');
  readonly insecure = byId<HTMLInputElement>('insecure');
  private infos: ProtocolInfo[] = [];
  private ready = false;

  constructor(private readonly onProtocol: (id: ProtocolId) => void) {
    this.protocol.addEventListener('change', () => this.selectProtocol(this.selected));
    this.preset.addEventListener('change', () => this.applyPreset());
    this.tls.addEventListener('change', () => this.swapDefaultPort());
    for (const input of [this.host, this.port]) input.addEventListener('input', () => (this.preset.value = 'custom'));
    this.selectProtocol(this.selected);
    this.ready = true;
  }

  get selected(): ProtocolId {
    const v = this.protocol.value as ProtocolId;
    return PROTOCOL_IDS.includes(v) ? v : 'smtp';
  }

  /** The protocols this form offers. */
  get protocols(): readonly ProtocolInfo[] {
    return this.infos;
  }

  info(id: ProtocolId = this.selected): ProtocolInfo | undefined {
    return this.infos.find((p) => p.id === id);
  }

  /**
   * The protocols this page offers (all of them on a laptop; a workshop's own on an attendee's
   * page): the others leave the menu, and if the chosen one left, the first offered is chosen.
   */
  setProtocols(infos: ProtocolInfo[]): void {
    this.infos = infos;
    const offered = new Set(infos.map((p) => p.id));
    for (const option of Array.from(this.protocol.options)) {
      const gone = offered.size > 0 && !offered.has(option.value as ProtocolId);
      option.hidden = gone;
      option.disabled = gone;
    }
    const first = Array.from(this.protocol.options).find((o) => !o.disabled);
    this.selectProtocol(offered.size > 0 && !offered.has(this.selected) && first ? (first.value as ProtocolId) : this.selected);
  }

  selectProtocol(id: ProtocolId): void {
    this.protocol.value = id;
    const presets = this.info(id)?.practice ?? [];
    this.preset.replaceChildren();
    presets.forEach((p, i) => this.preset.append(new Option(presetLabel(p, id), String(i))));
    this.preset.append(new Option('Another server…', 'custom'));
    this.preset.value = presets.length ? '0' : 'custom';
    this.applyPreset();
    if (this.ready) this.onProtocol(id);
  }

  /** Fills the fields from a practice preset, or default ports for another server. */
  applyPreset(): void {
    const id = this.selected;
    const presets = this.info(id)?.practice ?? [];
    const p = this.preset.value === 'custom' ? undefined : presets[Number(this.preset.value)];
    if (p) {
      this.host.value = p.host;
      this.port.value = String(p.port);
      this.tls.value = p.tls;
      // Parley trusts the practice servers' own certificate: no need to accept any certificate.
      this.insecure.checked = false;
    } else {
      this.port.value = String(this.defaultPort(id, this.tls.value === 'implicit'));
    }
  }

  /** Choose a preset by its TLS mode (used by the walkthrough's connect button). */
  usePreset(preset: PracticePreset): void {
    const presets = this.info()?.practice ?? [];
    const i = presets.findIndex((p) => p.host === preset.host && p.port === preset.port && p.tls === preset.tls);
    this.preset.value = i >= 0 ? String(i) : 'custom';
    if (i < 0) {
      this.host.value = preset.host;
      this.port.value = String(preset.port);
      this.tls.value = preset.tls;
    }
    this.applyPreset();
  }

  private defaultPort(id: ProtocolId, tls: boolean): number {
    const info = this.info(id);
    const [plain, secure] = info ? [info.defaultPort, info.defaultTlsPort] : DEFAULT_PORTS[id];
    return (tls ? secure : plain) || DEFAULT_PORTS[id][tls ? 1 : 0];
  }

  private swapDefaultPort(): void {
    const id = this.selected;
    const tls = this.tls.value === 'implicit';
    if (this.preset.value !== 'custom') {
      // A practice preset of the other TLS mode, when there is one.
      const presets = this.info(id)?.practice ?? [];
      const other = presets.findIndex((p) => p.tls === this.tls.value);
      if (other >= 0) {
        this.preset.value = String(other);
        this.applyPreset();
        return;
      }
      this.preset.value = 'custom';
    }
    if (Number(this.port.value) === this.defaultPort(id, !tls)) this.port.value = String(this.defaultPort(id, tls));
  }

  /** The connect op, or a sentence saying what is wrong with the form. */
  read(): ConnectOp | string {
    const host = this.host.value.trim();
    const port = Number(this.port.value);
    if (!host) return 'Type a host name or address.';
    if (!Number.isInteger(port) || port < 1 || port > 65535) return 'The port is a number from 1 to 65535.';
    const tls = this.tls.value === 'implicit' ? 'implicit' : 'none';
    const op: ConnectOp = { op: 'connect', protocol: this.selected, host, port, tls };
    if (this.insecure.checked) op.insecure = true; // STARTTLS may need it too
    return op;
  }
}
