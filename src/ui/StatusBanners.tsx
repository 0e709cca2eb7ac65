/**
 * Problems the user must know about, each in an element with role `alert`: a file that was not
 * opened or saved, autosave that failed or was superseded by another tab, autosaves kept aside.
 */
import { useSlidecast } from '../state/store';
import { KeptAsideBanner } from './files/KeptAsideBanner';

/** Why a tab stopped autosaving, in its own words: the banner's lead and present mode's footer. */
export const AUTOSAVE_SUPERSEDED = 'This workspace was changed in another tab.';

export function StatusBanners() {
  const problem = useSlidecast((s) => s.problem);
  const autosave = useSlidecast((s) => s.autosave);
  const reportProblem = useSlidecast((s) => s.reportProblem);

  return (
    <div className="banners">
      {problem && (
        <div role="alert" className="banner banner-error" data-testid="problem">
          <p>
            <strong>{problem.title}.</strong> {problem.message}
          </p>
          <button type="button" onClick={() => reportProblem(undefined)} aria-label="Dismiss this message">
            Dismiss
          </button>
        </div>
      )}
      {autosave.kind === 'failed' && (
        <div role="alert" className="banner banner-error" data-testid="autosave-failed">
          <p>{autosave.message}</p>
        </div>
      )}
      {autosave.kind === 'superseded' && (
        <div role="alert" className="banner banner-warning" data-testid="autosave-superseded">
          <p>
            <strong>{AUTOSAVE_SUPERSEDED}</strong> This tab no longer autosaves, so it cannot overwrite the newer work. Reload to
            continue with it, or save this tab’s version to a file.
          </p>
          <button type="button" onClick={() => window.location.reload()}>
            Reload
          </button>
        </div>
      )}
      <KeptAsideBanner />
    </div>
  );
}
