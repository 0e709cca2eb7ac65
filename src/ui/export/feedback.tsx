/**
 * What an export did, told once: a status line for success (read out politely, gone after a few
 * seconds) and an alert for a failure (stays until dismissed or the next export).
 */
import { useCallback, useEffect, useRef, useState } from 'react';

/**
 * `pending`: work under way ("Making the deck…"); it stays until the outcome replaces it, where a
 * success's line goes after a few seconds.
 */
export type ExportFeedback = { ok: true; message: string; pending?: boolean } | { ok: false; message: string };

/** Where a control that exports tells what it did, when it shares another's feedback line. */
export interface FeedbackLine {
  show: (feedback: ExportFeedback) => void;
  clear: () => void;
}

const STATUS_MS = 6000;

export function useFeedback() {
  const [feedback, setFeedback] = useState<ExportFeedback | undefined>(undefined);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const clear = useCallback(() => {
    clearTimeout(timer.current);
    setFeedback(undefined);
  }, []);

  const show = useCallback((next: ExportFeedback) => {
    clearTimeout(timer.current);
    setFeedback(next);
    if (next.ok && next.pending !== true) timer.current = setTimeout(() => setFeedback(undefined), STATUS_MS);
  }, []);

  useEffect(() => () => clearTimeout(timer.current), []);
  return { feedback, show, clear };
}

export function FeedbackMessage({ feedback, onDismiss }: { feedback: ExportFeedback | undefined; onDismiss: () => void }) {
  return (
    <div className="export-feedback">
      {/* Always in the page, so screen readers hear what is put in it. */}
      <p role="status" className="export-status">
        {feedback?.ok ? feedback.message : ''}
      </p>
      {feedback && !feedback.ok && (
        <div role="alert" className="export-error">
          <p>{feedback.message}</p>
          <button type="button" onClick={onDismiss} aria-label="Dismiss the export message">
            ×
          </button>
        </div>
      )}
    </div>
  );
}
