/** Hands text or a blob to the browser as a download (no server involved). */
export function downloadBlob(fileName: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = fileName;
  anchor.rel = 'noopener';
  document.body.append(anchor);
  anchor.click();
  anchor.remove();
  // Revoke later: some browsers read the URL after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Text as the bytes of a file: UTF-8, and its type says so. */
export function textBlob(text: string, type = 'text/plain'): Blob {
  return new Blob([text], { type: `${type};charset=utf-8` });
}

export function downloadText(fileName: string, text: string, type = 'text/plain'): void {
  downloadBlob(fileName, textBlob(text, type));
}
