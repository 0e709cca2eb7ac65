import { describe, expect, it } from 'vitest';
import { runForecastCli } from '../../src/cli/forecast';

// The worked example of README.md, "The arithmetic, worked by hand": if the engine changes, the
// README must change with it.
describe('the README’s worked example', () => {
  it('gives the numbers worked by hand', async () => {
    const { code, stdout } = await runForecastCli(['test/fixtures/good/v1-readme-example.slidecast.json']);
    expect(code).toBe(0);
    const json = JSON.parse(stdout);
    expect(json.total).toEqual([100, expect.closeTo(103.5, 9), expect.closeTo(108.675, 9)]);
    expect(json.members['region/north'][1]).toBeCloseTo(62.339, 3);
    expect(json.members['region/south'][1]).toBeCloseTo(41.161, 3);
    expect(json.members['region/north'][2]).toBeCloseTo(65.702, 3);
    expect(json.members['region/south'][2]).toBeCloseTo(42.973, 3);
    expect((json.members['region/north'][2] / 60) ** 0.5 - 1).toBeCloseTo(0.0464, 4);
  });
});
