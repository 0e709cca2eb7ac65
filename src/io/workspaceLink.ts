/**
 * Share links: the whole workspace inside the URL fragment, which browsers never send to a server.
 *
 * Format 1: `#w=1.<payload>`, where the payload is the workspace file's JSON without indentation
 * (`serializeWorkspace`, so fields keep the format's order), compressed with zlib
 * (`CompressionStream('deflate')`), written in base64url without padding. The `1.` is the version
 * of the link format, so a later format can be told apart from a damaged link.
 *
 * zlib rather than raw deflate: its Adler-32 checksum costs 6 bytes (8 characters) and makes every
 * single changed character — a chat app that "fixes" a letter, a link cut short — a refusal instead
 * of a workspace with one silently different number. (A deliberate forger can still write a valid
 * link; it then gets exactly the validation a file gets, which is what guards the app.)
 *
 * Opening treats the link as hostile, in this order:
 * 1. the fragment's length is capped before anything is decoded (`MAX_SHARE_FRAGMENT_LENGTH`);
 * 2. base64url is decoded strictly (no stray characters, no non-zero padding bits);
 * 3. the decompressed size is capped while it streams (`MAX_JSON_TEXT_LENGTH`): a "zip bomb" of
 *    highly compressible text is stopped as soon as it passes the cap, never unpacked whole;
 * 4. the bytes must be valid UTF-8, then `parseWorkspaceFile` runs the file's own checks (unsafe
 *    keys, depth, format, version, migrations, validation) with the file's own messages.
 *
 * Every function here returns a tagged result and never throws.
 */
import { describeLoadError, type LoadError } from '../model/loadError';
import { MAX_JSON_TEXT_LENGTH } from '../model/safeJson';
import type { Workspace } from '../model/types';
import { parseWorkspaceFile, serializeWorkspace } from '../model/workspaceFile';

/** What starts a workspace link's fragment; anything else in the fragment is not ours to read. */
export const SHARE_FRAGMENT_PREFIX = '#w=';
/** The link format this Slidecast writes and reads. */
export const SHARE_LINK_VERSION = '1';

/**
 * The longest fragment (everything from the `#`) we make or read: 100 kB of text.
 *
 * - The seed workspace's link is about 4.3 kB, so this holds a workspace about 24 times its size
 *   (dozens of scenarios): any real workspace fits.
 * - Browsers accept far longer addresses (Chromium up to 2 MB), so a link we make opens; but past
 *   this size a link is unwieldy in email and chat (many chat apps cut messages at a few tens of
 *   kB), and a file is the better way to share.
 * - Checking the length first bounds the work done on a hostile link: decoding 100 kB of base64
 *   takes well under a millisecond, and what it unpacks to is capped separately.
 */
export const MAX_SHARE_FRAGMENT_LENGTH = 100 * 1024;

export type WorkspaceLinkError =
  /** The fragment is longer than links may be (checked before decoding). */
  | { kind: 'tooLong'; length: number; limit: number }
  /** A link format this Slidecast does not know (a newer one, or a mangled prefix). */
  | { kind: 'unknownVersion'; version: string }
  /** Not base64url, broken compressed data, a failed checksum, or not UTF-8: damaged or cut short. */
  | { kind: 'damaged' }
  /** The payload unpacks to more than a workspace file may be; `unpackedBytes` is where reading stopped. */
  | { kind: 'unpacksTooLarge'; unpackedBytes: number; limit: number }
  /** This browser has no CompressionStream / DecompressionStream. */
  | { kind: 'unsupported' }
  /** The unpacked text is not a valid workspace: the same reasons and messages as a file. */
  | { kind: 'workspace'; error: LoadError };

export type WorkspaceLinkEncoding = { ok: true; fragment: string } | { ok: false; error: WorkspaceLinkError };
export type WorkspaceLinkDecoding = { ok: true; workspace: Workspace } | { ok: false; error: WorkspaceLinkError };

/** Whether a location's fragment (`location.hash`) is a workspace link at all. */
export function isLinkFragment(hash: string): boolean {
  return hash.startsWith(SHARE_FRAGMENT_PREFIX);
}

/** The workspace link fragment (`#w=1.…`) of a workspace, or why there is none (too long). */
export async function encodeWorkspaceLink(workspace: Workspace): Promise<WorkspaceLinkEncoding> {
  let compact: string;
  try {
    // The file's own serializer fixes the field order; re-stringifying drops the indentation.
    compact = JSON.stringify(JSON.parse(serializeWorkspace(workspace)));
  } catch {
    return { ok: false, error: { kind: 'damaged' } };
  }
  return packLinkFragment(compact);
}

