/**
 * Every field name of the workspace format, in the order a saved file lists them.
 *
 * One ranking serves every kind of object, because no two fields that share an object conflict in
 * it: a quantity is `value, range, source, note`, a claim `id, label, metric, year | fromYear,
 * toYear, member, op, value, tolerance, source`, a model `unit, baseYear, endYear, baseSize, …`,
 * as in DESIGN.md §4. Saving in this order makes a file the same bytes whatever order the
 * in-memory objects were built in, so a saved file diffs cleanly. A test checks that the list
 * holds exactly the fields of the schema.
 */
export const WORKSPACE_FIELD_ORDER: readonly string[] = [
  // workspace
  'format',
  'version',
  'title',
  'activeScenario',
  'claims',
  'scenarios',
  'presentation',
  // presentation (a pin is a quantity reference)
  'pins',
  'kind',
  'driverId',
  'path',
  // shared by every object with an identity
  'id',
  'name',
  'label',
  // claim
  'metric',
  'year',
  'fromYear',
  'toYear',
  'member',
  'op',
  // scenario
  'notes',
  'model',
  // model
  'unit',
  'baseYear',
  'endYear',
  'baseSize',
  'baseGrowth',
  'drivers',
  'dimensions',
  'simulation',
  // driver
  'impact',
  'startYear',
  'rampYears',
  'enabled',
  // dimension and member
  'members',
  'share',
  'growthDelta',
  'children',
  // simulation
  'samples',
  'seed',
  // quantity (and a claim's value, tolerance and source)
  'value',
  'range',
  'tolerance',
  'source',
  'note',
  // range
  'low',
  'high',
  'dist',
];
