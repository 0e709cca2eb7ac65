/** A growth driver or restraint: on/off, its impact, the year it starts and how long it ramps. */
import { memo, useId } from 'react';
import { driverEnabled, driverRampYears, driverStartYear } from '../../model/defaults';
import { useSlidecast } from '../../state/store';
import { setDriverTiming } from '../../model/modelEdits';
import { BoundQuantity } from './BoundQuantity';
import { useActiveModel } from './useModelSelectors';
import { formatCountOf } from '../format';

/** Memoised: the panel renders again when any dimension changes, and a driver has nothing new then. */
export const DriverControl = memo(function DriverControl({ driverId }: { driverId: string }) {
  const driver = useActiveModel((model) => model.drivers.find((d) => d.id === driverId));
  const baseYear = useActiveModel((model) => model.baseYear);
  const endYear = useActiveModel((model) => model.endYear);
  const editModel = useSlidecast((s) => s.editModel);
  const startId = useId();
  const rampId = useId();
  if (!driver) return null;
  const enabled = driverEnabled(driver);
  const start = driverStartYear(driver, { baseYear });
  const ramp = driverRampYears(driver);
  const years = Array.from({ length: endYear - baseYear }, (_, i) => baseYear + 1 + i);

  return (
    <div className={`driver${enabled ? '' : ' driver-off'}`}>
      <BoundQuantity quantityRef={{ kind: 'driverImpact', driverId }}>
        <label className="switch" title={enabled ? 'Switch this driver off' : 'Switch this driver on'}>
          <input
            type="checkbox"
            checked={enabled}
            aria-label={`${driver.name} enabled`}
            onChange={(event) => {
              const on = event.currentTarget.checked;
              editModel(`enable:${driverId}`, (model) => setDriverTiming(model, driverId, { enabled: on }));
            }}
          />
          <span aria-hidden="true">{enabled ? 'On' : 'Off'}</span>
        </label>
      </BoundQuantity>
      <div className="driver-timing">
        <label htmlFor={startId}>from</label>
        <select
          id={startId}
          value={start}
          disabled={!enabled}
          aria-label={`${driver.name} start year`}
          onChange={(event) => {
            const startYear = Number(event.currentTarget.value);
            editModel(`start:${driverId}`, (model) => setDriverTiming(model, driverId, { startYear }));
          }}
        >
          {!years.includes(start) && <option value={start}>{start}</option>}
          {years.map((year) => (
            <option key={year} value={year}>
              {year}
            </option>
          ))}
        </select>
        <label htmlFor={rampId}>ramp</label>
        <select
          id={rampId}
          value={ramp}
          disabled={!enabled}
          aria-label={`${driver.name} ramp years`}
          onChange={(event) => {
            const rampYears = Number(event.currentTarget.value);
            editModel(`ramp:${driverId}`, (model) => setDriverTiming(model, driverId, { rampYears }));
          }}
        >
          {Array.from({ length: Math.max(10, ramp) }, (_, i) => i + 1).map((n) => (
            <option key={n} value={n}>
              {formatCountOf(n, 'year')}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
});
