import { describe, expect, it } from 'vitest';
import { textBlob } from '../../src/io/download';

describe('textBlob', () => {
  it('holds the text as UTF-8 and says so in its type', async () => {
    const blob = textBlob('Zürich · 5 %', 'image/svg+xml');
    expect(blob.type).toBe('image/svg+xml;charset=utf-8');
    expect(new Uint8Array(await blob.arrayBuffer())).toEqual(new TextEncoder().encode('Zürich · 5 %'));
    expect(textBlob('a').type).toBe('text/plain;charset=utf-8');
  });
});
