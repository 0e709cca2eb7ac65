import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './ui/App';
import { useSlidecast } from './state/store';
import { connectEngine } from './state/engineConnection';
import { connectSimulation } from './state/simulationConnection';
import { applyAutosaveEvent, applyRestore, connectAutosave } from './state/autosaveConnection';
import { createAutosave, indexedDbStorage, localStorageStash, type RestoreOutcome } from './io/autosave';
import { registerServiceWorker } from './io/serviceWorkerRegistration';
import { connectLaunchQueue, type LaunchQueue } from './io/launchQueue';
import { openLaunchedFile } from './ui/files/fileActions';
import { readStartupWorkspaceLink } from './ui/link/openWorkspaceLink';
import './ui/styles.css';

/** IndexedDB can hang rather than fail (some private modes): the app starts anyway. */
const RESTORE_TIMEOUT_MS = 2000;

async function start(): Promise<void> {
  const autosave = createAutosave({
    storage: indexedDbStorage(),
    stash: localStorageStash(),
    onEvent: (event) => applyAutosaveEvent(useSlidecast, event),
    channel: typeof BroadcastChannel === 'function' ? new BroadcastChannel('slidecast-autosave') : undefined,
  });
  const timeout = new Promise<RestoreOutcome>((resolve) => setTimeout(() => resolve({ kind: 'none' }), RESTORE_TIMEOUT_MS));
  applyRestore(useSlidecast, await Promise.race([autosave.restore(), timeout]));
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
