/**
 * Files the operating system hands to the installed app: public/manifest.webmanifest declares a
 * `file_handlers` entry for `.slidecast.json`, so once Slidecast is installed from Chromium a
 * double-clicked workspace file starts (or focuses) the app, and the browser queues the file on
 * `window.launchQueue` until a consumer is set. Only Chromium has the Launch Handler API; elsewhere
 * this does nothing.
 */

/** What the Launch Handler API delivers (not yet in TypeScript's DOM types). */
export interface LaunchParams {
  readonly files: readonly FileSystemHandle[];
}

export interface LaunchQueue {
  setConsumer(consumer: (params: LaunchParams) => void): void;
}

/**
 * Hands the first file of every launch to `open` (a workspace is one file; a launch with none, the
 * app started from its icon, opens nothing). True when the browser has a launch queue.
 */
export function connectLaunchQueue(target: { launchQueue?: LaunchQueue | undefined }, open: (handle: FileSystemFileHandle) => void): boolean {
  const queue = target.launchQueue;
  if (!queue || typeof queue.setConsumer !== 'function') return false;
  queue.setConsumer((params) => {
    const handle = params.files.find((candidate) => candidate.kind === 'file');
    if (handle) open(handle as FileSystemFileHandle);
  });
  return true;
}
