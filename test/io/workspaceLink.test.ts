import { randomBytes } from 'node:crypto';
import { describe, expect, it, vi } from 'vitest';
import {
  decodeLinkFragment,
  describeWorkspaceLinkError,
  encodeWorkspaceLink,
  fromBase64Url,
  isLinkFragment,
  MAX_SHARE_FRAGMENT_LENGTH,
  packLinkFragment,
  linkUrl,
  toBase64Url,
  type WorkspaceLinkDecoding,
  type WorkspaceLinkError,
} from '../../src/io/workspaceLink';
import { MAX_JSON_TEXT_LENGTH } from '../../src/model/safeJson';
import { seedWorkspace } from '../../src/model/seedWorkspace';
import { describeLoadError } from '../../src/model/loadError';
import { parseWorkspaceFile, serializeWorkspace } from '../../src/model/workspaceFile';

async function seedFragment(): Promise<string> {
  const encoded = await encodeWorkspaceLink(seedWorkspace());
  if (!encoded.ok) throw new Error(`the seed has no link: ${describeWorkspaceLinkError(encoded.error)}`);
  return encoded.fragment;
}

function errorOf(decoded: WorkspaceLinkDecoding): WorkspaceLinkError {
  if (decoded.ok) throw new Error('expected the link to be refused, but it opened');
  return decoded.error;
}

/** The same position, another character of the base64url alphabet. */
function flipped(fragment: string, at: number): string {
  const c = fragment[at]!;
  const other = c === 'A' ? 'B' : 'A';
  return `${fragment.slice(0, at)}${other}${fragment.slice(at + 1)}`;
}

