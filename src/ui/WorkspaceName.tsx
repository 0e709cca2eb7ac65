/** Which workspace this is: its title, the file it lives in, and whether changes are unsaved. */
import { useSlidecast } from '../state/store';
import { hasUnsavedChanges } from '../state/workspaceSlice';

export function WorkspaceName() {
  const title = useSlidecast((s) => s.workspace.title);
  const fileName = useSlidecast((s) => s.fileName);
  const unsaved = useSlidecast(hasUnsavedChanges);
  return (
    <div className="workspace-name">
      <h1 className="workspace-title">{title}</h1>
      <span className="file-name" data-testid="file-name">
        {fileName ?? 'Not saved to a file'}
        {unsaved && (
          <span className="unsaved" data-testid="unsaved-marker" title="Changes not saved to a file">
            {' '}• unsaved changes
          </span>
        )}
      </span>
    </div>
  );
}
