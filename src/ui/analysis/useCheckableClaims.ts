/** The workspace's claims the scenario on screen can check (its forecast has their years and members): what goal seek and calibration can aim at. */
import { useMemo } from 'react';
import type { Claim } from '../../model/types';
import { useSlidecast } from '../../state/store';
import { useScenarioResult } from '../forecast/useScenarioResult';

export function useCheckableClaims(): Claim[] {
  const claims = useSlidecast((s) => s.workspace.claims);
  const statuses = useScenarioResult()?.claims;
  return useMemo(() => claims.filter((claim) => statuses?.some((status) => status.claimId === claim.id && status.status !== 'notCheckable')), [claims, statuses]);
}
