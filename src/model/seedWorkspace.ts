/**
 * The default workspace: the global AI in Medical Imaging Diagnosis market, 2025–2032, built from
 * the market-research page in shared/seed (DESIGN.md §2).
 *
 * Every number the report gives carries its words as `source`. Every number it does not give —
 * type and application shares, country shares, how the 5.2% splits across drivers — is an
 * assumption: it has no `source`, and its `note` says why it is what it is.
 *
 * How the report's conflicts are read:
 * - "CAGR 5.2%" with "over $20 billion by 2028" implies a 2025 base of 20 / 1.052³ ≈ $17.18 B: the
 *   "Report consensus" scenario.
 * - "$6 billion by 2028, with a CAGR of over 30% from 2023" implies a 2023 size of about
 *   6 / 1.30⁵ ≈ $1.62 B — a narrower market definition, kept as its own scenario rather than
 *   averaged away.
 * - China's 10% is read as part of Asia-Pacific's 20% (China is half of Asia-Pacific); the 10% left
 *   goes to Latin America and Middle East & Africa together.
 * - Country typos are fixed: "Argentina Korea" → Argentina; "Saudi" + "Arabia" → Saudi Arabia;
 *   "Korea" under Middle East & Africa is a duplicate of South Korea and is dropped.
 *
 * Every quantity has a range, made by one of the rules of src/model/seedRanges.ts, which also adds
 * the rule's reason to the quantity's note.
 */
import type { Claim, Driver, Member, Model, Scenario, Workspace } from './types';
import { WORKSPACE_FORMAT, WORKSPACE_VERSION } from './types';
import type { Quantity } from './quantity';
import { noteWithUncheckedStatement } from './uncheckedStatements';
import { ranged, SEED_RANGES } from './seedRanges';

const REPORT = 'Global AI in Medical Imaging Diagnosis Market, 2025–2032 (seed report)';

const QUOTES = {
  cagr: `${REPORT}, market analysis: "a projected compound annual growth rate (CAGR) of 5.2% during the forecast period"`,
  over20: `${REPORT}, major market players: "projections estimating a market size of over $20 billion by 2028"`,
  six: `${REPORT}, key opportunities: "projected to reach approximately $6 billion by 2028, with a CAGR of over 30% from 2023"`,
  northAmerica: `${REPORT}, regions: "North America holds a market share of approximately 40%"`,
  europe: `${REPORT}, regions: "followed closely by Europe at 30%"`,
  asiaPacific: `${REPORT}, regions: "The Asia-Pacific region … expected to capture around 20%"`,
  china: `${REPORT}, regions: "China, specifically, is projected to account for 10% of the market"`,
  drivers: `${REPORT}, market analysis and key opportunities (named as a growth driver)`,
  restraints: `${REPORT}, key opportunities: "Major challenges include regulatory hurdles and integration into existing workflows"`,
  geRevenue: `${REPORT}, major market players: "They reported sales revenue of approximately $19 billion in 2022"`,
  ibmRevenue: `${REPORT}, major market players: "The division generated an estimated $4 billion in revenue"`,
  philipsRevenue: `${REPORT}, major market players: "reported approximately $22 billion in revenue for 2022"`,
  nvidiaRevenue: `${REPORT}, major market players: "NVIDIA's revenues reached about $26 billion in 2022"`,
  alibabaRevenue: `${REPORT}, major market players: "Alibaba's cloud revenue, around $10 billion"`,
} as const;

/**
 * The report names each driver but gives no weight: the impact is an assumption (no `source`), and
 * its note quotes where the report names the driver.
 */
function driverNote(restraint: boolean): string {
  const named = restraint ? QUOTES.restraints : QUOTES.drivers;
  return `Assumption: the report names this ${restraint ? 'restraint' : 'driver'} but not its weight; the drivers and restraints are set to add up to the report’s 5.2% a year. Named in: ${named}.`;
}

/** A share the report does not give: an assumption, ranged ±20%. */
function assumedShare(value: number, note: string): Quantity {
  return ranged({ value, note }, SEED_RANGES.assumedShare);
}

/** A growth premium the report does not give: an assumption, ranged ± a point. */
function premium(value: number, note: string): Quantity {
  return ranged({ value, note }, SEED_RANGES.growthPremium);
}

function driver(id: string, name: string, impact: number, restraint = false): Driver {
  return { id, name, impact: ranged({ value: impact, note: driverNote(restraint) }, SEED_RANGES.driverImpact) };
}

