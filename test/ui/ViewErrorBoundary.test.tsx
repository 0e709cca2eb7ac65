// @vitest-environment jsdom
/**
 * A render error inside one view no longer blanks the app: the view shows what went wrong (as
 * text), offers the workspace as a download and a reload, and the top bar stays, so another view
 * can be opened. The total chart is made to throw, as a bug in it would.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen, within } from '@testing-library/react';
import { serializeWorkspace } from '../../src/model/workspaceFile';
import { connectEngine } from '../../src/state/engineConnection';
import { resetSlidecastStore, useSlidecast } from '../../src/state/store';
import { App } from '../../src/ui/App';
import { ViewErrorBoundary } from '../../src/ui/ViewErrorBoundary';
import { renderWithUser, slider, stubResizeObserver } from './screenHarness';

const chart = vi.hoisted(() => ({ message: '' }));

vi.mock('../../src/ui/charts/TotalChart', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../src/ui/charts/TotalChart')>();
  return {
    ...original,
    TotalChart: (props: Parameters<typeof original.TotalChart>[0]) => {
      if (chart.message) throw new Error(chart.message);
      return original.TotalChart(props);
    },
  };
});

let disconnect: (() => void) | undefined;

beforeEach(() => {
  stubResizeObserver();
  disconnect = connectEngine(useSlidecast, () => {
    throw new Error('Worker is not defined');
  });
  // React reports every error a boundary catches on the console; the test reads the screen.
  vi.spyOn(console, 'error').mockImplementation(() => {});
});

afterEach(() => {
  cleanup();
  disconnect?.();
  resetSlidecastStore();
  vi.unstubAllGlobals();
  chart.message = '';
});

/** Catches what the browser would download: the file name and the blob's text. */
function catchDownloads(): { name: string; text: Promise<string> }[] {
  const downloads: { name: string; text: Promise<string> }[] = [];
  const blobs = new Map<string, Blob>();
  vi.stubGlobal(
    'URL',
    Object.assign(class extends URL {}, {
      createObjectURL: (blob: Blob) => {
        const url = `blob:test/${blobs.size}`;
        blobs.set(url, blob);
        return url;
      },
      revokeObjectURL: () => {},
    }),
  );
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    downloads.push({ name: this.download, text: blobs.get(this.getAttribute('href')!)!.text() });
  });
  return downloads;
}

describe('a view that fails to render', () => {
  it('shows the error as text with Download and Reload, keeps the top bar, and downloads the workspace', async () => {
    chart.message = 'Cannot read properties of undefined (reading "total") <img src=x onerror=alert(1)>';
    const downloads = catchDownloads();
    const { user } = renderWithUser(<App />);

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The model view stopped working');
    expect(alert).toHaveTextContent('Cannot read properties of undefined (reading "total") <img src=x onerror=alert(1)>');
    expect(alert.querySelector('img')).toBeNull();
    const download = within(alert).getByRole('button', { name: 'Download the workspace' });
    expect(within(alert).getByRole('button', { name: 'Reload' })).toBeInTheDocument();

    // The rest of the app is still there.
    expect(screen.getByRole('navigation', { name: 'Views' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Save' })).toBeInTheDocument();
    expect(screen.getByTestId('headline-total')).toBeInTheDocument();

    const workspace = useSlidecast.getState().workspace;
    await user.click(download);
    expect(downloads).toHaveLength(1);
    expect(downloads[0]!.name).toBe('AI in Medical Imaging Diagnosis.slidecast.json');
    expect(await downloads[0]!.text).toBe(serializeWorkspace(workspace));
    expect(useSlidecast.getState().workspace).toBe(workspace);
  });

  it('lets the user switch to another view, and tries the view again when they come back', async () => {
    chart.message = 'chart exploded';
    const { user } = renderWithUser(<App />);
    expect(await screen.findByRole('alert')).toHaveTextContent('chart exploded');

    await user.click(screen.getByRole('button', { name: 'Scenarios' }));
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.getByRole('region', { name: 'Scenarios' })).toBeInTheDocument();

    chart.message = '';
    await user.click(screen.getByRole('button', { name: 'Model' }));
    expect(screen.queryByRole('alert')).toBeNull();
    expect(slider('Market size 2025')).toBeInTheDocument();
  });

  it('in present mode, offers a way back to the model as well', async () => {
    const leave = vi.fn();
    function Broken(): never {
      throw new Error('present mode broke');
    }
    const { user } = renderWithUser(
      <ViewErrorBoundary viewName="Present mode" onLeave={leave} leaveLabel="Leave present mode">
        <Broken />
      </ViewErrorBoundary>,
    );
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('Present mode stopped working');
    expect(alert).toHaveTextContent('present mode broke');
    expect(within(alert).getByRole('button', { name: 'Download the workspace' })).toBeInTheDocument();
    await user.click(within(alert).getByRole('button', { name: 'Leave present mode' }));
    expect(leave).toHaveBeenCalledOnce();
  });

  it('renders its view untouched when nothing fails', () => {
    render(
      <ViewErrorBoundary viewName="Model">
        <p>fine</p>
      </ViewErrorBoundary>,
    );
    expect(screen.getByText('fine')).toBeInTheDocument();
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
