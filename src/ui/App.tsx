/** The app: top bar, banners, and the view chosen — the model screen, scenarios, compare, structure or analysis. */
import { lazy, Suspense, useCallback, useEffect, useState } from 'react';
import { useSlidecast } from '../state/store';
import { AssumptionsPanel } from './assumptions/AssumptionsPanel';
import { HeadlineStrip } from './forecast/HeadlineStrip';
import { WorkspaceName } from './WorkspaceName';
import { ForecastView } from './forecast/ForecastView';
import { WarningList } from './forecast/WarningList';
import { ScenariosView } from './scenarios/ScenariosView';
import { StatusBanners } from './StatusBanners';
import { TopBar, type View } from './TopBar';
import { DropZone } from './files/DropZone';
import { useDocumentGuards } from './files/useDocumentGuards';
import { useShortcuts } from './useShortcuts';
import { AppKeyList } from './AppKeyList';
import { PrintSummary } from './print/PrintSummary';
import { ViewErrorBoundary } from './ViewErrorBoundary';
import './print/print.css';

const PresentMode = lazy(() => import('./present/PresentMode').then((m) => ({ default: m.PresentMode })));
const CompareView = lazy(() => import('./compare/CompareView').then((m) => ({ default: m.CompareView })));
const StructureView = lazy(() => import('./structure/StructureView').then((m) => ({ default: m.StructureView })));
const AnalysisView = lazy(() => import('./analysis/AnalysisView').then((m) => ({ default: m.AnalysisView })));

/** How a view's error message names it (ViewErrorBoundary). */
const VIEW_NAMES: Record<View, string> = {
  model: 'The model view',
  scenarios: 'The Scenarios view',
  compare: 'The Compare view',
  structure: 'The Structure view',
  analysis: 'The Analysis view',
};

/**
 * The document's guards (unsaved-work prompt, the tab's title) in a component of their own: their
 * store subscription re-renders only this, not the whole app — the first edit flips "unsaved",
 * which re-rendered all 530 sliders of a large model when App held it.
 */
function DocumentGuards() {
  useDocumentGuards();
  return null;
}

export function App() {
  const [view, setView] = useState<View>('model');
  const [presenting, setPresenting] = useState(false);
  const [keysOpen, setKeysOpen] = useState(false);
  const setCompareOpen = useSlidecast((s) => s.setCompareOpen);
  // Comparisons are computed in the worker only while someone looks at them: the Compare view,
  // and present mode's ghost line of the base scenario.
  useEffect(() => setCompareOpen(view === 'compare' || presenting), [view, presenting, setCompareOpen]);
  const leavePresentation = useCallback(() => setPresenting(false), []);
  const toggleKeys = useCallback(() => setKeysOpen((open) => !open), []);
  const closeKeys = useCallback(() => setKeysOpen(false), []);
  // One way into present mode, for the key and the button alike: the list of keys is put away.
  const startPresenting = useCallback(() => {
    setKeysOpen(false);
    setPresenting(true);
  }, []);
  useShortcuts({ onPresent: startPresenting, onKeys: toggleKeys, enabled: !presenting });
  if (presenting) {
    // The guards stay on while presenting: edits made there are unsaved work too.
    return (
      <>
        <ViewErrorBoundary viewName="Present mode" onLeave={leavePresentation} leaveLabel="Leave present mode">
          <Suspense fallback={<p className="muted">Loading…</p>}>
            <PresentMode onLeave={leavePresentation} />
          </Suspense>
        </ViewErrorBoundary>
        <DocumentGuards />
      </>
    );
  }
  return (
    <div className="app">
      <TopBar view={view} onView={setView} onPresent={startPresenting} />
      <StatusBanners />
      <div className="summary-row">
        <WorkspaceName />
        <HeadlineStrip />
      </div>
      <WarningList />
      {/* Each view has its own boundary (key): a crash in one leaves the top bar, and the others, working. */}
      <ViewErrorBoundary key={view} viewName={VIEW_NAMES[view]}>
        {view === 'model' && (
          <main className="workbench">
            <AssumptionsPanel />
            <ForecastView />
          </main>
        )}
        {view === 'scenarios' && (
          <main className="page">
            <ScenariosView />
          </main>
        )}
        {view === 'compare' && (
          <main className="page">
            <Suspense fallback={<p className="muted">Loading…</p>}>
              <CompareView />
            </Suspense>
          </main>
        )}
        {view === 'structure' && (
          <main className="page">
            <Suspense fallback={<p className="muted">Loading…</p>}>
              <StructureView />
            </Suspense>
          </main>
        )}
        {view === 'analysis' && (
          <main className="page">
            <Suspense fallback={<p className="muted">Loading…</p>}>
              <AnalysisView />
            </Suspense>
          </main>
        )}
      </ViewErrorBoundary>
      {keysOpen && <AppKeyList onClose={closeKeys} />}
      <DropZone />
      <DocumentGuards />
      <PrintSummary />
    </div>
  );
}
