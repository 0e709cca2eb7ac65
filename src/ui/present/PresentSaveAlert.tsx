/**
 * Present mode hides the app's banners, but not that the work is no longer being kept: a failed
 * autosave, or a tab that stopped autosaving because another changed the workspace, shows in the
 * footer, as an alert, for as long as it holds.
 */
import { useSlidecast } from '../../state/store';
import { AUTOSAVE_SUPERSEDED } from '../StatusBanners';

export function PresentSaveAlert() {
  const autosave = useSlidecast((s) => s.autosave);
  if (autosave.kind === 'failed') {
    return (
      <span role="alert" className="present-save-alert" data-testid="present-autosave-failed">
        {autosave.message}
      </span>
    );
  }
  if (autosave.kind === 'superseded') {
    return (
      <span role="alert" className="present-save-alert" data-testid="present-autosave-superseded">
        {AUTOSAVE_SUPERSEDED} This tab no longer autosaves.
      </span>
    );
  }
  return null;
}
