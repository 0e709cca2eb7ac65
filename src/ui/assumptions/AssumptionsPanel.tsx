/**
 * Every assumption of the active scenario, grouped: Market, Drivers, then one group per dimension.
 * Each group (a `<details>`, role group) is named, and so is each breakdown inside a dimension.
 */
import { useActiveModel } from './useModelSelectors';
import { BoundQuantity } from './BoundQuantity';
import { DriverControl } from './DriverControl';
import { MemberList } from './MemberList';

export function AssumptionsPanel() {
  const driverIds = useActiveModel((model) => model.drivers.map((d) => d.id).join('\n'));
  const dimensions = useActiveModel((model) => model.dimensions);

  return (
    <aside className="assumptions" aria-label="Assumptions">
      <details open className="group" aria-label="Market">
        <summary>
          <h2>Market</h2>
        </summary>
        <BoundQuantity quantityRef={{ kind: 'baseSize' }} />
        <BoundQuantity quantityRef={{ kind: 'baseGrowth' }} />
      </details>
      <details open className="group" aria-label="Growth drivers and restraints">
        <summary>
          <h2>Growth drivers and restraints</h2>
        </summary>
        {driverIds.split('\n').filter(Boolean).map((id) => (
          <DriverControl key={id} driverId={id} />
        ))}
      </details>
      {dimensions.map((dimension) => (
        <details key={dimension.id} className="group" aria-label={dimension.name}>
          <summary>
            <h2>{dimension.name}</h2>
          </summary>
          <MemberList parentPath={[dimension.id]} members={dimension.members} parentName={dimension.name} />
        </details>
      ))}
    </aside>
  );
}