/** The fragment for any text (the workspace's JSON, or — in tests — a hostile one). */
export async function packLinkFragment(text: string): Promise<WorkspaceLinkEncoding> {
  if (typeof CompressionStream !== 'function') return { ok: false, error: { kind: 'unsupported' } };
  let compressed: Uint8Array;
  try {
    compressed = await readAll(streamOf(new TextEncoder().encode(text)).pipeThrough(new CompressionStream('deflate')));
  } catch {
    return { ok: false, error: { kind: 'unsupported' } };
  }
  const fragment = `${SHARE_FRAGMENT_PREFIX}${SHARE_LINK_VERSION}.${toBase64Url(compressed)}`;
  if (fragment.length > MAX_SHARE_FRAGMENT_LENGTH) {
    return { ok: false, error: { kind: 'tooLong', length: fragment.length, limit: MAX_SHARE_FRAGMENT_LENGTH } };
  }
  return { ok: true, fragment };
}

/** A full address: the page's address without its fragment, plus the share fragment. */
export function linkUrl(pageUrl: string, fragment: string): string {
  const hashAt = pageUrl.indexOf('#');
  return `${hashAt === -1 ? pageUrl : pageUrl.slice(0, hashAt)}${fragment}`;
}

/** Opens a workspace link's fragment (`location.hash`, with its `#`). Never throws. */
export async function decodeLinkFragment(hash: string): Promise<WorkspaceLinkDecoding> {
  try {
    return await decode(hash);
  } catch {
    // A fault in the browser's streams or in this code: the link is refused, the app unharmed.
    return { ok: false, error: { kind: 'damaged' } };
  }
}

async function decode(hash: string): Promise<WorkspaceLinkDecoding> {
  // 1. The length, before a single character is decoded.
  if (hash.length > MAX_SHARE_FRAGMENT_LENGTH) {
    return { ok: false, error: { kind: 'tooLong', length: hash.length, limit: MAX_SHARE_FRAGMENT_LENGTH } };
  }
  if (!isLinkFragment(hash)) return { ok: false, error: { kind: 'damaged' } };
  const body = hash.slice(SHARE_FRAGMENT_PREFIX.length);
  const dot = body.indexOf('.');
  const version = dot === -1 ? body.slice(0, 12) : body.slice(0, dot);
  if (version !== SHARE_LINK_VERSION) {
    return dot === -1 || !/^\d{1,6}$/.test(version)
      ? { ok: false, error: { kind: 'damaged' } }
      : { ok: false, error: { kind: 'unknownVersion', version } };
  }

  // 2. Strict base64url.
  const compressed = fromBase64Url(body.slice(dot + 1));
  if (compressed === undefined || compressed.length === 0) return { ok: false, error: { kind: 'damaged' } };

  // 3. Decompress, stopping at the cap.
  if (typeof DecompressionStream !== 'function') return { ok: false, error: { kind: 'unsupported' } };
  const unpacked = await inflateWithin(compressed, MAX_JSON_TEXT_LENGTH);
  if (!unpacked.ok) return { ok: false, error: unpacked.error };

  // 4. Text, then the file's own checks.
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(unpacked.bytes);
  } catch {
    return { ok: false, error: { kind: 'damaged' } };
  }
  const loaded = parseWorkspaceFile(text);
  return loaded.ok ? loaded : { ok: false, error: { kind: 'workspace', error: loaded.error } };
}

// ——— Messages ——————————————————————————————————————————————————————————————————————————————————

const KB = 1024;
const MB = 1024 * 1024;

/** Sizes as people read them: a link just over the limit must not read "100 kB; limited to 100 kB". */
export function kilobytes(characters: number): number {
  return Math.ceil(characters / KB);
}

