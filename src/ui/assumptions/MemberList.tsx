/**
 * The members of one list (a dimension's members, or a member's children): linked share sliders
 * with a lock each, a growth premium per member, and nested lists below their member.
 */
import type { Member } from '../../model/types';
import { quantityKey } from '../../model/quantityRef';
import { useSlidecast } from '../../state/store';
import { useListLocks } from '../../state/shareLocks';
import { setMemberShare } from '../../model/modelEdits';
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
  // Locks are a way of working, not part of the model: shared with the Structure view, never saved.
  const locks = useListLocks(parentPath, members);
  const editModel = useSlidecast((s) => s.editModel);

  return (
    <ul className="member-list" aria-label={`${parentName}: shares`}>
      {members.map((member) => {
        const path = [...parentPath, member.id];
        const shareRef = { kind: 'memberShare', path } as const;
        const isLocked = locks.isLocked(member.id);
        return (
          <li key={member.id} className="member">
            <BoundQuantity
              quantityRef={shareRef}
              disabled={isLocked || locks.othersLocked(member.id)}
              onChange={(value) =>
                editModel(quantityKey(shareRef), (model) => setMemberShare(model, path, value, locks.flags))
              }
            >
              <button
                type="button"
                className={`icon-button lock${isLocked ? ' lock-on' : ''}`}
                aria-pressed={isLocked}
                aria-label={`Lock ${member.name} share`}
                title={isLocked ? 'Locked: other sliders will not move this share' : 'Lock this share'}
                onClick={() => locks.toggle(member.id)}
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
