import { expect, type Locator, type Page } from '@playwright/test';

/**
 * Headless Chromium cannot answer File System Access pickers (they reject at once), so the
 * end-to-end tests remove them: browser-fs-access then falls back to a download for Save and an
 * `<input type=file>` for Open, which Playwright drives.
 */
export async function withoutFileSystemAccess(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as Record<string, unknown>;
    delete w.showOpenFilePicker;
    delete w.showSaveFilePicker;
    delete w.showDirectoryPicker;
  });
}

/** The end-year total the app shows, in model units, from the headline's raw value. */
export async function headlineTotal(page: Page): Promise<number> {
  return Number(await page.getByTestId('headline-total').getAttribute('data-value'));
}

export async function openApp(page: Page): Promise<void> {
  await page.goto('/');
  await expect(page.getByTestId('headline-total')).toBeVisible();
}

/** Types a value into a quantity's number box and commits it. */
export async function setNumber(page: Page, name: string, value: string): Promise<void> {
  const box = page.getByRole('textbox', { name: new RegExp(`^${name} \\(`) });
  await box.fill(value);
  await box.press('Enter');
}

/** Waits until the headline settles on a value different from `before`, and returns it. */
export async function headlineChangedFrom(page: Page, before: number): Promise<number> {
  await expect.poll(() => headlineTotal(page)).not.toBe(before);
  return headlineTotal(page);
}

/**
 * Where an end's thumb is now, in page pixels: its middle across the track, a little below the
 * track's centre line (the ends hang below the track, styles.css .slider-track).
 */
export async function thumbCentre(slider: Locator, thumbWidth: number): Promise<{ x: number; y: number }> {
  const box = (await slider.boundingBox())!;
  const [min, max, value] = await slider.evaluate((el) => {
    const input = el as HTMLInputElement;
    return [Number(input.min), Number(input.max), Number(input.value)];
  });
  const fraction = (value - min) / (max - min);
  return { x: box.x + thumbWidth / 2 + fraction * (box.width - thumbWidth), y: box.y + box.height / 2 + 5 };
}

/** Drags a handle's thumb `dx` pixels along its track with the mouse, in steps as a hand would. */
export async function dragBy(page: Page, slider: Locator, dx: number, thumbWidth: number): Promise<void> {
  const from = await thumbCentre(slider, thumbWidth);
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(from.x + dx, from.y, { steps: 8 });
  await page.mouse.up();
}

/** The ends' thumbs are 0.4rem wide (styles.css, .slider-track). */
export const END_WIDTH = 6.4;
