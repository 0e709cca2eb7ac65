/** Opens the browser’s print dialog on the one-page summary of the scenario on screen. */
import { printSummary } from './printMode';

export function PrintButton() {
  return (
    <button type="button" className="export-button" onClick={printSummary} title="A one-page summary of this scenario for paper or PDF (Ctrl+P)">
      Print summary
    </button>
  );
}
