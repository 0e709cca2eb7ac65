/** Opens the browser’s print dialog on the printed summary of the scenario on screen (one page, its notes after). */
import { printSummary } from './printMode';

export function PrintButton() {
  return (
    <button type="button" className="export-button" onClick={printSummary} title="A one-page summary of this scenario, its notes after, for paper or PDF (Ctrl+P)">
      Print summary
    </button>
  );
}
