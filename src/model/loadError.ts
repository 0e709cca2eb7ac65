/**
 * Why a workspace file was refused, and how to say so to the person who opened it.
 *
 * Loading never throws: it returns one of these tagged errors, and `describeLoadError` turns each
 * tag into one message in plain words that names the field (`scenarios[0].model.baseSize.value:
 * must be …`). The switch is exhaustive, so a new tag cannot ship without its message.
 */
import { capped, quoted, formatCount } from './messageValue';
import type { JsonInputError } from './safeJson';

/** One rule a file breaks: where (`scenarios[0].model.endYear`, '' for the file as a whole) and what. */
export interface LoadIssue {
  path: string;
  message: string;
}

/** What stands at the top of a file that is not a workspace ('nothing': an empty value handed to the loader). */
export type JsonKind = 'object' | 'list' | 'text' | 'number' | 'true or false' | 'null' | 'nothing';

export type LoadError =
  /** Too large, not JSON, nested too deep, an unsafe or repeated key, too many fields or values (see `safeJson.ts`). */
  | JsonInputError
  /**
   * Valid JSON, but not a Slidecast workspace: no `format`, another format, or not an object.
   * `format` is the file's format as a message shows it: quoted and cut short (`messageValue.ts`).
   */
  | { kind: 'notAWorkspace'; topLevel: JsonKind; format?: string }
  /** Saved by a newer Slidecast than this one. */
  | { kind: 'versionTooNew'; version: number; newestKnown: number }
  /** Upgrading an older file to the current format failed. */
  | { kind: 'migrationFailed'; fromVersion: number; toVersion: number; reason: string }
  /**
   * The file breaks rules of the format; every issue names its field. Only the first few issues
   * are kept (`ISSUES_KEPT`): `moreIssues` counts the others found, and `stoppedEarly` says that
   * validation stopped looking, so there may be more still.
   */
  | { kind: 'invalid'; issues: LoadIssue[]; moreIssues?: number; stoppedEarly?: boolean }
  /** A fault in Slidecast itself while reading; the file may be fine. */
  | { kind: 'unexpected'; reason: string };

/** How many issues of an invalid file are spelt out before "… and N more". */
export const ISSUES_SHOWN = 5;

/**
 * How many issues of an invalid file are kept at most. Validation stops looking once it has this
 * many, so a file with a hundred thousand broken members costs ten messages, not a hundred thousand.
 */
export const ISSUES_KEPT = 10;

const MB = 1024 * 1024;

export function describeLoadError(error: LoadError): string {
  switch (error.kind) {
    case 'tooLarge':
      return (
        `The file is too large to open: about ${(error.length / MB).toFixed(1)} MB, ` +
        `and a workspace file may be at most ${(error.limit / MB).toFixed(0)} MB.`
      );
    case 'notJson':
      return (
        `The file could not be read at line ${error.line}, column ${error.column}` +
        `${error.path === '' ? '' : ` (${shortened(error.path)})`}: ${error.reason}.`
      );
    case 'tooDeep':
      return (
        `${at(error.path)}: the file nests lists and objects more than ${error.limit} levels deep; ` +
        'a workspace never needs that many.'
      );
    case 'unsafeKey':
      return `${at(error.path)}: a field named ${quoted(error.key)} is not allowed in a workspace file.`;
    case 'duplicateKey':
      return (
        `${at(error.path)}: the field ${quoted(error.key)} appears twice in the same place ` +
        `(again at line ${error.line}, column ${error.column}); keep only one.`
      );
    case 'tooManyFields':
      return (
        `${error.path === '' ? 'The file has' : `${shortened(error.path)}: has`} more than ${error.limit} fields ` +
        `(the first too many is at line ${error.line}, column ${error.column}); no object of a workspace has more than ten.`
      );
    case 'tooManyValues':
      return (
        `The file holds more than ${formatCount(error.limit)} values (numbers, texts, lists and ` +
        `objects; the first too many is at line ${error.line}, column ${error.column}), more than any workspace needs.`
      );
    case 'notAWorkspace':
      return `This is not a Slidecast workspace file: ${notAWorkspaceReason(error)}.`;
    case 'versionTooNew':
      return (
        `version: this file uses workspace format ${error.version}, which is newer than this copy of ` +
        `Slidecast can read (format ${error.newestKnown} at most). Open it with a newer Slidecast.`
      );
    case 'migrationFailed':
      return (
        `This file uses workspace format ${error.fromVersion}, and upgrading it to format ` +
        `${error.toVersion} failed: ${capped(error.reason)}.`
      );
    case 'invalid':
      return describeIssues(error.issues, error.moreIssues ?? 0, error.stoppedEarly ?? false);
    case 'unexpected':
      return `The file could not be opened because of a fault in Slidecast itself (${capped(error.reason)}).`;
    default:
      return unreachable(error);
  }
}

function notAWorkspaceReason(error: Extract<LoadError, { kind: 'notAWorkspace' }>): string {
  switch (error.topLevel) {
    case 'object':
      break;
    case 'nothing':
      return 'it holds nothing';
    case 'list':
      return 'it holds a list, not a workspace';
    default:
      return `it holds a single ${error.topLevel}, not a workspace`;
  }
  if (error.format === undefined) return 'it has no "format" field (a workspace file says "format": "slidecast.workspace")';
  return `its format is ${error.format}, not "slidecast.workspace"`;
}

function describeIssues(issues: readonly LoadIssue[], notKept: number, stoppedEarly: boolean): string {
  if (issues.length === 0) return 'The file does not follow the workspace format.';
  const lines = issues.slice(0, ISSUES_SHOWN).map((issue) => `${at(issue.path)}: ${capped(issue.message, 300)}`);
  const total = issues.length + notKept;
  if (total === 1 && !stoppedEarly) return lines[0]!;
  const more = total - lines.length;
  // Validation that stopped early knows a lower bound only: "at least", and no number of the rest.
  const heading = `The file has ${stoppedEarly ? 'at least ' : ''}${formatCount(total)} problems:`;
  const tail = stoppedEarly ? ['… and more.'] : more > 0 ? [`… and ${formatCount(more)} more.`] : [];
  return [heading, ...lines.map((line) => `- ${line}`), ...tail].join('\n');
}

/** Where a problem is: its field path, or the file as a whole. */
function at(path: string): string {
  return path === '' ? 'the file' : shortened(path);
}

/** A path of a runaway file (`[0][0][0]…` 64 times) shortened to something a person can read. */
function shortened(path: string, max = 120): string {
  return path.length <= max ? path : `${path.slice(0, max / 2)}…${path.slice(-max / 2)}`;
}

function unreachable(error: never): never {
  throw new Error(`Unknown load error: ${JSON.stringify(error)}`);
}
