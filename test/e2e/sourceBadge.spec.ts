import { expect, test, type Page } from '@playwright/test';
import { openApp } from './support';

/**
 * A source badge's note opens below its slider's row, the whole width of the assumptions panel, so
 * the slider's label keeps its width: opened beside the label, the vendors' long note squeezed
 * "GE Healthcare share" to nothing. Checked with the longest notes (the vendors' reasoning and the
 * revenues the report quotes) and a driver's, on the smallest and a common screen.
 */

async function openNote(page: Page, name: string) {
  const badge = page.getByRole('button', { name: new RegExp(`^(Source|Assumed): ${name}, show details$`) });
  const row = page.locator('.quantity').filter({ has: badge });
  const label = row.locator('.quantity-label');
  await badge.scrollIntoViewIfNeeded();
  const closed = (await label.boundingBox())!;
  const closedBadge = (await badge.boundingBox())!;
  await badge.click();
  const note = row.getByRole('note');
  await expect(note).toBeVisible();
  // The details: the note, then the range (src/ui/assumptions/RangeEditor.tsx).
  const details = row.locator('.badge-details');
  return { badge, row, label, note, details, closed, closedBadge };
}

for (const viewport of [
  { width: 1024, height: 768 },
  { width: 1440, height: 900 },
]) {
  test(`at ${viewport.width}×${viewport.height} an open note sits below its row and leaves the label its width`, async ({ page }) => {
    await page.setViewportSize(viewport);
    await openApp(page);
    await page.locator('.assumptions summary', { hasText: /^Vendor$/ }).click();

    for (const name of ['Vendor: GE Healthcare share', 'Advances in AI algorithms and deep learning', 'Market size 2025']) {
      const { badge, row, label, note, details, closed, closedBadge } = await openNote(page, name);
      const open = (await label.boundingBox())!;
      expect(open.width, `${name}: label width`).toBeCloseTo(closed.width, 0);
      expect(open.height, `${name}: label height`).toBeCloseTo(closed.height, 0);
      // The row (label, badge, buttons) is as it was, and the note starts below it.
      const openBadge = (await badge.boundingBox())!;
      expect(openBadge.x, `${name}: badge stays put`).toBeCloseTo(closedBadge.x, 0);
      expect(openBadge.y - open.y, `${name}: badge beside the label`).toBeCloseTo(closedBadge.y - closed.y, 0);
      const noteBox = (await note.boundingBox())!;
      expect(noteBox.y, `${name}: note below the row`).toBeGreaterThanOrEqual(Math.max(open.y + open.height, openBadge.y + openBadge.height));
      // The details, the note in them, take the row's full width (inside its padding, which keeps
      // a focused slider's ring clear of the row's paint containment).
      const rowBox = (await row.boundingBox())!;
      const padding = await row.evaluate((el) => {
        const style = getComputedStyle(el);
        return Number.parseFloat(style.paddingLeft) + Number.parseFloat(style.paddingRight);
      });
      expect((await details.boundingBox())!.width, `${name}: details width`).toBeGreaterThan(rowBox.width - padding - 2);
      expect(noteBox.width, `${name}: note width`).toBeGreaterThan(rowBox.width - padding - 40);
      // The label's text is not cut: it is no wider than its box.
      expect(await label.evaluate((element) => element.scrollWidth <= element.clientWidth + 1), `${name}: label not truncated`).toBe(true);
      await badge.click();
      await expect(note).toHaveCount(0);
    }
  });
}

test('the vendor note shows the revenue the report quotes, as text', async ({ page }) => {
  await openApp(page);
  await page.locator('.assumptions summary', { hasText: /^Vendor$/ }).click();
  const { note } = await openNote(page, 'Vendor: GE Healthcare share');
  await expect(note).toContainText('No check:');
  await expect(note).toContainText('approximately $19 billion in 2022');
});
