// @vitest-environment jsdom
/**
 * The engine's warnings in words, where the user sees them: every kind of warning names the year
 * and the part of the market in plain language, never a key or a code.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup, render, screen, within } from '@testing-library/react';
import { forecast } from '../../src/engine/forecast';
import type { ForecastWarning } from '../../src/engine/forecastTypes';
import type { Member } from '../../src/model/types';
import { resetSlidecastStore, useSlidecast } from '../../src/state/store';
import { WarningList, describeWarning } from '../../src/ui/forecast/WarningList';
import { dimension, member, model } from '../support/models';
import { workspaceOf } from '../state/storeFactories';
import { computeActiveScenario } from './screenHarness';

const named = (m: Member, name: string): Member => ({ ...m, name });

/** Hardware and Software both shrink by 150% a year; so do North America's two countries. */
function collapsingModel() {
  return model({
    baseYear: 2025,
    endYear: 2028,
    baseGrowth: 0.02,
    dimensions: [
      { ...dimension('type', [named(member('hw', 0.5, { delta: -1.5 }), 'Hardware'), named(member('sw', 0.5, { delta: -1.5 }), 'Software')]), name: 'Product type' },
      {
        ...dimension('region', [
          named(
            member('na', 0.5, {
              children: [named(member('us', 0.5, { delta: -1.5 }), 'United States'), named(member('ca', 0.5, { delta: -1.5 }), 'Canada')],
            }),
            'North America',
          ),
          named(member('eu', 0.5), 'Europe'),
        ]),
        name: 'Region',
      },
    ],
  });
}

afterEach(() => {
  cleanup();
  resetSlidecastStore();
});

describe('describeWarning', () => {
  const layout = forecast(collapsingModel()).layout;

  it('says when the market would shrink below zero, with the growth that did it', () => {
    const warning: ForecastWarning = { kind: 'totalClamped', year: 2026, growth: -1.2 };
    expect(describeWarning(warning, layout)).toBe(
      'In 2026 growth is -120.0%: the market cannot shrink below zero, so it is held at 0.',
    );
  });

  it('names a member that would shrink by more than 100%, nested ones too', () => {
    expect(describeWarning({ kind: 'memberClamped', key: 'type/hw', year: 2026 }, layout)).toBe(
      'In 2026 Hardware would shrink by more than 100%: it is held at 0.',
    );
    expect(describeWarning({ kind: 'memberClamped', key: 'region/na/ca', year: 2027 }, layout)).toBe(
      'In 2027 Canada would shrink by more than 100%: it is held at 0.',
    );
  });

  it('names the dimension or the member whose parts all fell to zero', () => {
    expect(describeWarning({ kind: 'listCollapsed', parentKey: 'type', year: 2026 }, layout)).toBe(
      'From 2026 every part of Product type has fallen to zero: its split is shown as 0.',
    );
    expect(describeWarning({ kind: 'listCollapsed', parentKey: 'region/na', year: 2026 }, layout)).toBe(
      'From 2026 every part of North America has fallen to zero: its split is shown as 0.',
    );
  });

  it('says when the market grows past the largest number that can be computed', () => {
    expect(describeWarning({ kind: 'totalOverflow', year: 2033 }, layout)).toBe(
      'In 2033 the market passes the largest number that can be computed (about 1.8 × 10^308): from then on it cannot be shown.',
    );
  });

  it('describes every warning the engine gives for a collapsing model, without a raw key', () => {
    const result = forecast(collapsingModel());
    expect(new Set(result.warnings.map((w) => w.kind))).toEqual(new Set(['memberClamped', 'listCollapsed']));
    for (const warning of result.warnings) {
      const words = describeWarning(warning, result.layout);
      expect(words).toMatch(/^(In|From) 2026 /);
      expect(words).not.toMatch(/region\/|type\/|\bhw\b|\bna\b/);
    }
  });
});

describe('WarningList', () => {
  it('shows nothing when there is nothing to say', () => {
    computeActiveScenario();
    const { container } = render(<WarningList />);
    expect(container).toBeEmptyDOMElement();
  });

  it("lists the engine's warnings for the scenario on screen, in words", () => {
    useSlidecast.getState().replaceWorkspace(workspaceOf(collapsingModel()));
    computeActiveScenario();
    render(<WarningList />);
    const warnings = within(screen.getByRole('region', { name: 'Warnings' })).getAllByRole('listitem');
    expect(warnings.map((w) => w.textContent)).toEqual([
      'In 2026 Hardware would shrink by more than 100%: it is held at 0.',
      'In 2026 Software would shrink by more than 100%: it is held at 0.',
      'From 2026 every part of Product type has fallen to zero: its split is shown as 0.',
      'In 2026 United States would shrink by more than 100%: it is held at 0.',
      'In 2026 Canada would shrink by more than 100%: it is held at 0.',
      'From 2026 every part of North America has fallen to zero: its split is shown as 0.',
    ]);
  });

  it('says when the total is held at zero', () => {
    useSlidecast.getState().replaceWorkspace(workspaceOf(model({ baseYear: 2025, endYear: 2027, baseGrowth: -1.2 })));
    computeActiveScenario();
    render(<WarningList />);
    expect(screen.getByRole('status')).toHaveTextContent('In 2026 growth is -120.0%: the market cannot shrink below zero');
  });

  it('shows a compute error as an alert and the engine notice as a status', () => {
    render(<WarningList />);
    act(() => {
      useSlidecast.getState().setComputeError('endYear must be after baseYear');
      useSlidecast.getState().setEngineFallback('The forecast engine is running on the main thread (the worker failed).');
    });
    expect(screen.getByRole('alert')).toHaveTextContent('The forecast could not be computed: endYear must be after baseYear');
    expect(screen.getByRole('status')).toHaveTextContent('running on the main thread');
  });

  it('clears the compute error when a result arrives', () => {
    render(<WarningList />);
    act(() => useSlidecast.getState().setComputeError('boom'));
    expect(screen.getByRole('alert')).toBeInTheDocument();
    act(() => {
      computeActiveScenario();
    });
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it("does not show another scenario's warnings", () => {
    const collapsing = collapsingModel();
    const workspace = workspaceOf(model({}), collapsing);
    useSlidecast.getState().replaceWorkspace(workspace);
    // The result on hand is the collapsing scenario's, but the first scenario is on screen.
    useSlidecast.getState().setResult('s1', { forecast: forecast(collapsing), claims: [] });
    const { container } = render(<WarningList />);
    expect(container).toBeEmptyDOMElement();
  });
});
