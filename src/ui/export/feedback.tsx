/**
 * What an export did, told once: a status line for success (read out politely, gone after a few
 * seconds) and an alert for a failure (stays until dismissed or the next export).
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { errorText } from '../../model/errorText';

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

export interface ExportRunOptions {
  /** Said while a slow export runs ("Making the deck…"). */
  pending?: string;
  /** The alert for an export that threw or rejected, given the reason in words. */
  failure: (reason: string) => string;
}

/**
 * Runs exports and tells `line` what each did: a slow one (a promise) says `pending` until its
 * outcome; one that throws or rejects becomes the alert `failure(reason)`, never an uncaught
 * error. `busy` while one runs.
 */
export function useExportRun(line: FeedbackLine) {
  const [busy, setBusy] = useState(false);
  const { show, clear } = line;
  const run = useCallback(
    (action: () => ExportFeedback | Promise<ExportFeedback>, options: ExportRunOptions): void => {
      clear();
      setBusy(true);
      let outcome: ExportFeedback | Promise<ExportFeedback>;
      try {
        outcome = action();
      } catch (error) {
        outcome = { ok: false, message: options.failure(errorText(error)) };
      }
      if (outcome instanceof Promise && options.pending) show({ ok: true, message: options.pending, pending: true });
      void Promise.resolve(outcome)
        .catch((error: unknown): ExportFeedback => ({ ok: false, message: options.failure(errorText(error)) }))
        .then((result) => {
          setBusy(false);
          show(result);
        });
    },
    [show, clear],
  );
  return { busy, run };
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
