/**
 * The audience window (`?view=audience&session=…`, opened by present mode's "Open audience window"):
 * present mode's headline and charts (or its tornado, while the presenter shows it), big, and nothing
 * else — no sliders, no top bar, no menus.
 * It holds a read-only copy of the presenter's workspace, received over the audience channel
 * (src/io/audienceChannel.ts, which checks every message as a file is checked), and computes its
 * forecast in its own engine worker. It never autosaves, never writes storage and never asks about
 * unsaved changes: main.tsx boots it without any of that. While the presenter is away (closed,
 * reloading, or left present mode) it says so, and resumes when the presenter is back.
 */
import { useEffect, useState } from 'react';
import { openAudienceChannel, type AudienceViewState, type ChannelEnvironment } from '../../io/audienceChannel';
import { useSlidecast } from '../../state/store';
import { PresentCharts, PresentHeadline } from './PresentStage';
import { PresentTornado } from './PresentTornado';
import './present.css';

export function AudienceView({ session, environment }: { session: string; environment?: ChannelEnvironment }) {
  const [presenterHere, setPresenterHere] = useState(false);
  const [view, setView] = useState<AudienceViewState | undefined>(undefined);
  useEffect(() => {
    const channel = openAudienceChannel(
      session,
      {
        onState: (workspace, next) => {
          const state = useSlidecast.getState();
          state.replaceWorkspace(workspace);
          state.setTornadoMetric(next.tornadoMetric);
          setView(next);
        },
        onPresenter: setPresenterHere,
      },
      environment,
    );
    const onPageHide = () => channel.close();
    window.addEventListener('pagehide', onPageHide);
    return () => {
      window.removeEventListener('pagehide', onPageHide);
      channel.close();
    };
  }, [session, environment]);

  return (
    <div className="present present-audience" data-testid="audience-view">
      {presenterHere && view ? (
        <>
          <PresentHeadline />
          <main className="present-body present-body-audience">
            {view.tornado ? <PresentTornado /> : <PresentCharts ghost={view.ghost} dimensionIndex={view.dimensionIndex} />}
          </main>
        </>
      ) : (
        <p className="audience-waiting" role="status">
          Waiting for the presenter…
        </p>
      )}
    </div>
  );
}
