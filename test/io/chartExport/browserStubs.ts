/**
 * What jsdom lacks for drawing a PNG, stubbed: blob: URLs, an <img> that loads (or fails), and a
 * canvas whose 2-D context records what is drawn and whose `toBlob` gives a PNG blob.
 */
import { vi } from 'vitest';

export interface CanvasRecord {
  calls: string[];
  width: number;
  height: number;
  revoked: string[];
}

/** Stubs the drawing path; `image: 'fails'` makes the <img> report an error, `context: null` a browser without canvas. */
export function stubPngDrawing({ image = 'loads', context = 'works' }: { image?: 'loads' | 'fails'; context?: 'works' | null } = {}): CanvasRecord {
  const record: CanvasRecord = { calls: [], width: 0, height: 0, revoked: [] };
  let next = 0;
  Object.defineProperty(URL, 'createObjectURL', { configurable: true, value: vi.fn(() => `blob:chart-${(next += 1)}`) });
  Object.defineProperty(URL, 'revokeObjectURL', { configurable: true, value: vi.fn((url: string) => record.revoked.push(url)) });
  class StubImage {
    decoding = '';
    onload: (() => void) | null = null;
    onerror: (() => void) | null = null;
    set src(_url: string) {
      queueMicrotask(() => (image === 'loads' ? this.onload?.() : this.onerror?.()));
    }
  }
  vi.stubGlobal('Image', StubImage);
  const fake = {
    set fillStyle(value: string) {
      record.calls.push(`fillStyle ${value}`);
    },
    fillRect: (...args: number[]) => record.calls.push(`fillRect ${args.join(' ')}`),
    drawImage: (_image: unknown, ...args: number[]) => record.calls.push(`drawImage ${args.join(' ')}`),
  };
  vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockImplementation(function (this: HTMLCanvasElement) {
    record.width = this.width;
    record.height = this.height;
    return (context === 'works' ? fake : null) as unknown as RenderingContext;
  } as HTMLCanvasElement['getContext']);
  vi.spyOn(HTMLCanvasElement.prototype, 'toBlob').mockImplementation((callback: BlobCallback, type?: string) => callback(new Blob(['png'], { type })));
  return record;
}

/** Undoes `stubPngDrawing`. */
export function unstubPngDrawing(): void {
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
  for (const name of ['createObjectURL', 'revokeObjectURL'] as const) Reflect.deleteProperty(URL, name);
}
