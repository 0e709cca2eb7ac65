/**
 * The tab's title names the file and shows a • while there are unsaved changes; leaving the page
 * with unsaved changes asks first — and only then.
 */
import { useEffect } from 'react';
import { useSlidecast } from '../../state/store';
import { hasUnsavedChanges } from '../../state/workspaceSlice';

export function useDocumentGuards(): void {
  const unsaved = useSlidecast(hasUnsavedChanges);
  const fileName = useSlidecast((s) => s.fileName);
  const title = useSlidecast((s) => s.workspace.title);

  useEffect(() => {
    document.title = `${unsaved ? '• ' : ''}${fileName ?? title} — Slidecast`;
  }, [unsaved, fileName, title]);

  useEffect(() => {
    if (!unsaved) return;
    const ask = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      // Older browsers need returnValue set to show the prompt.
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', ask);
    return () => window.removeEventListener('beforeunload', ask);
  }, [unsaved]);
}