/** The report's seven growth drivers and two restraints; impacts sum to +5.2% a year. */
function drivers(): Driver[] {
  return [
    driver('ai-advances', 'Advances in AI algorithms and deep learning', 0.015),
    driver('chronic-disease', 'Rising prevalence of chronic diseases', 0.012),
    driver('imaging-adoption', 'Rising adoption of MRI, CT and X-ray imaging', 0.01),
    driver('cloud-analytics', 'Cloud and healthcare-analytics integration', 0.008),
    driver('personalized-medicine', 'Personalized medicine', 0.005),
    driver('regulatory-approvals', 'Regulatory approvals of AI diagnostic tools', 0.006),
    driver('collaboration', 'Collaboration between technology companies and providers', 0.006),
    driver('regulatory-hurdles', 'Regulatory hurdles', -0.006, true),
    driver('workflow-integration', 'Integration into existing workflows', -0.004, true),
  ];
}

function member(id: string, name: string, share: Quantity, growthDelta: Quantity, children?: Member[]): Member {
  return children ? { id, name, share, growthDelta, children } : { id, name, share, growthDelta };
}

const GROWS_WITH_PARENT = 'Assumption: grows with its parent; the report gives no growth premium.';
const flat = (): Quantity => premium(0, GROWS_WITH_PARENT);

/** Countries: the report lists them but gives no shares, so every country share is an assumption. */
function countries(note: string, list: [id: string, name: string, share: number, fix?: string][]): Member[] {
  return list.map(([id, name, share, fix]) => member(id, name, assumedShare(share, fix ? `${note} ${fix}` : note), flat()));
}

const COUNTRY_NOTE = 'Assumption: the report lists the country without a share; split by rough healthcare-imaging spend.';

function regions(): Member[] {
  return [
    member('na', 'North America', ranged({ value: 0.4, source: QUOTES.northAmerica }, SEED_RANGES.reportedShare), flat(),
      countries(COUNTRY_NOTE, [
        ['us', 'United States', 0.88],
        ['ca', 'Canada', 0.12],
      ])),
    member('europe', 'Europe', ranged({ value: 0.3, source: QUOTES.europe }, SEED_RANGES.reportedShare), flat(),
      countries(COUNTRY_NOTE, [
        ['de', 'Germany', 0.27],
        ['fr', 'France', 0.2],
        ['uk', 'United Kingdom', 0.25, 'Listed as “U.K.” in the report.'],
        ['it', 'Italy', 0.15],
        ['ru', 'Russia', 0.13],
      ])),
    member('apac', 'Asia-Pacific', ranged({
      value: 0.2,
      source: QUOTES.asiaPacific,
      note: 'China’s 10% is read as part of this 20% (otherwise the shares do not add up).',
    }, SEED_RANGES.reportedShare),
    premium(0.01, 'Assumption: one point a year faster than the market — the report calls the region "emerging rapidly".'), [
      member('cn', 'China',
        ranged({ value: 0.5, source: `derived: 10% of the market ÷ Asia-Pacific’s 20% — ${QUOTES.china}` }, SEED_RANGES.reportedShare),
        flat()),
      ...countries(COUNTRY_NOTE, [
        ['jp', 'Japan', 0.18],
        ['kr', 'South Korea', 0.08],
        ['in', 'India', 0.08],
        ['au', 'Australia', 0.06],
        ['tw', 'Taiwan', 0.04, 'Listed as “China Taiwan” in the report.'],
        ['id', 'Indonesia', 0.02],
        ['th', 'Thailand', 0.02],
        ['my', 'Malaysia', 0.02],
      ]),
    ]),
    member('latam', 'Latin America', assumedShare(0.06,
      'Assumption: the report gives no share. Latin America and Middle East & Africa share the 10% left by the other regions, 6 : 4.'),
      flat(),
      countries(COUNTRY_NOTE, [
        ['mx', 'Mexico', 0.3],
        ['br', 'Brazil', 0.45],
        ['ar', 'Argentina', 0.15, 'Listed as “Argentina Korea” in the report: a typo for Argentina.'],
        ['co', 'Colombia', 0.1],
      ])),
    member('mea', 'Middle East & Africa', assumedShare(0.04,
      'Assumption: the report gives no share. Latin America and Middle East & Africa share the 10% left by the other regions, 6 : 4. The report also lists “Korea” here — a duplicate of South Korea, dropped.'),
      flat(),
      countries(COUNTRY_NOTE, [
        ['tr', 'Turkey', 0.35],
        ['sa', 'Saudi Arabia', 0.35, 'Listed as “Saudi” and “Arabia” on two lines in the report: one country.'],
        ['ae', 'United Arab Emirates', 0.3, 'Listed as “UAE” in the report.'],
      ])),
  ];
}

/**
 * The report's eleven key players and everyone else. The report gives no vendor's AI-imaging
 * revenue or share — only five company revenues, each as large as the market or larger — so every
 * share is an assumption, read the same in both market definitions. One note gives the reasoning
 * for the whole split, as the vendors are judged against each other. The revenues are kept in the
 * vendors' notes as statements with no check (see uncheckedStatements.ts): the claims list shows
 * them with their source, and says why they are not shares, instead of inventing a claim for them.
 */
