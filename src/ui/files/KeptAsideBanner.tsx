/**
 * Autosaves kept aside, offered back: the autosave this start could not restore (damaged, or from
 * a newer Slidecast) and older work a page left behind when another tab had saved newer work since
 * (src/io/autosave.ts). Each can be opened (through Open's checks), downloaded as a file, or
 * deleted; Dismiss only hides the list until the next start. Nothing kept aside is ever dropped
 * without the user's say.
 */
import { useSlidecast } from '../../state/store';
import type { KeptAside } from '../../io/autosave';
import { downloadText } from '../../io/download';
import { openKeptAside } from './fileActions';

const ORIGIN_TEXT: Record<KeptAside['origin'], string> = {
  unrestorable: 'An autosave that could not be restored',
  leftByPage: 'Older work a closed page left behind',
};

function keptAtText(keptAt: number): string {
  return new Date(keptAt).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

/** "slidecast-kept-aside-2026-12-01-0040.json": when it was kept, so several downloads differ. */
function downloadName(keptAt: number): string {
  const stamp = new Date(keptAt).toISOString().slice(0, 16).replace('T', '-').replace(':', '');
  return `slidecast-kept-aside-${stamp}.json`;
}

export function KeptAsideBanner() {
  const offer = useSlidecast((s) => s.keptAside);
  const setKeptAside = useSlidecast((s) => s.setKeptAside);
  if (!offer) return null;
  const count = offer.entries.length;
  return (
    <div role="alert" className="banner banner-warning kept-aside" data-testid="kept-aside">
      <div className="kept-aside-body">
        <p>
          {offer.unrestoredReason !== undefined ? (
            <>
              <strong>The last autosave could not be restored</strong> ({offer.unrestoredReason}). It has been kept aside, and the
              report’s workspace is open instead.
            </>
          ) : (
            <>
              <strong>{count === 1 ? 'An autosave is kept aside' : `${count} autosaves are kept aside`}</strong>, never overwritten or
              dropped: open one to work on it, download it as a file, or delete it.
            </>
          )}
        </p>
        <ul className="kept-aside-list" aria-label="Autosaves kept aside">
          {offer.entries.map((kept) => {
            const what = `${ORIGIN_TEXT[kept.origin]}, kept ${keptAtText(kept.keptAt)}`;
            return (
              <li key={kept.key || 'in-memory'}>
                <span>{what}</span>
                <button type="button" aria-label={`Open: ${what}`} onClick={() => void openKeptAside(kept.text)}>
                  Open
                </button>
                <button type="button" aria-label={`Download: ${what}`} onClick={() => downloadText(downloadName(kept.keptAt), kept.text, 'application/json')}>
                  Download
                </button>
                <button type="button" aria-label={`Delete: ${what}`} onClick={() => void offer.discard(kept.key)}>
                  Delete
                </button>
              </li>
            );
          })}
        </ul>
      </div>
      <button type="button" onClick={() => setKeptAside(undefined)} aria-label="Dismiss the autosaves kept aside until the next start">
        Dismiss
      </button>
    </div>
  );
}
