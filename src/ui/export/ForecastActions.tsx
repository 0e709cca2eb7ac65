/**
 * Commands about the whole forecast on the model screen: the full forecast as CSV (every member,
 * every year, and percentiles when the forecast was simulated) and the printable summary.
 */
import type { Forecast } from '../../engine/forecastTypes';
import { downloadBlob, downloadText } from '../../io/download';
import type { SimulationSummary } from '../../engine/simulationSummary';
import { percentileSeries } from '../../io/percentileExport';
import { forecastCsv } from '../../io/tableExport';
import { PrintButton } from '../print/PrintButton';
import { DeckExportMenu } from './DeckExportMenu';
import { FeedbackMessage, useExportRun, useFeedback } from './feedback';
import { UTF8_BOM, useExportNames } from './exportNames';
import { errorText } from '../../model/errorText';
import { useSlidecast } from '../../state/store';
import { activeScenarioOf } from '../../state/scenarioSelectors';
import './export.css';

export interface ForecastActionsProps {
  forecast: Forecast;
  /**
   * The simulation of the scenario, when there is one: its percentile rows follow the forecast's,
   * the same rows as the command line's CSV. Read when the file is made, not on every update.
   */
  simulation?: SimulationSummary;
}

export function ForecastActions({ forecast, simulation }: ForecastActionsProps) {
  const names = useExportNames();
  const { feedback, show, clear } = useFeedback();

  const downloadForecast = () => {
    clear();
    try {
      const fileName = names.fileName('forecast', 'csv');
      downloadText(fileName, UTF8_BOM + forecastCsv(forecast, simulation ? { percentiles: percentileSeries(simulation) } : {}), 'text/csv');
      show({ ok: true, message: `Downloaded “${fileName}”.` });
    } catch (error) {
      show({ ok: false, message: `The forecast could not be downloaded (${errorText(error)}).` });
    }
  };

  // The workbook (issue 12): its builder and exceljs load on the first click, not with the app.
  // A click while one is being made is ignored: one click, one file.
  const workbook = useExportRun({ show, clear });
  const downloadWorkbook = () => {
    if (workbook.busy) return;
    workbook.run(
      async () => {
        const fileName = names.fileName('model', 'xlsx');
        const { forecastWorkbookBytes, forecastWorkbookInput, XLSX_TYPE } = await import('../../io/office/forecastWorkbook');
        const { workspace } = useSlidecast.getState();
        const bytes = await forecastWorkbookBytes(forecastWorkbookInput(workspace, activeScenarioOf(workspace)));
        downloadBlob(fileName, new Blob([bytes], { type: XLSX_TYPE }));
        return { ok: true, message: `Downloaded “${fileName}”.` };
      },
      { pending: 'Preparing the workbook…', failure: (reason) => `The workbook could not be made (${reason}).` },
    );
  };

  return (
    <div className="forecast-actions" role="group" aria-label="Forecast exports">
      <button type="button" className="export-button" onClick={downloadForecast}>
        Download forecast (CSV)
      </button>
      <button type="button" className="export-button" aria-busy={workbook.busy || undefined} onClick={downloadWorkbook}>
        Download workbook (Excel)
      </button>
      <PrintButton />
      <DeckExportMenu feedbackLine={{ show, clear }} />
      <FeedbackMessage feedback={feedback} onDismiss={clear} />
    </div>
  );
}
