import { describe, expect, it } from 'vitest';
import { WORKSPACE_FIELD_ORDER } from '../../src/model/workspaceFieldOrder';
import { workspaceSchema } from '../../src/model/workspaceSchema';

interface SchemaDef {
  type: string;
  shape?: Record<string, { _zod: { def: SchemaDef } }>;
  innerType?: { _zod: { def: SchemaDef } };
  element?: { _zod: { def: SchemaDef } };
  options?: { _zod: { def: SchemaDef } }[];
}

/** Every field name of every object in a zod schema, walking optionals, lists and unions. */
function fieldsOf(def: SchemaDef, seen = new Set<SchemaDef>(), fields = new Set<string>()): Set<string> {
  if (seen.has(def)) return fields; // members hold members
  seen.add(def);
  for (const [field, schema] of Object.entries(def.shape ?? {})) {
    fields.add(field);
    fieldsOf(schema._zod.def, seen, fields);
  }
  for (const inner of [def.innerType, def.element, ...(def.options ?? [])]) {
    if (inner) fieldsOf(inner._zod.def, seen, fields);
  }
  return fields;
}

describe('WORKSPACE_FIELD_ORDER', () => {
  it('holds every field of the schema once, and nothing else', () => {
    const schemaFields = [...fieldsOf(workspaceSchema._zod.def as unknown as SchemaDef)].sort();
    expect([...WORKSPACE_FIELD_ORDER].sort()).toEqual(schemaFields);
    expect(new Set(WORKSPACE_FIELD_ORDER).size).toBe(WORKSPACE_FIELD_ORDER.length);
  });
});
