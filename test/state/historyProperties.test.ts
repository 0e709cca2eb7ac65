/**
 * Undo as a property: whatever a user does with the sliders, switches and resets, the model stays
 * one the file format accepts, and undoing every step walks back through exactly the workspaces
 * seen on the way — the same objects — to the one they started from. Redo walks forward again.
 */
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import type { Model, Workspace } from '../../src/model/types';
import { findMemberList, type QuantityRef } from '../../src/model/quantityRef';
import { seedWorkspace } from '../../src/model/seedWorkspace';
import { activeModelOf } from '../../src/state/scenarioSelectors';
import { resetSlidecastStore, useSlidecast } from '../../src/state/store';
import { arbitraryWorkspace, memberPaths } from '../support/arbitraries';
import { drag, fileProblems, reset, setShare, setTiming, setValue, siblingsOf } from './storeFactories';
import { assertProperty } from '../support/property';

type Edit =
  | { kind: 'value'; ref: QuantityRef; value: number }
  | { kind: 'drag'; ref: QuantityRef; values: number[] }
  | { kind: 'share'; path: string[]; value: number; lockMask: number }
  | { kind: 'reset'; ref: QuantityRef }
  | { kind: 'timing'; driverId: string; enabled?: boolean; startYear?: number; rampYears?: number };

/** Values the screen can set: the number box refuses anything outside these. */
const sizeValue = fc.double({ min: 0, max: 1e4, noNaN: true });
const rateValue = fc.double({ min: -1, max: 10, noNaN: true });

/** Every edit a user can make to this model, through the same functions the screen calls. */
function arbitraryEdit(model: Model): fc.Arbitrary<Edit> {
  const paths = memberPaths(model).map((p) => p.split('/'));
  const rateRefs: QuantityRef[] = [
    { kind: 'baseGrowth' },
    ...model.drivers.map((d): QuantityRef => ({ kind: 'driverImpact', driverId: d.id })),
    ...paths.map((path): QuantityRef => ({ kind: 'memberGrowthDelta', path })),
  ];
  const valueEdit = fc.oneof(
    sizeValue.map((value): Edit => ({ kind: 'value', ref: { kind: 'baseSize' }, value })),
    fc.record({ ref: fc.constantFrom(...rateRefs), value: rateValue }).map((e): Edit => ({ kind: 'value', ...e })),
  );
  const dragEdit = fc.oneof(
    fc.array(sizeValue, { minLength: 1, maxLength: 6 }).map((values): Edit => ({ kind: 'drag', ref: { kind: 'baseSize' }, values })),
    fc
      .record({ ref: fc.constantFrom(...rateRefs), values: fc.array(rateValue, { minLength: 1, maxLength: 6 }) })
      .map((e): Edit => ({ kind: 'drag', ...e })),
  );
  const shareRefs: QuantityRef[] = paths.map((path) => ({ kind: 'memberShare', path }));
  const edits: fc.Arbitrary<Edit>[] = [
    valueEdit,
    dragEdit,
    fc.constantFrom(...rateRefs, ...shareRefs, { kind: 'baseSize' } as QuantityRef).map((ref): Edit => ({ kind: 'reset', ref })),
  ];
  if (paths.length > 0) {
    edits.push(
      fc
        .record({
          path: fc.constantFrom(...paths),
          // Outside [0, 1] too: the linked sliders clamp.
          value: fc.double({ min: -0.5, max: 1.5, noNaN: true }),
          lockMask: fc.nat(),
        })
        .map((e): Edit => ({ kind: 'share', ...e })),
    );
  }
  if (model.drivers.length > 0) {
    edits.push(
      fc
        .record(
          {
            driverId: fc.constantFrom(...model.drivers.map((d) => d.id)),
            enabled: fc.boolean(),
            startYear: fc.integer({ min: model.baseYear + 1, max: model.endYear }),
            rampYears: fc.integer({ min: 1, max: 10 }),
          },
          { requiredKeys: ['driverId'] },
        )
        .map((e): Edit => ({ kind: 'timing', ...e })),
    );
  }
  return fc.oneof(...edits);
}

