/**
 * The members of one list (a dimension's members, or a member's children): linked share sliders
 * with a lock each, a growth premium per member, and nested lists below their member.
 */
import type { Member } from '../../model/types';
import { quantityKey } from '../../model/quantityRef';
import { useSlidecast } from '../../state/store';
import { useShareLocks } from '../../state/shareLocks';
import { setMemberShare } from '../../state/modelEdits';
import { BoundQuantity } from './BoundQuantity';
import { LockIcon } from '../icons';
import { formatPercent } from '../format';

interface MemberListProps {
  /** `[dimensionId, …parent member ids]`. */
  parentPath: readonly string[];
  members: readonly Member[];
  parentName: string;
}

export function MemberList({ parentPath, members, parentName }: MemberListProps) {
  // Locks are a way of working, not part of the model: kept apart from the workspace store.
  const lockedPaths = useShareLocks((s) => s.locked);
  const toggleLock = useShareLocks((s) => s.toggleLock);
  const pathKey = (id: string) => [...parentPath, id].join('/');
  const locked = new Set(members.filter((m) => lockedPaths.has(pathKey(m.id))).map((m) => m.id));
  const editModel = useSlidecast((s) => s.editModel);
  const lockedFlags = members.map((m) => locked.has(m.id));
  const allOthersLocked = (id: string) => members.every((m) => m.id === id || locked.has(m.id));

  return (
    <ul className="member-list" aria-label={`${parentName}: shares`}>
      {members.map((member) => {
        const path = [...parentPath, member.id];
        const shareRef = { kind: 'memberShare', path } as const;
        const isLocked = locked.has(member.id);
        return (
          <li key={member.id} className="member">
            <BoundQuantity
              quantityRef={shareRef}
              disabled={isLocked || allOthersLocked(member.id)}
              onChange={(value) =>
                editModel(quantityKey(shareRef), (model) => setMemberShare(model, path, value, lockedFlags))
              }
            >
              <button
                type="button"
                className={`icon-button lock${isLocked ? ' lock-on' : ''}`}
                aria-pressed={isLocked}
                aria-label={`Lock ${member.name} share`}
                title={isLocked ? 'Locked: other sliders will not move this share' : 'Lock this share'}
                onClick={() => toggleLock(pathKey(member.id))}
              >
                <LockIcon locked={isLocked} />
              </button>
            </BoundQuantity>
            <div className="member-delta">
              <BoundQuantity quantityRef={{ kind: 'memberGrowthDelta', path }} />
            </div>
            {member.children && member.children.length > 0 && (
              <details className="member-children">
                <summary>
                  {member.name}: {member.children.length} {member.children.length === 1 ? 'part' : 'parts'}
                  <span className="muted"> ({formatPercent(member.share.value)} of {parentName})</span>
                </summary>
                <MemberList parentPath={path} members={member.children} parentName={member.name} />
              </details>
            )}
          </li>
        );
      })}
    </ul>
  );
}
