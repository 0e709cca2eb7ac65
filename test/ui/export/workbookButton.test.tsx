// @vitest-environment jsdom
/**
 * "Download workbook (Excel)" beside the CSV: it hands the scenario on screen to the workbook
 * builder (mocked here: its own tests open real workbooks) and downloads what comes back under
 * the workspace's and scenario's name; a pending line while it loads; a failure is an alert that
 * names what failed.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { forecast } from '../../../src/engine/forecast';
import { resetSlidecastStore, useSlidecast } from '../../../src/state/store';
import { activeScenarioOf } from '../../../src/state/scenarioSelectors';
import { ForecastActions } from '../../../src/ui/export/ForecastActions';
import { captureDownloads, type CapturedDownload } from '../../support/captureDownloads';

const builder = vi.hoisted(() => ({ forecastWorkbookBytes: vi.fn() }));
vi.mock('../../../src/io/office/forecastWorkbook', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../../src/io/office/forecastWorkbook')>()),
  forecastWorkbookBytes: builder.forecastWorkbookBytes,
}));

let downloads: CapturedDownload[] = [];

beforeEach(() => {
  downloads = captureDownloads();
});
afterEach(() => {
  cleanup();
  resetSlidecastStore();
  builder.forecastWorkbookBytes.mockReset();
});

function renderActions() {
  const user = userEvent.setup();
  const model = activeScenarioOf(useSlidecast.getState().workspace).model;
  render(<ForecastActions forecast={forecast(model)} />);
  return user;
}

describe('Download workbook (Excel)', () => {
  it('builds the workbook of the scenario on screen, says so while it loads, and downloads it by the workspace’s and scenario’s name', async () => {
    let finish!: (bytes: Uint8Array) => void;
    builder.forecastWorkbookBytes.mockReturnValue(new Promise((resolve) => (finish = resolve)));
    const user = renderActions();
    await user.click(screen.getByRole('button', { name: 'Download workbook (Excel)' }));
    expect(await screen.findByRole('status')).toHaveTextContent('Preparing the workbook…');

    // The builder's module loads on the click, so the call comes a moment later.
    await vi.waitFor(() => expect(builder.forecastWorkbookBytes).toHaveBeenCalledTimes(1), { timeout: 5000 });
    // A second click while it is being made makes no second workbook.
    const button = screen.getByRole('button', { name: 'Download workbook (Excel)' });
    expect(button).toHaveAttribute('aria-busy', 'true');
    await user.click(button);
    const { workspace } = useSlidecast.getState();
    const input = builder.forecastWorkbookBytes.mock.calls[0]![0];
    expect(input.scenario).toBe(activeScenarioOf(workspace));
    expect(input.workspaceTitle).toBe(workspace.title);
    expect(input.claims).toBe(workspace.claims);
    expect(Array.from(input.forecast.total)).toEqual(Array.from(forecast(activeScenarioOf(workspace).model).total));

    finish(new Uint8Array([80, 75, 3, 4]));
    const name = 'AI in Medical Imaging Diagnosis - Report consensus - model.xlsx';
    expect(await screen.findByText(`Downloaded “${name}”.`)).toBeInTheDocument();
    expect(downloads.map((d) => d.name)).toEqual([name]);
    expect(builder.forecastWorkbookBytes).toHaveBeenCalledTimes(1);
    expect(button).not.toHaveAttribute('aria-busy');
    expect(downloads[0]!.blob.type).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(new Uint8Array(await downloads[0]!.blob.arrayBuffer())).toEqual(new Uint8Array([80, 75, 3, 4]));
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('shows a failure in an alert that names what failed, and downloads nothing', async () => {
    builder.forecastWorkbookBytes.mockRejectedValue(new Error('exceljs could not be loaded'));
    const user = renderActions();
    await user.click(screen.getByRole('button', { name: 'Download workbook (Excel)' }));
    expect(await screen.findByRole('alert', {}, { timeout: 5000 })).toHaveTextContent('The workbook could not be made (exceljs could not be loaded).');
    expect(downloads).toEqual([]);
  });
});
