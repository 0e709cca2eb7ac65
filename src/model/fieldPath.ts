import { ECHO_LENGTH, quoted } from './messageValue';

/**
 * Where a problem sits in a workspace file, written the way a strategist reads it:
 * `scenarios[0].model.dimensions[2].members[1].share.value` — `[i]` for a position in a list,
 * `.name` for a field.
 */
export type FieldPath = readonly (string | number)[];

/** A field name that reads unambiguously after a dot; anything else is written as `["…"]`. */
const PLAIN_FIELD_NAME = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** Formats a path; the empty path (the file as a whole) is the empty string. */
export function formatFieldPath(path: FieldPath): string {
  let text = '';
  for (const segment of path) {
    if (typeof segment === 'number') text += `[${segment}]`;
    else if (segment.length <= ECHO_LENGTH && PLAIN_FIELD_NAME.test(segment)) text += text === '' ? segment : `.${segment}`;
    // A key with spaces, dots or quotes in it (only ever a misspelt field) stays readable and
    // cannot be mistaken for two nested fields; a runaway key is cut short like any value a
    // message repeats.
    else text += `[${quoted(segment)}]`;
  }
  return text;
}
