/**
 * Small factories for hand-built models in tests: only the numbers that matter to a test are
 * spelled out; everything else takes a plain value.
 */
import type { Claim, Dimension, Driver, Member, Model } from '../../src/model/types';

export function member(id: string, share: number, options: { delta?: number; children?: Member[] } = {}): Member {
  const m: Member = { id, name: id, share: { value: share } };
  if (options.delta !== undefined) m.growthDelta = { value: options.delta };
  if (options.children !== undefined) m.children = options.children;
  return m;
}

export function dimension(id: string, members: Member[]): Dimension {
  return { id, name: id, members };
}

export function driver(
  id: string,
  impact: number,
  options: { startYear?: number; rampYears?: number; enabled?: boolean } = {},
): Driver {
  return { id, name: id, impact: { value: impact }, ...options };
}

export function model(options: {
  baseYear?: number;
  endYear?: number;
  baseSize?: number;
  baseGrowth?: number;
  drivers?: Driver[];
  dimensions?: Dimension[];
}): Model {
  return {
    unit: 'USD bn',
    baseYear: options.baseYear ?? 2025,
    endYear: options.endYear ?? 2030,
    baseSize: { value: options.baseSize ?? 100 },
    baseGrowth: { value: options.baseGrowth ?? 0 },
    drivers: options.drivers ?? [],
    dimensions: options.dimensions ?? [],
    simulation: { samples: 1000, seed: 1 },
  };
}

/** Omit over each member of a union (plain Omit would merge `size` and `cagr` claims into one). */
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
type ClaimFields = DistributiveOmit<Claim, 'id' | 'label' | 'source'>;

/** A claim with an id, a label and a source filled in. */
export function claim(id: string, fields: ClaimFields): Claim {
  return { id, label: id, source: 'test', ...fields } as Claim;
}
