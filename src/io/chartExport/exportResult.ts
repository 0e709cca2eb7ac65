/**
 * What every chart export returns: the value, or a tagged failure whose `message` can be shown to
 * a person as it is. Nothing in `src/io/chartExport/` throws to its caller.
 */

export type ExportFailure = 'notOnScreen' | 'unsupported' | 'denied' | 'failed';

export type ExportResult<T> = { ok: true; value: T } | { ok: false; reason: ExportFailure; message: string };

/** An error caught on the way, as the words in brackets after a failure's message. */
export function describeError(error: unknown): string {
  if (error instanceof Error) return error.message || error.name;
  return String(error);
}
