// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { CHART_INK, FAN_INK, GHOST_COLORS, GHOST_DASHES, SERIES_PALETTE, STATUS_COLORS, scaledDash, seriesColor } from '../../../src/ui/charts/chartPalette';

function channel(c: number): number {
  const s = c / 255;
  return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
}

function luminance(hex: string): number {
  const n = Number.parseInt(hex.slice(1), 16);
  return 0.2126 * channel(n >> 16) + 0.7152 * channel((n >> 8) & 255) + 0.0722 * channel(n & 255);
}

/** WCAG contrast ratio against white. */
function contrastOnWhite(hex: string): number {
  return 1.05 / (luminance(hex) + 0.05);
}

/** CIE L*, perceived lightness 0–100. */
function lightness(hex: string): number {
  const y = luminance(hex);
  return y > 0.008856 ? 116 * Math.cbrt(y) - 16 : 903.3 * y;
}

describe('chart palette', () => {
  it('has twelve distinct series colours, repeating after that', () => {
    expect(new Set(SERIES_PALETTE.map((c) => c.toLowerCase())).size).toBe(12);
    expect(seriesColor(12)).toBe(seriesColor(0));
  });

  it('keeps every series colour visible on white (at least 2:1), so no band fades out on a projector', () => {
    for (const color of SERIES_PALETTE) expect(contrastOnWhite(color), color).toBeGreaterThanOrEqual(2);
  });

  it('alternates lightness between neighbours, so adjacent areas differ without relying on hue', () => {
    for (let i = 1; i < SERIES_PALETTE.length; i += 1) {
      const step = Math.abs(lightness(SERIES_PALETTE[i]!) - lightness(SERIES_PALETTE[i - 1]!));
      expect(step, `${SERIES_PALETTE[i - 1]} → ${SERIES_PALETTE[i]}`).toBeGreaterThanOrEqual(20);
    }
  });

  it('gives met and missed text-grade contrast (4.5:1) and ghosts line-grade contrast', () => {
    expect(contrastOnWhite(STATUS_COLORS.met)).toBeGreaterThanOrEqual(4.5);
    expect(contrastOnWhite(STATUS_COLORS.missed)).toBeGreaterThanOrEqual(4.5);
    expect(contrastOnWhite(STATUS_COLORS.notCheckable)).toBeGreaterThanOrEqual(3);
    for (const color of GHOST_COLORS) expect(contrastOnWhite(color), color).toBeGreaterThanOrEqual(4.5);
  });

  it('steps the fan’s bands darker inwards (projector-visible), under a forecast line that keeps graphics contrast on each', () => {
    const [outer, middle, inner] = FAN_INK.bands.map(lightness);
    expect(100 - outer!).toBeGreaterThanOrEqual(8); // the outer band stands off white
    expect(outer! - middle!).toBeGreaterThanOrEqual(7);
    expect(middle! - inner!).toBeGreaterThanOrEqual(7);
    const contrast = (a: string, b: string) => (Math.max(luminance(a), luminance(b)) + 0.05) / (Math.min(luminance(a), luminance(b)) + 0.05);
    for (const band of FAN_INK.bands) {
      expect(contrast(CHART_INK.forecast, band), band).toBeGreaterThanOrEqual(3);
      expect(contrast(FAN_INK.median, band), band).toBeGreaterThanOrEqual(3);
    }
  });
});

describe('the fan median and the ghosts', () => {
  it('draws the median in a pattern no ghost line uses, so present mode’s base line is never read as it', () => {
    expect(GHOST_DASHES).not.toContain(FAN_INK.medianDash);
  });

  it('scales a dash pattern with the line, keeping its shape', () => {
    expect(scaledDash('6 4', 2)).toBe('12 8');
    expect(scaledDash('0.1 3.4', 1)).toBe('0.1 3.4');
    expect(scaledDash(undefined, 2)).toBeUndefined();
  });
});
