/**
 * Commands about the whole forecast on the model screen: the full forecast as CSV (every member,
 * every year, and percentiles when the forecast was simulated) and the printable summary.
 */
import type { Forecast } from '../../engine/forecastTypes';
import { downloadText } from '../../io/download';
import { forecastCsv, type PercentileSeries } from '../../io/tableExport';
import { PrintButton } from '../print/PrintButton';
import { FeedbackMessage, useFeedback } from './feedback';
import { UTF8_BOM, useExportNames } from './exportNames';
import { errorText } from '../../model/errorText';
import './export.css';

export interface ForecastActionsProps {
  forecast: Forecast;
  /** Percentiles of a simulation, when there is one; their rows follow the forecast's. */
  percentiles?: PercentileSeries;
}

export function ForecastActions({ forecast, percentiles }: ForecastActionsProps) {
  const names = useExportNames();
  const { feedback, show, clear } = useFeedback();

  const downloadForecast = () => {
    clear();
    try {
      const fileName = names.fileName('forecast', 'csv');
      downloadText(fileName, UTF8_BOM + forecastCsv(forecast, percentiles ? { percentiles } : {}), 'text/csv');
      show({ ok: true, message: `Downloaded “${fileName}”.` });
    } catch (error) {
      show({ ok: false, message: `The forecast could not be downloaded (${errorText(error)}).` });
    }
  };

  return (
    <div className="forecast-actions" role="group" aria-label="Forecast exports">
      <button type="button" className="export-button" onClick={downloadForecast}>
        Download forecast (CSV)
      </button>
      <PrintButton />
      <FeedbackMessage feedback={feedback} onDismiss={clear} />
    </div>
  );
}