const VENDOR_NOTE =
  'Assumption: the report names eleven key players but gives no AI-imaging revenue or share for any vendor, so the split is judgement, the same in both scenarios. ' +
  'Largest: the imaging-system makers, which sell AI inside their scanners — GE Healthcare (“a leader”), then Philips Healthcare. ' +
  'Smaller: the platform and cloud vendors — NVIDIA (most of what its platforms enable is sold by others), IBM Watson Health (“facing strategic shifts”), ' +
  'Alibaba Cloud and SenseTime (“growth in the Asian market”) — and those it only names: Samsung, Medtronic, Neusoft, Pvmed, PereDoc. ' +
  'About half goes to Others: its key players “include” the eleven, not only them, and imaging AI is taken to be a fragmented market. ' +
  'The report writes SenseTime as “Sense Time”.';

/** Why a company revenue the report quotes cannot be the vendor's share of this market: a statement with no check. */
function notAShare(quote: string, what: string, scale: string): string {
  return `${quote} — ${what}, not AI-imaging revenue: ${scale}, so it cannot be a market share.`;
}

function vendor(id: string, name: string, share: number, statement?: string): Member {
  const q = assumedShare(share, VENDOR_NOTE);
  // The statement goes after the range's reason: the reason is part of the note's reasoning.
  if (statement) q.note = noteWithUncheckedStatement(q.note ?? '', statement);
  return member(id, name, q, flat());
}

function vendors(): Member[] {
  const overMarket = 'more than the whole ≈ $17 B market';
  return [
    vendor('ge', 'GE Healthcare', 0.12,
      notAShare(QUOTES.geRevenue, 'all of GE Healthcare’s sales in 2022', `${overMarket}, over ten times the narrow definition’s ≈ $1.6 B`)),
    vendor('ibm', 'IBM Watson Health', 0.03,
      notAShare(QUOTES.ibmRevenue, 'the whole division’s revenue (no year given)', 'nearly a quarter of the whole ≈ $17 B market, over twice the narrow definition’s ≈ $1.6 B')),
    vendor('philips', 'Philips Healthcare', 0.1,
      notAShare(QUOTES.philipsRevenue, 'all of Philips Healthcare’s revenue in 2022', `${overMarket}, over ten times the narrow definition’s ≈ $1.6 B`)),
    vendor('samsung', 'Samsung', 0.04),
    vendor('medtronic', 'Medtronic', 0.03),
    vendor('nvidia', 'NVIDIA', 0.05,
      notAShare(QUOTES.nvidiaRevenue, 'all of NVIDIA’s revenue in 2022', `${overMarket}, over fifteen times the narrow definition’s ≈ $1.6 B`)),
    vendor('alibaba', 'Alibaba Cloud', 0.03,
      notAShare(QUOTES.alibabaRevenue, 'Alibaba’s whole cloud business (no year given)', 'more than half the whole ≈ $17 B market, about six times the narrow definition’s ≈ $1.6 B')),
    vendor('sensetime', 'SenseTime', 0.03),
    vendor('pvmed', 'Pvmed', 0.01),
    vendor('neusoft', 'Neusoft', 0.03),
    vendor('peredoc', 'PereDoc', 0.01),
    vendor('others', 'Others', 0.52),
  ];
}

const TYPE_NOTE = 'Assumption: the report names Hardware and Software but gives no split.';
const APPLICATION_NOTE = 'Assumption: the report names the application but gives no share.';

function model(baseYear: number, baseSize: Quantity, baseGrowth: Quantity): Model {
  return {
    unit: 'USD bn',
    baseYear,
    endYear: 2032,
    baseSize,
    baseGrowth,
    drivers: drivers(),
    dimensions: [
      {
        id: 'type',
        name: 'Product type',
        members: [
          member('hardware', 'Hardware', assumedShare(0.35, `${TYPE_NOTE} AI-enabled scanners are a minority of spend.`),
            premium(-0.01, 'Assumption: hardware grows a point slower than the market (long replacement cycles).')),
          member('software', 'Software', assumedShare(0.65, `${TYPE_NOTE} Algorithms and platforms carry most of the value.`),
            premium(0.005, 'Assumption: software grows half a point faster than the market.')),
        ],
      },
      {
        id: 'application',
        name: 'Application',
        members: [
          member('orthopedics', 'Orthopedics', assumedShare(0.15, APPLICATION_NOTE), flat()),
          member('neurology', 'Neurology', assumedShare(0.22, APPLICATION_NOTE), flat()),
          member('respiratory', 'Respiratory', assumedShare(0.18, APPLICATION_NOTE), flat()),
          member('oncology', 'Oncology', assumedShare(0.3, `${APPLICATION_NOTE} Oncology is the largest use of imaging AI.`), flat()),
          member('others', 'Others', assumedShare(0.15, APPLICATION_NOTE), flat()),
        ],
      },
      { id: 'region', name: 'Region', members: regions() },
      { id: 'vendor', name: 'Vendor', members: vendors() },
    ],
    simulation: { samples: 10_000, seed: 1 },
  };
}

