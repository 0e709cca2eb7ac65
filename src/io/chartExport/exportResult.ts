/**
 * What every chart export returns: the value, or a tagged failure whose `message` can be shown to
 * a person as it is. Nothing in `src/io/chartExport/` throws to its caller.
 */

export type ExportFailure = 'notOnScreen' | 'unsupported' | 'denied' | 'failed';

export type ExportResult<T> = { ok: true; value: T } | { ok: false; reason: ExportFailure; message: string };
