/**
 * "Share link": makes a link that holds the current workspace — on demand only, never by
 * rewriting the address bar while someone edits — copies it where the browser allows, and shows
 * it in a read-only field to copy by hand. A workspace too large for a link gets the size and the
 * limit, and Save as… instead.
 */
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { useOutsidePress } from '../useOutsidePress';
import { useSlidecast } from '../../state/store';
import type { Workspace } from '../../model/types';
import { describeWorkspaceLinkError, encodeWorkspaceLink, kilobytes, linkUrl } from '../../io/workspaceLink';
import { saveFile } from '../files/fileActions';
import './link.css';

type ShareState =
  | { kind: 'making' }
  | { kind: 'ready'; url: string; workspace: Workspace; copied: boolean }
  | { kind: 'refused'; message: string; tooLong: boolean };

/**
 * Copies where the browser allows: the Clipboard API (secure contexts), else the older copy
 * command on a hidden text field (a page served over plain http on an office network). False when
 * neither was allowed; the link is then in the panel's field, selected, to copy by hand.
 */
async function copyToClipboard(text: string): Promise<boolean> {
  try {
    if (navigator.clipboard && typeof navigator.clipboard.writeText === 'function') {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // Not allowed (no permission, the page lost focus): try the copy command.
  }
  const scratch = document.createElement('textarea');
  scratch.value = text;
  scratch.readOnly = true;
  scratch.className = 'share-scratch';
  document.body.append(scratch);
  try {
    scratch.select();
    return document.execCommand('copy');
  } catch {
    return false;
  } finally {
    scratch.remove();
  }
}

export function LinkButton() {
  const [open, setOpen] = useState(false);
  const [share, setShare] = useState<ShareState>({ kind: 'making' });
  const workspace = useSlidecast((s) => s.workspace);
  const panelId = useId();
  const wrapper = useRef<HTMLSpanElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const field = useRef<HTMLInputElement>(null);
  const closeButton = useRef<HTMLButtonElement>(null);
  const request = useRef(0);

  async function makeLink(): Promise<void> {
    const ticket = ++request.current;
    const current = useSlidecast.getState().workspace;
    setShare({ kind: 'making' });
    const encoded = await encodeWorkspaceLink(current);
    if (ticket !== request.current) return;
    if (!encoded.ok) {
      setShare({ kind: 'refused', message: describeWorkspaceLinkError(encoded.error), tooLong: encoded.error.kind === 'tooLong' });
      return;
    }
    const url = linkUrl(window.location.href, encoded.fragment);
    const copied = await copyToClipboard(url);
    if (ticket !== request.current) return;
    setShare({ kind: 'ready', url, workspace: current, copied });
  }

  function toggle(): void {
    if (open) {
      close();
      return;
    }
    setOpen(true);
    void makeLink();
  }

  function close(): void {
    request.current++;
    setOpen(false);
    button.current?.focus();
  }

  // Focus goes into the panel once there is something to act on: the link to copy, or Close.
  useEffect(() => {
    if (!open || share.kind === 'making') return;
    if (share.kind === 'ready') field.current?.select();
    (share.kind === 'ready' ? field.current : closeButton.current)?.focus();
  }, [open, share]);

  // A click elsewhere closes the panel, as a menu would.
  const closeOutside = useCallback(() => {
    request.current++;
    setOpen(false);
  }, []);
  useOutsidePress(wrapper, open, closeOutside);

  const stale = share.kind === 'ready' && share.workspace !== workspace;

  return (
    <span className="share" ref={wrapper}>
      <button
        type="button"
        ref={button}
        onClick={toggle}
        aria-expanded={open}
        aria-controls={open ? panelId : undefined}
        title="Copy a link that opens this workspace"
      >
        Share link
      </button>
      {open && (
        <div
          id={panelId}
          className="share-panel"
          role="dialog"
          aria-label="Share link"
          onKeyDown={(event) => {
            if (event.key === 'Escape') {
              event.stopPropagation();
              close();
            }
          }}
        >
          <p role="status" className={`share-status${share.kind === 'refused' ? ' share-status-refused' : ''}`} data-testid="share-status">
            {share.kind === 'making' && 'Making the link…'}
            {share.kind === 'ready' &&
              (share.copied
                ? `Link copied to the clipboard (${kilobytes(share.url.length)} kB).`
                : `Copy this link (${kilobytes(share.url.length)} kB): this browser did not let Slidecast copy it for you.`)}
            {share.kind === 'refused' && share.message}
          </p>
          {share.kind === 'ready' && (
            <input
              ref={field}
              className="share-url"
              type="text"
              readOnly
              value={share.url}
              aria-label="Link to this workspace"
              spellCheck={false}
              onFocus={(event) => event.currentTarget.select()}
            />
          )}
          {stale && (
            <p className="share-stale" data-testid="share-stale">
              The workspace has changed since this link was made.
            </p>
          )}
          <div className="share-actions">
            {share.kind === 'ready' && (
              <button type="button" className="share-primary" onClick={() => void makeLink()}>
                {stale ? 'Make a new link' : share.copied ? 'Copy again' : 'Copy'}
              </button>
            )}
            {share.kind === 'refused' && share.tooLong && (
              <button
                type="button"
                className="share-primary"
                onClick={() => {
                  close();
                  void saveFile(true);
                }}
              >
                Save as a file…
              </button>
            )}
            <button type="button" ref={closeButton} onClick={close}>
              Close
            </button>
          </div>
          <p className="share-note">
            The workspace travels inside the link, after the #, which browsers never send to a server. Anyone with the link can open
            these numbers.
          </p>
        </div>
      )}
    </span>
  );
}