function consensus(): Scenario {
  return {
    id: 'consensus',
    name: 'Report consensus',
    notes:
      'The report’s headline: 5.2% a year from 2025, passing $20 B in 2028. Base size derived as 20 / 1.052³. ' +
      'Regions as the report gives them, China read as half of Asia-Pacific.',
    model: model(
      2025,
      ranged({ value: 17.18, source: `derived: 20 / 1.052³ — ${QUOTES.over20}; ${QUOTES.cagr}` }, SEED_RANGES.consensusBase),
      ranged({
        value: 0,
        note: 'Assumption: all of the report’s 5.2% is carried by the named drivers and restraints; this is the residual trend.',
      }, SEED_RANGES.residualTrend),
    ),
  };
}

function narrowDefinition(): Scenario {
  return {
    id: 'narrow',
    name: 'Narrow definition ($6 B by 2028)',
    notes:
      'The report’s other figure: about $6 B by 2028 after growing over 30% a year from 2023 — a narrower market ' +
      'definition than the headline’s. Base size derived as 6 / 1.30⁵; the drivers are the consensus ones on top of ' +
      'a 25% trend, 30.2% a year in all.',
    model: model(
      2023,
      ranged({ value: 1.62, source: `derived: 6 / 1.30⁵ — ${QUOTES.six}` }, SEED_RANGES.narrowBase),
      ranged({
        value: 0.25,
        source: QUOTES.six,
        note: 'Trend growth so that trend plus drivers gives just over the report’s 30% a year.',
      }, SEED_RANGES.narrowTrend),
    ),
  };
}

function claims(): Claim[] {
  return [
    { id: 'cagr-headline', label: 'CAGR 5.2% 2025–2032', metric: 'cagr', fromYear: 2025, toYear: 2032, op: 'approx', value: 0.052, tolerance: 0.002, source: QUOTES.cagr },
    { id: 'size-2028-over-20', label: 'Over $20 B by 2028', metric: 'size', year: 2028, op: 'atLeast', value: 20, source: QUOTES.over20 },
    { id: 'size-2028-about-6', label: 'About $6 B by 2028', metric: 'size', year: 2028, op: 'approx', value: 6, tolerance: 0.5, source: QUOTES.six },
    { id: 'cagr-2023-2028-over-30', label: 'CAGR over 30% 2023–2028', metric: 'cagr', fromYear: 2023, toYear: 2028, op: 'atLeast', value: 0.3, source: QUOTES.six },
    { id: 'share-north-america', label: 'North America ≈ 40%', metric: 'share', member: 'region/na', year: 2025, op: 'approx', value: 0.4, tolerance: 0.01, source: QUOTES.northAmerica },
    { id: 'share-europe', label: 'Europe 30%', metric: 'share', member: 'region/europe', year: 2025, op: 'approx', value: 0.3, tolerance: 0.01, source: QUOTES.europe },
    { id: 'share-asia-pacific', label: 'Asia-Pacific ≈ 20%', metric: 'share', member: 'region/apac', year: 2025, op: 'approx', value: 0.2, tolerance: 0.01, source: QUOTES.asiaPacific },
    { id: 'share-china', label: 'China 10%', metric: 'share', member: 'region/apac/cn', year: 2025, op: 'approx', value: 0.1, tolerance: 0.01, source: QUOTES.china },
  ];
}

/** A fresh copy of the seed workspace (callers may mutate it). */
export function seedWorkspace(): Workspace {
  return {
    format: WORKSPACE_FORMAT,
    version: WORKSPACE_VERSION,
    title: 'AI in Medical Imaging Diagnosis',
    activeScenario: 'consensus',
    claims: claims(),
    scenarios: [consensus(), narrowDefinition()],
    // What a room asks first: the overall pace, the biggest driver, and the regional split.
    presentation: {
      pins: [
        { kind: 'baseGrowth' },
        { kind: 'driverImpact', driverId: 'ai-advances' },
        { kind: 'driverImpact', driverId: 'regulatory-hurdles' },
        { kind: 'memberShare', path: ['region', 'na'] },
        { kind: 'memberGrowthDelta', path: ['region', 'apac'] },
      ],
    },
  };
}
