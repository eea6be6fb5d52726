import './style.css';
import './share.css';
import './library.css';
import { App } from './app';
import { setupHelpers, syncHttpHost } from './helpers';
import { LibraryPanel } from './library-panel';
import { ParleySocket } from './socket';
import type { ProtocolInfo } from './types';

/** Boots the page: the WebSocket, the protocols list, the helpers. */
function boot(): void {
  let app: App | null = null;
  const socket = new ParleySocket({
    url: ParleySocket.defaultUrl(),
    onEvent: (ev) => app?.handle(ev),
    onState: (state, detail) => app?.socketState(state, detail),
  });
  app = new App(socket);
  setupHelpers(app);
  const a = app;
  const library = new LibraryPanel({
    form: a.form,
    get current() {
      return a.current;
    },
    connect: (op) => a.connect(op),
    fillInput: (line) => a.fillInput(line),
    showTab: (id) => a.panels.show(id),
  });
  void library.load();
  app.form.host.addEventListener('change', () => syncHttpHost(app!.form.host.value));
  socket.start();
  fetch('/api/protocols', { headers: { Accept: 'application/json' } })
    .then((r) => (r.ok ? r.json() : Promise.reject(new Error(`HTTP ${r.status}`))))
    .then((list: ProtocolInfo[]) => {
      app!.setProtocols(Array.isArray(list) ? list : []);
      library.protocolsLoaded();
      syncHttpHost(app!.form.host.value);
    })
    .catch(() => {
      document.getElementById('walkthrough')!.textContent = 'Could not load the walkthroughs and practice servers (GET /api/protocols failed). You can still connect to any host.';
    });
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', boot);
else boot();