export function describeWorkspaceLinkError(error: WorkspaceLinkError): string {
  switch (error.kind) {
    case 'tooLong':
      return (
        // Said alike of a link made and of one opened, whose contents are not known yet (junk as often as a workspace).
        `This link is ${kilobytes(error.length)} kB long; links are limited to ` +
        `${kilobytes(error.limit)} kB — share the file instead.`
      );
    case 'unknownVersion':
      return (
        `This link uses link format ${error.version}, which is newer than this copy of Slidecast can read ` +
        `(format ${SHARE_LINK_VERSION}). Open it with a newer Slidecast, or ask for the workspace file.`
      );
    case 'damaged':
      return (
        'The link is damaged or incomplete: part of it was changed or cut off on the way (some apps shorten long ' +
        'links). Ask for the link again, or for the workspace file.'
      );
    case 'unpacksTooLarge':
      return (
        `The workspace in this link unpacks to more than ${(error.limit / MB).toFixed(0)} MB, and a workspace may ` +
        `be at most ${(error.limit / MB).toFixed(0)} MB.`
      );
    case 'unsupported':
      return 'This browser cannot read or make workspace links (it lacks CompressionStream). Share the workspace file instead.';
    case 'workspace':
      return describeLoadError(error.error);
    default:
      return unreachable(error);
  }
}

function unreachable(error: never): never {
  throw new Error(`Unknown workspace link error: ${JSON.stringify(error)}`);
}

// ——— Streams —————————————————————————————————————————————————————————————————————————————————————

function streamOf(bytes: Uint8Array<ArrayBuffer>): ReadableStream<BufferSource> {
  return new ReadableStream<BufferSource>({
    start(controller) {
      controller.enqueue(bytes);
      controller.close();
    },
  });
}

async function readAll(stream: ReadableStream<Uint8Array>): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  const reader = stream.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
  }
  return concat(chunks, chunks.reduce((sum, chunk) => sum + chunk.byteLength, 0));
}

type Inflated = { ok: true; bytes: Uint8Array } | { ok: false; error: WorkspaceLinkError };

/**
 * Decompresses zlib data, reading the output chunk by chunk and cancelling the stream as soon as
 * it passes `limit` bytes: memory stays within the limit plus one chunk, however much the data
 * would unpack to. Corrupt data, a failed checksum and a stream cut short all end as `damaged`.
 */
async function inflateWithin(compressed: Uint8Array<ArrayBuffer>, limit: number): Promise<Inflated> {
  const reader = streamOf(compressed).pipeThrough(new DecompressionStream('deflate')).getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > limit) {
        reader.cancel().catch(() => undefined);
        return { ok: false, error: { kind: 'unpacksTooLarge', unpackedBytes: total, limit } };
      }
      chunks.push(value);
    }
  } catch {
    return { ok: false, error: { kind: 'damaged' } };
  }
  return { ok: true, bytes: concat(chunks, total) };
}

function concat(chunks: readonly Uint8Array[], total: number): Uint8Array {
  const bytes = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  return bytes;
}

// ——— base64url ———————————————————————————————————————————————————————————————————————————————————

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const SIXBITS = new Int8Array(128).fill(-1);
for (let i = 0; i < ALPHABET.length; i++) SIXBITS[ALPHABET.charCodeAt(i)] = i;

/** base64url without padding (RFC 4648 §5): every character is safe in a fragment, unescaped. */
export function toBase64Url(bytes: Uint8Array): string {
  let out = '';
  let i = 0;
  for (; i + 2 < bytes.length; i += 3) {
    const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8) | bytes[i + 2]!;
    out += ALPHABET[n >> 18]! + ALPHABET[(n >> 12) & 63]! + ALPHABET[(n >> 6) & 63]! + ALPHABET[n & 63]!;
  }
  const rest = bytes.length - i;
  if (rest === 1) {
    const n = bytes[i]! << 16;
    out += ALPHABET[n >> 18]! + ALPHABET[(n >> 12) & 63]!;
  } else if (rest === 2) {
    const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8);
    out += ALPHABET[n >> 18]! + ALPHABET[(n >> 12) & 63]! + ALPHABET[(n >> 6) & 63]!;
  }
  return out;
}

/**
 * Strict base64url: only the 64 characters, no padding, a length an encoder can produce, and the
 * unused bits of the last character zero — so no two texts decode to the same bytes, and a
 * changed last character is never silently ignored. Undefined when the text is not such.
 */
export function fromBase64Url(text: string): Uint8Array<ArrayBuffer> | undefined {
  if (text.length % 4 === 1) return undefined;
  const bytes = new Uint8Array(Math.floor((text.length * 6) / 8));
  let buffer = 0;
  let bits = 0;
  let at = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const value = code < 128 ? SIXBITS[code]! : -1;
    if (value < 0) return undefined;
    buffer = (buffer << 6) | value;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      bytes[at++] = (buffer >> bits) & 0xff;
      buffer &= (1 << bits) - 1;
    }
  }
  return buffer === 0 ? bytes : undefined;
}
