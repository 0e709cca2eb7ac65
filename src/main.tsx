import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './ui/App';
import { useSlidecast } from './state/store';
import { connectEngine } from './state/engineConnection';
import { connectSimulation } from './state/simulationConnection';
import { applyAutosaveEvent, applyRestore, connectAutosave, offerKeptAside } from './state/autosaveConnection';
import { createAutosave, indexedDbStorage, localStorageStash, type RestoreOutcome } from './io/autosave';
import { registerServiceWorker } from './io/serviceWorkerRegistration';
import { connectLaunchQueue, type LaunchQueue } from './io/launchQueue';
import { openLaunchedFile } from './ui/files/fileActions';
import { readStartupWorkspaceLink } from './ui/link/openWorkspaceLink';
import { audienceSessionFromUrl } from './io/audienceChannel';
import './ui/styles.css';

/** IndexedDB can hang rather than fail (some private modes): the app starts anyway. */
const RESTORE_TIMEOUT_MS = 2000;

/**
 * The audience window (src/ui/present/AudienceView.tsx): the engine, the simulation and the
 * presenter's workspace only — no autosave, no restore, no link, no service worker, no unsaved-changes prompt.
 */
async function startAudience(session: string, root: HTMLElement): Promise<void> {
  const { AudienceView } = await import('./ui/present/AudienceView');
  connectEngine(useSlidecast);
  // Its own simulation too, so the total chart has the presenter's fan (the same seed gives the same fan).
  connectSimulation(useSlidecast);
  useSlidecast.getState().setCompareOpen(true);
  createRoot(root).render(
    <StrictMode>
      <AudienceView session={session} />
    </StrictMode>,
  );
}

async function start(): Promise<void> {
  const audienceSession = audienceSessionFromUrl(window.location.search);
  const audienceRoot = document.getElementById('root');
  if (audienceSession && audienceRoot) return startAudience(audienceSession, audienceRoot);
  const autosave = createAutosave({
    storage: indexedDbStorage(),
    stash: localStorageStash(),
    onEvent: (event) => applyAutosaveEvent(useSlidecast, event),
    channel: typeof BroadcastChannel === 'function' ? new BroadcastChannel('slidecast-autosave') : undefined,
  });
  const timeout = new Promise<RestoreOutcome>((resolve) => setTimeout(() => resolve({ kind: 'none' }), RESTORE_TIMEOUT_MS));
  const restored = await Promise.race([autosave.restore(), timeout]);
  applyRestore(useSlidecast, restored);
  void offerKeptAside(useSlidecast, autosave, restored);
  // A workspace link in the address bar wins over the restored work, asking first when that work is
  // unsaved (src/ui/link/openWorkspaceLink.ts). Opened after autosave connects, so it is autosaved.
  const workspaceLink = await readStartupWorkspaceLink();
  connectAutosave(useSlidecast, autosave);
  workspaceLink.openBeforeRender();
  connectEngine(useSlidecast);
  connectSimulation(useSlidecast);

  const root = document.getElementById('root');
  if (!root) throw new Error('index.html has no #root element');
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
  workspaceLink.afterRender();
  // A .slidecast.json double-clicked with the app installed: opened like Open, after the restored
  // work is in place (the browser keeps the file queued until then).
  connectLaunchQueue(window as { launchQueue?: LaunchQueue }, (handle) => void openLaunchedFile(handle));
  registerServiceWorker();
}

void start();