function lockedFlags(model: Model, path: readonly string[], mask: number): boolean[] {
  return siblingsOf(model, path).map((_, i) => (mask & (1 << i % 30)) !== 0);
}

function apply(edit: Edit): void {
  switch (edit.kind) {
    case 'value':
      return setValue(edit.ref, edit.value);
    case 'drag':
      return drag(edit.ref, edit.values);
    case 'reset':
      return reset(edit.ref);
    case 'timing': {
      const { driverId, ...timing } = edit;
      delete (timing as { kind?: string }).kind;
      return setTiming(driverId, timing);
    }
    case 'share': {
      const before = activeModelOf(useSlidecast.getState().workspace);
      const locked = lockedFlags(before, edit.path, edit.lockMask);
      setShare(edit.path, edit.value, locked);
      // Locked siblings never move.
      const after = activeModelOf(useSlidecast.getState().workspace);
      const index = findMemberList(before, edit.path)!.index;
      siblingsOf(after, edit.path).forEach((member, i) => {
        if (locked[i] && i !== index) expect(member.share).toBe(siblingsOf(before, edit.path)[i]!.share);
      });
      return;
    }
  }
}

/** Runs the edits, checking the model after each; returns the distinct workspaces seen, oldest first. */
function runEdits(edits: readonly Edit[]): Workspace[] {
  const seen = [useSlidecast.getState().workspace];
  for (const edit of edits) {
    apply(edit);
    const now = useSlidecast.getState().workspace;
    expect(fileProblems(now), `after ${JSON.stringify(edit)}`).toEqual([]);
    if (now !== seen[seen.length - 1]) seen.push(now);
  }
  return seen;
}

function checkHistory(initial: Workspace, edits: readonly Edit[]): void {
  const seen = runEdits(edits);
  const store = useSlidecast.getState;
  expect(store().past).toHaveLength(seen.length - 1);

  // As many undos as edits (some edits made no step: the extra undos do nothing).
  for (let i = 0; i < edits.length; i++) {
    store().undo();
    expect(store().workspace).toBe(seen[Math.max(0, seen.length - 2 - i)]);
  }
  expect(store().workspace).toBe(initial);

  for (let i = 0; i < edits.length; i++) store().redo();
  expect(store().workspace).toBe(seen[seen.length - 1]);
}

afterEach(resetSlidecastStore);

describe('history over random edits', () => {
  it('on the seed workspace: every model valid, undo walks back to the same objects, redo forward', () => {
    const initial = seedWorkspace();
    assertProperty(
      fc.property(fc.array(arbitraryEdit(activeModelOf(initial)), { maxLength: 30 }), (edits) => {
        resetSlidecastStore();
        useSlidecast.getState().replaceWorkspace(initial);
        checkHistory(initial, edits);
      }),
      { numRuns: 60 },
    );
  });

  it('on random valid workspaces', () => {
    const cases = arbitraryWorkspace({ maxScenarios: 2, maxClaims: 2, maxYears: 12, maxDimensions: 3, maxMembers: 5, maxDepth: 2, maxDrivers: 4 }).chain(
      (workspace) => fc.tuple(fc.constant(workspace), fc.array(arbitraryEdit(activeModelOf(workspace)), { maxLength: 20 })),
    );
    assertProperty(
      fc.property(cases, ([workspace, edits]) => {
        resetSlidecastStore();
        useSlidecast.getState().replaceWorkspace(workspace);
        checkHistory(workspace, edits);
      }),
      { numRuns: 60 },
    );
  });

  it('edits only the scenario on screen, whatever the edits', () => {
    const initial = seedWorkspace();
    assertProperty(
      fc.property(fc.array(arbitraryEdit(activeModelOf(initial)), { minLength: 1, maxLength: 15 }), (edits) => {
        resetSlidecastStore();
        useSlidecast.getState().replaceWorkspace(initial);
        runEdits(edits);
        const { workspace } = useSlidecast.getState();
        expect(workspace.scenarios[1]).toBe(initial.scenarios[1]);
        expect(workspace.claims).toBe(initial.claims);
      }),
      { numRuns: 30 },
    );
  });
});
