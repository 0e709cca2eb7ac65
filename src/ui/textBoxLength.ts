/**
 * How many characters a text box takes: twice what a file may hold, so that a paste past the
 * limit reaches the rule that names it (src/model/names.ts, src/model/workspaceSchema.ts) with a
 * message, instead of being cut short by the box without a word.
 */
import { WORKSPACE_LIMITS } from '../model/workspaceLimits';

/** A name, a title, a unit or a label. */
export const SHORT_TEXT_BOX_LENGTH = 2 * WORKSPACE_LIMITS.shortText;

/** A source or a note, which quote the report. */
export const LONG_TEXT_BOX_LENGTH = 2 * WORKSPACE_LIMITS.longText;
