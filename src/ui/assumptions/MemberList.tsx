/**
 * The members of one list (a dimension's members, or a member's children): linked share sliders
 * with a lock each, a growth premium per member, and nested lists below their member.
 */
import type { Member } from '../../model/types';
import { memberListName } from '../../model/quantityRef';
import { BoundQuantity } from './BoundQuantity';
import { useActiveModel } from './useModelSelectors';
import { formatCountOf, formatPercent } from '../format';

interface MemberListProps {
  /** `[dimensionId, …parent member ids]`. */
  parentPath: readonly string[];
  members: readonly Member[];
  parentName: string;
}

export function MemberList({ parentPath, members, parentName }: MemberListProps) {
  const listName = useActiveModel((model) => memberListName(model, parentPath));
  return (
    <ul className="member-list" aria-label={`${listName}: shares`}>
      {members.map((member) => {
        const path = [...parentPath, member.id];
        return (
          <li key={member.id} className="member">
            <BoundQuantity quantityRef={{ kind: 'memberShare', path }} />
            <div className="member-delta">
              <BoundQuantity quantityRef={{ kind: 'memberGrowthDelta', path }} />
            </div>
            {member.children && member.children.length > 0 && <MemberParts path={path} member={member} parentName={parentName} />}
          </li>
        );
      })}
    </ul>
  );
}

/** A member's parts, folded: a group named by its list ("Region › North America"). */
function MemberParts({ path, member, parentName }: { path: string[]; member: Member; parentName: string }) {
  const listName = useActiveModel((model) => memberListName(model, path));
  const children = member.children ?? [];
  return (
    <details className="member-children" aria-label={listName}>
      <summary>
        <bdi>{member.name}</bdi>: {formatCountOf(children.length, 'part')}
        <span className="muted">
          {' '}
          ({formatPercent(member.share.value)} of <bdi>{parentName}</bdi>)
        </span>
      </summary>
      <MemberList parentPath={path} members={children} parentName={member.name} />
    </details>
  );
}
