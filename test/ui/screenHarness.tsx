/**
 * What the component tests share: the real store and the real engine, with results put in the
 * store the way the engine client would (no worker), and a ResizeObserver for the charts (jsdom
 * has none; the charts measure their container's width with one).
 */
import type { ReactElement } from 'react';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { expect, vi } from 'vitest';
import { evaluateScenario, type ScenarioResult } from '../../src/engine/evaluateScenario';
import { activeScenarioOf } from '../../src/state/scenarioSelectors';
import { useSlidecast } from '../../src/state/store';

/** A ResizeObserver that reports every observed element as `width` px wide, at once. */
export function stubResizeObserver(width = 800): void {
  class FixedSizeObserver {
    readonly #callback: ResizeObserverCallback;
    constructor(callback: ResizeObserverCallback) {
      this.#callback = callback;
    }
    observe(target: Element): void {
      const contentRect = { width, height: 400, top: 0, left: 0, x: 0, y: 0, bottom: 400, right: width } as DOMRectReadOnly;
      this.#callback([{ target, contentRect } as ResizeObserverEntry], this as unknown as ResizeObserver);
    }
    unobserve(): void {}
    disconnect(): void {}
  }
  vi.stubGlobal('ResizeObserver', FixedSizeObserver);
}

/** Computes the scenario on screen with the real engine and puts the result in the store. */
export function computeActiveScenario(): ScenarioResult {
  const { workspace, setResult } = useSlidecast.getState();
  const scenario = activeScenarioOf(workspace);
  const result = evaluateScenario(scenario.model, workspace.claims);
  setResult(scenario.id, result);
  return result;
}

/** Renders a screen or panel with a user to drive it. */
export function renderWithUser(ui: ReactElement) {
  const user = userEvent.setup();
  return { user, ...render(ui) };
}

/** An assumptions group (Market, Growth drivers and restraints, a dimension) by its heading. */
export function assumptionGroup(name: string): HTMLElement {
  const heading = screen.getByRole('heading', { name, level: 2 });
  const group = heading.closest('details');
  if (!group) throw new Error(`no assumptions group "${name}"`);
  return group as HTMLElement;
}

/*
 * Finding one control among the screen's ~300 by role and name takes over a second in jsdom (every
 * candidate's accessible name and visibility is computed). These helpers find it by the label a
 * person reads, then check that it has the role and accessible name the contract promises
 * (DESIGN.md §6), so the tests stay fast without trusting markup details.
 */

/** A slider by the quantity's name (`quantityName`), e.g. "Market size 2025" or "Region: Europe share". */
export function slider(quantityName: string, container: HTMLElement = document.body): HTMLInputElement {
  const labels = [...container.querySelectorAll('label')].filter((label) => label.textContent === quantityName);
  const controls = labels.map((label) => label.control).filter((control) => control !== null);
  if (controls.length !== 1) throw new Error(`expected one slider named "${quantityName}", found ${controls.length}`);
  const control = controls[0]!;
  expect(control).toHaveRole('slider');
  expect(control).toHaveAccessibleName(quantityName);
  return control as HTMLInputElement;
}

/** The number box beside a slider, e.g. "Market size 2025 (USD bn)" or "Europe share (%)". */
export function numberBox(quantityName: string, container: HTMLElement = document.body): HTMLInputElement {
  const boxes = [...container.querySelectorAll('input[aria-label]')].filter((box) =>
    box.getAttribute('aria-label')!.startsWith(`${quantityName} (`),
  );
  if (boxes.length !== 1) throw new Error(`expected one number box for "${quantityName}", found ${boxes.length}`);
  expect(boxes[0]).toHaveRole('textbox');
  return boxes[0] as HTMLInputElement;
}

/** A control named by its aria-label (buttons, switches, selects), checked to have `role`. */
export function control(role: string, name: string, container: HTMLElement = document.body): HTMLElement {
  const found = [...container.querySelectorAll('[aria-label]')].filter((element) => element.getAttribute('aria-label') === name);
  if (found.length !== 1) throw new Error(`expected one ${role} named "${name}", found ${found.length}`);
  expect(found[0]).toHaveRole(role);
  expect(found[0]).toHaveAccessibleName(name);
  return found[0] as HTMLElement;
}
