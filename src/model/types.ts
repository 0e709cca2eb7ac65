/**
 * The domain model of a Slidecast workspace (DESIGN.md §3–4).
 *
 * These are plain data: what the file holds is what the store holds. Optional fields stay optional
 * in memory; the engine applies the defaults of §3 (see `src/model/defaults.ts`), so that a file
 * that omits a field saves back without it.
 */
import type { Quantity } from './quantity';
import type { QuantityRef } from './quantityRef';

export type { Distribution, Quantity, Range } from './quantity';

/** A growth driver (positive impact) or restraint (negative impact). */
export interface Driver {
  id: string;
  name: string;
  /** Fraction per year, signed: restraints are negative. */
  impact: Quantity;
  /** First year the driver acts. Default: baseYear + 1. */
  startYear?: number;
  /** Years to reach full impact, ≥ 1. Default: 1. */
  rampYears?: number;
  /** Default: true. */
  enabled?: boolean;
}

/** One member of a split of its parent (a product type, an application, a region, a country…). */
export interface Member {
  id: string;
  name: string;
  /** Base-year share of its parent; the shares of one list sum to 1. */
  share: Quantity;
  /** Growth premium over its parent, fraction per year. Default: 0. */
  growthDelta?: Quantity;
  /** A nested split of this member, computed the same way (countries in a region). */
  children?: Member[];
}

/** An independent split of the total (product type, application, region). */
export interface Dimension {
  id: string;
  name: string;
  members: Member[];
}

export interface SimulationSettings {
  samples: number;
  seed: number;
}

export interface Model {
  /** The unit of every size, e.g. "USD bn". */
  unit: string;
  baseYear: number;
  endYear: number;
  baseSize: Quantity;
  baseGrowth: Quantity;
  drivers: Driver[];
  dimensions: Dimension[];
  simulation: SimulationSettings;
}

export interface Scenario {
  id: string;
  name: string;
  notes?: string;
  model: Model;
}

export type ClaimMetric = 'size' | 'cagr' | 'share';
export type ClaimOp = 'approx' | 'atLeast' | 'atMost';

interface ClaimCommon {
  id: string;
  label: string;
  op: ClaimOp;
  value: number;
  /**
   * For `approx`: how far off still counts as met, in the metric's units (model unit for sizes,
   * fraction for cagr and share). Default: see `DEFAULT_TOLERANCE` in `src/model/defaults.ts`.
   */
  tolerance?: number;
  /**
   * A member path `dimensionId/memberId[/childId…]`. Absent for `size` and `cagr` means the
   * total; required for `share` (the member's share of the whole market).
   */
  member?: string;
  source: string;
}

/** A statement of the sources as a checkable target (DESIGN.md §3 "Claims"). */
export type Claim =
  | (ClaimCommon & { metric: 'size' | 'share'; year: number })
  | (ClaimCommon & { metric: 'cagr'; fromYear: number; toYear: number });

export const WORKSPACE_FORMAT = 'slidecast.workspace';
/**
 * The newest file format version this app writes. Older versions are migrated on load
 * (src/model/migrations.ts). Version 2 added `presentation`.
 */
export const WORKSPACE_VERSION = 2;

/** How the workspace is presented in a meeting (present mode). */
export interface Presentation {
  /** The assumptions the presenter pinned, in order; those a scenario lacks are skipped there. */
  pins: QuantityRef[];
}

export interface Workspace {
  format: typeof WORKSPACE_FORMAT;
  version: typeof WORKSPACE_VERSION;
  title: string;
  activeScenario: string;
  claims: Claim[];
  scenarios: Scenario[];
  /** Since version 2. Absent: nothing pinned. */
  presentation?: Presentation;
}
