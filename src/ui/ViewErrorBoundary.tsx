/**
 * One view's safety net: a render error inside it (a chart, a table, a panel) shows a message in
 * place of the view instead of blanking the whole app. The top bar stays, so another view can be
 * opened (App gives each view its own boundary, keyed by the view, so coming back tries again).
 *
 * The message offers the workspace as a `.slidecast.json` download (the same serialisation as
 * Save, the same download as the exports) and a reload, which restores the autosave. Nothing here
 * touches the store or the autosave: the work stays exactly as it was before the crash.
 */
import { Component, type ErrorInfo, type ReactNode } from 'react';
import { downloadText } from '../io/download';
import { suggestedFileName } from '../io/workspaceFiles';
import { errorText } from '../model/errorText';
import { serializeWorkspace } from '../model/workspaceFile';
import { useSlidecast } from '../state/store';
import './ViewErrorBoundary.css';

interface Props {
  /** How the message names the view: "The model view", "Present mode". */
  viewName: string;
  /** Where a view with no top bar (present mode) lets the user go instead. */
  onLeave?: () => void;
  leaveLabel?: string;
  children: ReactNode;
}

interface State {
  error: { message: string } | undefined;
}

/** Hands the workspace in the store to the browser as a download, without changing anything. */
function downloadWorkspace(): void {
  const { workspace } = useSlidecast.getState();
  downloadText(suggestedFileName(workspace), serializeWorkspace(workspace), 'application/json');
}

export class ViewErrorBoundary extends Component<Props, State> {
  override state: State = { error: undefined };

  static getDerivedStateFromError(thrown: unknown): State {
    return { error: { message: errorText(thrown) } };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    // For whoever opens the console to report it: the error and where in the tree it happened.
    console.error(`${this.props.viewName}: render error`, error, info.componentStack);
  }

  override render(): ReactNode {
    const { error } = this.state;
    if (!error) return this.props.children;
    const { viewName, onLeave, leaveLabel } = this.props;
    return (
      <main className="page">
        <div role="alert" className="banner banner-error view-crash" data-testid="view-crash">
          <div>
            <p>
              <strong>{viewName} stopped working.</strong> Your workspace is not lost: download it to keep a copy, or reload to
              carry on from the copy autosaved in this browser.
            </p>
            <p>
              The error: <code>{error.message}</code>
            </p>
          </div>
          <div className="view-crash-actions">
            <button type="button" onClick={downloadWorkspace}>
              Download the workspace
            </button>
            <button type="button" onClick={() => window.location.reload()}>
              Reload
            </button>
            {onLeave && (
              <button type="button" onClick={onLeave}>
                {leaveLabel ?? 'Leave'}
              </button>
            )}
          </div>
        </div>
      </main>
    );
  }
}
