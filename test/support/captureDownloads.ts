/**
 * Downloads in jsdom: the app hands a Blob to an object URL and clicks an `<a download>`
 * (src/io/download.ts); both are caught here, so a test reads what was downloaded under which name.
 */
import { vi } from 'vitest';

export interface CapturedDownload {
  name: string;
  blob: Blob;
}

/** Starts catching downloads (call it in a beforeEach); returns the list they land in, oldest first. */
export function captureDownloads(): CapturedDownload[] {
  const downloads: CapturedDownload[] = [];
  const blobs = new Map<string, Blob>();
  let next = 0;
  Object.assign(URL, {
    createObjectURL: vi.fn((blob: Blob) => {
      const url = `blob:test/${next++}`;
      blobs.set(url, blob);
      return url;
    }),
    revokeObjectURL: vi.fn(),
  });
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function click(this: HTMLAnchorElement) {
    downloads.push({ name: this.download, blob: blobs.get(this.href)! });
  });
  return downloads;
}
