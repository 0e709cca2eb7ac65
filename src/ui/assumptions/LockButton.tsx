/** A share's lock: a locked share stays still when its siblings move (src/state/shareLocks.ts). */
import { LockIcon } from '../icons';

export function LockButton({ name, locked, onToggle, title }: { name: string; locked: boolean; onToggle: () => void; title?: string }) {
  return (
    <button
      type="button"
      className={`icon-button lock${locked ? ' lock-on' : ''}`}
      aria-pressed={locked}
      aria-label={`Lock ${name}`}
      title={title ?? (locked ? 'Locked: other sliders will not move this share' : 'Lock this share')}
      onClick={onToggle}
    >
      <LockIcon locked={locked} />
    </button>
  );
}
