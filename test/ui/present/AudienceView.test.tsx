// @vitest-environment jsdom
/**
 * The audience window: waits for its presenter, then draws present mode's headline of the
 * workspace it receives — and offers no control at all.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { act, cleanup, render, screen } from '@testing-library/react';
import { openPresenterChannel, type ChannelEnvironment } from '../../../src/io/audienceChannel';
import { seedWorkspace } from '../../../src/model/seedWorkspace';
import { resetSlidecastStore } from '../../../src/state/store';
import { AudienceView } from '../../../src/ui/present/AudienceView';
import { computeActiveScenario, stubResizeObserver } from '../screenHarness';
import { FakeBus } from '../../support/fakeBroadcastChannel';
import { connectMainThreadEngine, disconnectEngine } from '../analysis/analysisHarness';

const SESSION = 'aaaaaaaa-1111-2222-3333-444444444444';

function environment(bus: FakeBus): ChannelEnvironment {
  return { createChannel: bus.create, requestFrame: (callback) => (callback(), 0), cancelFrame: () => undefined, setInterval: () => 0, clearInterval: () => undefined };
}

beforeEach(() => stubResizeObserver(900));

afterEach(() => {
  cleanup();
  resetSlidecastStore();
});

describe('the audience window', () => {
  it('waits for the presenter, shows the headline of the workspace it receives with no controls, and waits again when the presenter leaves', () => {
    const bus = new FakeBus();
    const audienceEnvironment = environment(bus);
    render(<AudienceView session={SESSION} environment={audienceEnvironment} />);
    expect(screen.getByRole('status')).toHaveTextContent('Waiting for the presenter…');
    expect(screen.queryByTestId('headline-total')).toBeNull();

    const workspace = { ...seedWorkspace(), title: 'Board meeting <b>draft</b>' };
    const presenter = openPresenterChannel(SESSION, () => undefined, environment(bus));
    act(() => presenter.publish(workspace, { dimensionIndex: 0, ghost: true, tornado: false, tornadoMetric: null }));
    act(() => computeActiveScenario());
    expect(screen.getByText('Board meeting <b>draft</b>')).toBeInTheDocument();
    expect(screen.getByTestId('headline-total').dataset.value).not.toBe('NaN');
    expect(screen.queryAllByRole('slider')).toHaveLength(0);
    expect(screen.queryAllByRole('button')).toHaveLength(0);
    expect(screen.queryAllByRole('menu')).toHaveLength(0);

    act(() => presenter.close());
    expect(screen.getByRole('status')).toHaveTextContent('Waiting for the presenter…');
  });

  it('shows the presenter’s tornado, of the metric picked in the presenter’s Analysis view, in place of the charts', async () => {
    connectMainThreadEngine();
    try {
      const bus = new FakeBus();
      render(<AudienceView session={SESSION} environment={environment(bus)} />);
      const presenter = openPresenterChannel(SESSION, () => undefined, environment(bus));
      const view = { dimensionIndex: 0, ghost: true, tornado: true, tornadoMetric: { kind: 'member' as const, path: ['region', 'europe'], year: 2030 } };
      act(() => presenter.publish(seedWorkspace(), view));
      const tornado = await screen.findByRole('figure', { name: 'Tornado of Region: Europe in 2030' });
      expect(tornado.closest('[aria-label="Tornado"]')).not.toBeNull();
      expect(screen.queryByRole('region', { name: 'Charts' })).toBeNull();
      expect(screen.queryAllByRole('button')).toHaveLength(0);

      act(() => presenter.publish(seedWorkspace(), { ...view, tornado: false }));
      expect(screen.queryByRole('region', { name: 'Tornado' })).toBeNull();
      expect(screen.getByRole('region', { name: 'Charts' })).toBeInTheDocument();
      presenter.close();
    } finally {
      disconnectEngine();
    }
  });

  it('ignores a malformed workspace and keeps waiting', () => {
    const bus = new FakeBus();
    render(<AudienceView session={SESSION} environment={environment(bus)} />);
    const channel = bus.create('slidecast-audience');
    act(() =>
      channel.postMessage({ app: 'slidecast-audience/1', session: SESSION, kind: 'state', workspace: { title: 'forged' }, view: { dimensionIndex: 0, ghost: true, tornado: false, tornadoMetric: null } }),
    );
    expect(screen.queryByText('forged')).toBeNull();
    expect(screen.getByRole('status')).toHaveTextContent('Waiting for the presenter…');
  });
});
