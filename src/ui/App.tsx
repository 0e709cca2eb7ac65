/** The app: top bar, banners, and the view chosen — the model screen, scenarios, or compare. */
import { lazy, Suspense, useEffect, useState } from 'react';
import { useSlidecast } from '../state/store';
import { AssumptionsPanel } from './assumptions/AssumptionsPanel';
import { HeadlineStrip } from './forecast/HeadlineStrip';
import { ForecastView } from './forecast/ForecastView';
import { WarningList } from './forecast/WarningList';
import { ScenariosView } from './scenarios/ScenariosView';
import { StatusBanners } from './StatusBanners';
import { TopBar, type View } from './TopBar';
import { DropZone } from './files/DropZone';
import { useDocumentGuards } from './files/useDocumentGuards';
import { useShortcuts } from './useShortcuts';

const CompareView = lazy(() => import('./compare/CompareView').then((m) => ({ default: m.CompareView })));

export function App() {
  const [view, setView] = useState<View>('model');
  const setCompareOpen = useSlidecast((s) => s.setCompareOpen);
  // Comparisons are computed in the worker only while the Compare view is on screen.
  useEffect(() => setCompareOpen(view === 'compare'), [view, setCompareOpen]);
  useShortcuts();
  useDocumentGuards();
  return (
    <div className="app">
      <TopBar view={view} onView={setView} />
      <StatusBanners />
      <HeadlineStrip />
      <WarningList />
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
      <DropZone />
    </div>
  );
}
