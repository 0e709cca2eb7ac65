/**
 * The layout of a forecast (DESIGN.md §3): its years and one series per member of every dimension,
 * nested children included, in depth-first order.
 *
 * The layout depends only on the model's structure, so a consumer can keep it across forecasts
 * while the numbers change (a slider drag) and pass it back to `forecast` to skip rebuilding it.
 */
import type { Member, Model } from '../model/types';
import type { DimensionInfo, ForecastLayout, SeriesInfo } from './forecastTypes';

export function buildLayout(model: Model): ForecastLayout {
  const years: number[] = [];
  for (let y = model.baseYear; y <= model.endYear; y++) years.push(y);

  const series: SeriesInfo[] = [];
  const dimensions: DimensionInfo[] = [];

  // Adds `members` (children of series `parent`, or of the total when -1) and returns their indices.
  const addList = (members: readonly Member[], dimensionIndex: number, parentKey: string, parent: number, depth: number): number[] => {
    const indices: number[] = [];
    for (const member of members) {
      const index = series.length;
      const info: SeriesInfo = {
        key: `${parentKey}/${member.id}`,
        dimensionIndex,
        memberId: member.id,
        name: member.name,
        depth,
        parent,
        children: [],
      };
      series.push(info);
      indices.push(index);
      // Depth first: a member's descendants come right after it, before its next sibling.
      if (member.children !== undefined && member.children.length > 0) {
        info.children = addList(member.children, dimensionIndex, info.key, index, depth + 1);
      }
    }
    return indices;
  };

  model.dimensions.forEach((dimension, dimensionIndex) => {
    dimensions.push({
      id: dimension.id,
      name: dimension.name,
      members: addList(dimension.members, dimensionIndex, dimension.id, -1, 0),
    });
  });

  return { years, series, dimensions };
}
