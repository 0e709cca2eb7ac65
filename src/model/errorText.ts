/**
 * What was thrown, as words for a message: the one place that decides it.
 *
 * Anything can be thrown — an Error, a string, null, an object whose `toString` throws — and an
 * exception's message may repeat hostile input (a five-megabyte field of a file). Every caller that
 * puts a caught error into a message goes through `errorText`, which never throws, never returns an
 * empty text and keeps at most as much as `capped` (`messageValue.ts`) keeps of free text.
 */
import { capped } from './messageValue';

/** What a message says when what was thrown says nothing. */
export const UNKNOWN_ERROR = 'unknown error';

/**
 * `error` as text: an Error's message, else its name when that says more than "Error" (`TypeError`,
 * `QuotaExceededError`), else the thrown value as text; `ifNothing` when none of these has a word in
 * it (null, undefined, an empty message, a `toString` that throws). Cut to `capped`'s length.
 */
export function errorText(error: unknown, ifNothing: string = UNKNOWN_ERROR): string {
  const text = readText(error);
  return capped(text !== undefined && text.trim() !== '' ? text : ifNothing || UNKNOWN_ERROR);
}

function readText(error: unknown): string | undefined {
  // A getter, a Proxy or a toString may throw; what throws says nothing.
  try {
    if (error === null || error === undefined) return undefined;
    if (error instanceof Error || isErrorLike(error)) {
      const { message, name } = error as { message?: unknown; name?: unknown };
      if (typeof message === 'string' && message.trim() !== '') return message;
      return typeof name === 'string' && name !== 'Error' ? name : undefined;
    }
    const text: unknown = String(error);
    return typeof text === 'string' ? text : undefined;
  } catch {
    return undefined;
  }
}

/** An object with a text `message`: an Error from another realm, or one copied across a worker. */
function isErrorLike(error: unknown): boolean {
  return typeof error === 'object' && error !== null && typeof (error as { message?: unknown }).message === 'string';
}
