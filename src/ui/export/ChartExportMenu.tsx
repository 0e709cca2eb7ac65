/**
 * The export menu of a chart panel: PNG at twice the size on screen, a standalone SVG, or the
 * picture on the clipboard. It exports the chart drawn in its own panel, as it is on screen (the
 * dimension, drill-down and values/shares chosen), with a title and the chart's legend.
 */
import { copyChartToClipboard } from '../../io/chartExport/chartClipboard';
import { readLegend } from '../../io/chartExport/chartLegend';
import { findChartLegend } from '../charts/ChartLegend';
import { chartToPng } from '../../io/chartExport/chartPng';
import { SVG_FILE_TYPE, chartToSvg, type ChartExportOptions } from '../../io/chartExport/standaloneSvg';
import { downloadBlob, downloadText } from '../../io/download';
import { ExportMenu, type ExportMenuItem } from './ExportMenu';
import type { ExportFeedback } from './feedback';
import { useExportNames } from './exportNames';

export type ExportableChart = 'total-chart' | 'stacked-area-chart';

export interface ChartExportMenuProps {
  /** The `data-testid` of the chart's SVG in the same panel. */
  chart: ExportableChart;
  /** The picture's title, e.g. "Total market (USD bn)". */
  title: string;
  /** What the file is of, in its name: "total market", "by region - shares". */
  subject: string;
  /** What the chart is, in the button's name ("Export by region chart"); default `subject`. */
  name?: string;
}

const NOT_FOUND: ExportFeedback = { ok: false, message: 'The chart is not drawn yet, so there is nothing to export. Try again in a moment.' };

/** The chart's SVG in the panel the menu sits in. */
function findChart(menu: HTMLElement, chart: ExportableChart): SVGSVGElement | null {
  const panel = menu.closest('section, .panel') ?? document;
  const svg = panel.querySelector(`svg[data-testid="${chart}"]`);
  return svg instanceof SVGSVGElement ? svg : null;
}

export function ChartExportMenu({ chart, title, subject, name = subject }: ChartExportMenuProps) {
  const names = useExportNames();

  const optionsFor = (svg: SVGSVGElement): ChartExportOptions => ({
    title,
    subtitle: names.subtitle,
    legend: readLegend(findChartLegend(svg)),
  });

  const items: ExportMenuItem[] = [
    {
      id: 'png',
      label: 'PNG (2×)',
      pending: 'Drawing the PNG…',
      run: async (menu) => {
        const svg = findChart(menu, chart);
        if (!svg) return NOT_FOUND;
        const result = await chartToPng(svg, optionsFor(svg), 2);
        if (!result.ok) return { ok: false, message: result.message };
        const fileName = names.fileName(subject, 'png');
        downloadBlob(fileName, result.value.blob);
        return { ok: true, message: `Downloaded “${fileName}” (${result.value.width} × ${result.value.height} px).` };
      },
    },
    {
      id: 'svg',
      label: 'SVG',
      run: (menu) => {
        const svg = findChart(menu, chart);
        if (!svg) return NOT_FOUND;
        const result = chartToSvg(svg, optionsFor(svg));
        if (!result.ok) return { ok: false, message: result.message };
        const fileName = names.fileName(subject, 'svg');
        downloadText(fileName, result.value.text, SVG_FILE_TYPE);
        return { ok: true, message: `Downloaded “${fileName}”.` };
      },
    },
    {
      id: 'copy',
      label: 'Copy image',
      pending: 'Copying the chart…',
      run: async (menu) => {
        const svg = findChart(menu, chart);
        if (!svg) return NOT_FOUND;
        const result = await copyChartToClipboard(svg, optionsFor(svg), 2);
        if (!result.ok) return { ok: false, message: result.message };
        return { ok: true, message: `Copied the chart to the clipboard (${result.value.width} × ${result.value.height} px).` };
      },
    },
  ];

  return <ExportMenu label={`Export ${name} chart`} items={items} />;
}