describe('workspace links', () => {
  it('round-trips the seed workspace to the same file bytes, in a link of a few kB', async () => {
    const fragment = await seedFragment();
    expect(fragment).toMatch(/^#w=1\.[A-Za-z0-9_-]+$/);
    expect(fragment.length).toBeLessThan(11 * 1024);
    const decoded = await decodeLinkFragment(fragment);
    expect(decoded.ok).toBe(true);
    if (decoded.ok) expect(serializeWorkspace(decoded.workspace)).toBe(serializeWorkspace(seedWorkspace()));
  });

  it('builds the address from the page address without its own fragment', () => {
    expect(linkUrl('https://example.org/app/?x=1#old', '#w=1.abc')).toBe('https://example.org/app/?x=1#w=1.abc');
    expect(linkUrl('http://127.0.0.1:4173/', '#w=1.abc')).toBe('http://127.0.0.1:4173/#w=1.abc');
    expect(isLinkFragment('#w=1.abc')).toBe(true);
    expect(isLinkFragment('#section-2')).toBe(false);
    expect(isLinkFragment('')).toBe(false);
  });

  it('refuses the link when any single character of it is changed — never a silently different workspace', async () => {
    const fragment = await seedFragment();
    const payloadStart = '#w=1.'.length;
    // Every 3rd position (a third of the link, spread over all of it, in 1.5 s rather than 4.5 s),
    // and all of the last 16: the checksum and the padding bits live there.
    // (With raw deflate and no checksum, 306 of the seed link's 4,243 single-character changes
    // opened a different valid workspace.)
    const positions: number[] = [];
    for (let at = payloadStart; at < fragment.length; at++) {
      if ((at - payloadStart) % 3 === 0 || at >= fragment.length - 16) positions.push(at);
    }
    const results = await Promise.all(positions.map((at) => decodeLinkFragment(flipped(fragment, at))));
    const opened = positions.filter((_, i) => results[i]!.ok);
    expect(opened).toEqual([]);
    expect(results.every((result) => !result.ok && result.error.kind === 'damaged')).toBe(true);
    expect(describeWorkspaceLinkError(errorOf(results[0]!))).toMatch(/damaged or incomplete/);
  }, 20_000);

  it('refuses a link cut short, a stray character and a foreign prefix', async () => {
    const fragment = await seedFragment();
    for (const cut of [fragment.length - 1, fragment.length - 7, Math.floor(fragment.length / 2), '#w=1.'.length + 1]) {
      expect(errorOf(await decodeLinkFragment(fragment.slice(0, cut))).kind).toBe('damaged');
    }
    expect(errorOf(await decodeLinkFragment(`${fragment.slice(0, 40)}%${fragment.slice(41)}`)).kind).toBe('damaged');
    expect(errorOf(await decodeLinkFragment('#w=1.')).kind).toBe('damaged');
    expect(errorOf(await decodeLinkFragment('#w=abc')).kind).toBe('damaged');
    expect(errorOf(await decodeLinkFragment('#x=1.abc')).kind).toBe('damaged');
  });

  it('names a newer link format instead of calling it damaged', async () => {
    const fragment = await seedFragment();
    const error = errorOf(await decodeLinkFragment(fragment.replace('#w=1.', '#w=2.')));
    expect(error).toEqual({ kind: 'unknownVersion', version: '2' });
    expect(describeWorkspaceLinkError(error)).toContain('link format 2');
  });

  it('refuses an oversized fragment before decoding any of it, with the size in the message', async () => {
    const inflate = vi.spyOn(globalThis, 'DecompressionStream');
    const hash = `#w=1.${'A'.repeat(MAX_SHARE_FRAGMENT_LENGTH)}`;
    const error = errorOf(await decodeLinkFragment(hash));
    expect(error).toEqual({ kind: 'tooLong', length: hash.length, limit: MAX_SHARE_FRAGMENT_LENGTH });
    expect(inflate).not.toHaveBeenCalled();
    expect(describeWorkspaceLinkError(error)).toBe(
      'This link is 101 kB long; links are limited to 100 kB — share the file instead.',
    );
    // Even garbage that is not base64 at all is refused for its size, not decoded first.
    expect(errorOf(await decodeLinkFragment(`#w=1.${'%'.repeat(200_000)}`)).kind).toBe('tooLong');
  });

  it('will not make a link longer than links may be', async () => {
    // Text that does not compress: 200,000 characters of random base64.
    const text = randomBytes(150_000).toString('base64');
    const encoded = await packLinkFragment(JSON.stringify({ notes: text }));
    expect(encoded.ok).toBe(false);
    if (!encoded.ok) {
      expect(encoded.error.kind).toBe('tooLong');
      expect(describeWorkspaceLinkError(encoded.error)).toMatch(/^This link is \d+ kB long; links are limited to 100 kB — share the file instead\.$/);
    }
  });

  it('stops unpacking a zip bomb (50 MB of spaces) at the size cap instead of unpacking it all', async () => {
    // 50 MB of spaces compress to about 50 kB: a link short enough to pass the length cap.
    const compressor = new CompressionStream('deflate');
    const writer = compressor.writable.getWriter();
    const block = new Uint8Array(1024 * 1024).fill(0x20);
    const written = (async () => {
      for (let i = 0; i < 50; i++) await writer.write(block);
      await writer.close();
    })();
    const compressed = new Uint8Array(await new Response(compressor.readable).arrayBuffer());
    await written;
    const hash = `#w=1.${toBase64Url(compressed)}`;
    expect(hash.length).toBeLessThan(MAX_SHARE_FRAGMENT_LENGTH);

    const started = performance.now();
    const error = errorOf(await decodeLinkFragment(hash));
    const elapsed = performance.now() - started;
    expect(error.kind).toBe('unpacksTooLarge');
    if (error.kind !== 'unpacksTooLarge') return;
    expect(error.limit).toBe(MAX_JSON_TEXT_LENGTH);
    // Reading stopped one chunk past the cap: 5 MB and a little, never the 50 MB.
    expect(error.unpackedBytes).toBeGreaterThan(MAX_JSON_TEXT_LENGTH);
    expect(error.unpackedBytes).toBeLessThan(MAX_JSON_TEXT_LENGTH + 1024 * 1024);
    expect(elapsed).toBeLessThan(5_000);
    expect(describeWorkspaceLinkError(error)).toContain('unpacks to more than 5 MB');
  });

  it('refuses a link whose workspace has a __proto__ key, with the file’s own message', async () => {
    const text = serializeWorkspace(seedWorkspace()).replace('"title":', '"__proto__": { "polluted": true }, "title":');
    expect(text).toContain('__proto__');
    const packed = await packLinkFragment(text);
    expect(packed.ok).toBe(true);
    if (!packed.ok) return;
    const error = errorOf(await decodeLinkFragment(packed.fragment));
    expect(error).toMatchObject({ kind: 'workspace', error: { kind: 'unsafeKey', key: '__proto__' } });
    expect(describeWorkspaceLinkError(error)).toContain('a field named "__proto__" is not allowed');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('gives an invalid workspace the same message as the same file', async () => {
    const text = serializeWorkspace(seedWorkspace()).replace('"baseSize": {', '"baseSzie": {');
    const packed = await packLinkFragment(text);
    if (!packed.ok) throw new Error('could not pack');
    const error = errorOf(await decodeLinkFragment(packed.fragment));
    expect(error.kind).toBe('workspace');
    const asFile = parseWorkspaceFile(text);
    if (asFile.ok) throw new Error('the file opened');
    expect(describeWorkspaceLinkError(error)).toBe(describeLoadError(asFile.error));
    expect(describeWorkspaceLinkError(error)).toContain('scenarios[0].model.baseSzie: is not a field of the workspace format; did you mean "baseSize"?');
  });

  it('refuses bytes that are not UTF-8 text', async () => {
    const compressor = new CompressionStream('deflate');
    const compressed = new Uint8Array(
      await new Response(new Blob([new Uint8Array([0x7b, 0xff, 0xfe, 0x7d])]).stream().pipeThrough(compressor)).arrayBuffer(),
    );
    expect(errorOf(await decodeLinkFragment(`#w=1.${toBase64Url(compressed)}`)).kind).toBe('damaged');
  });
});

describe('base64url', () => {
  it('round-trips every length and byte value', () => {
    for (let length = 0; length < 70; length++) {
      const bytes = Uint8Array.from({ length }, (_, i) => (i * 37 + length * 11) & 0xff);
      const text = toBase64Url(bytes);
      expect(text).not.toMatch(/[+/=]/);
      expect(text).toBe(Buffer.from(bytes).toString('base64url'));
      expect(fromBase64Url(text)).toEqual(bytes);
    }
  });

  it('is strict: stray characters, impossible lengths and non-zero padding bits are refused', () => {
    expect(fromBase64Url('AB+C')).toBeUndefined();
    expect(fromBase64Url('ABC=')).toBeUndefined();
    expect(fromBase64Url('ABCDE')).toBeUndefined();
    expect(fromBase64Url('AA')).toEqual(new Uint8Array([0]));
    expect(fromBase64Url('AB')).toBeUndefined(); // the last character's unused bits are not zero
    expect(fromBase64Url('ABé')).toBeUndefined();
  });
});
