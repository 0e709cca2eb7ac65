import { describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';
import {
  audienceSessionFromUrl,
  audienceUrl,
  GONE_AFTER_MS,
  HEARTBEAT_MS,
  openAudienceChannel,
  openPresenterChannel,
  parseAudienceMessage,
  type ChannelEnvironment,
} from '../../src/io/audienceChannel';
import { seedWorkspace } from '../../src/model/seedWorkspace';
import type { Workspace } from '../../src/model/types';
import { assertProperty } from '../support/property';
import { FakeBus } from '../support/fakeBroadcastChannel';

const SESSION = 'aaaaaaaa-1111-2222-3333-444444444444';
const OTHER = 'bbbbbbbb-1111-2222-3333-444444444444';
const VIEW = { dimensionIndex: 0, ghost: true, tornado: false, tornadoMetric: null };

/** Frames run only when the test says so; the clock and the heartbeat timers are the test's. */
function environment(bus: FakeBus) {
  let frames: Array<() => void> = [];
  let time = 0;
  const timers = new Set<{ callback: () => void }>();
  const env: ChannelEnvironment = {
    createChannel: bus.create,
    requestFrame: (callback) => frames.push(callback),
    cancelFrame: () => {
      frames = [];
    },
    now: () => time,
    setInterval: (callback) => {
      const timer = { callback };
      timers.add(timer);
      return timer;
    },
    clearInterval: (handle) => timers.delete(handle as { callback: () => void }),
  };
  return {
    env,
    runFrame() {
      const due = frames;
      frames = [];
      for (const callback of due) callback();
    },
    pendingFrames: () => frames.length,
    tick(ms: number) {
      time += ms;
      for (const timer of [...timers]) timer.callback();
    },
  };
}

function renamed(workspace: Workspace, title: string): Workspace {
  return { ...workspace, title };
}

function envelope(fields: Record<string, unknown>): Record<string, unknown> {
  return { app: 'slidecast-audience/1', session: SESSION, ...fields };
}

describe('audience messages', () => {
  it('accepts a state of its session whose workspace passes the file checks', () => {
    const message = parseAudienceMessage(envelope({ kind: 'state', workspace: seedWorkspace(), view: VIEW }), SESSION);
    expect(message?.kind).toBe('state');
  });

  it('ignores another session, an unknown app, an unknown kind and a bad sender', () => {
    const workspace = seedWorkspace();
    expect(parseAudienceMessage(envelope({ kind: 'state', workspace, view: VIEW }), OTHER)).toBeUndefined();
    expect(parseAudienceMessage({ ...envelope({ kind: 'state', workspace, view: VIEW }), app: 'other' }, SESSION)).toBeUndefined();
    expect(parseAudienceMessage(envelope({ kind: 'run', from: 'presenter' }), SESSION)).toBeUndefined();
    expect(parseAudienceMessage(envelope({ kind: 'beat', from: 'someone' }), SESSION)).toBeUndefined();
  });

  it('ignores a workspace that a file could not hold and a malformed view', () => {
    const workspace = seedWorkspace();
    const badShare = structuredClone(workspace) as unknown as { scenarios: Array<{ model: { baseSize: unknown } }> };
    badShare.scenarios[0]!.model.baseSize = '<img src=x onerror=alert(1)>';
    expect(parseAudienceMessage(envelope({ kind: 'state', workspace: badShare, view: VIEW }), SESSION)).toBeUndefined();
    expect(parseAudienceMessage(envelope({ kind: 'state', workspace: { ...workspace, extra: 1 }, view: VIEW }), SESSION)).toBeUndefined();
    expect(parseAudienceMessage(envelope({ kind: 'state', workspace, view: { ...VIEW, dimensionIndex: -1 } }), SESSION)).toBeUndefined();
    expect(parseAudienceMessage(envelope({ kind: 'state', workspace, view: { ...VIEW, ghost: 'yes' } }), SESSION)).toBeUndefined();
    expect(parseAudienceMessage(envelope({ kind: 'state', workspace }), SESSION)).toBeUndefined();
    // The tornado's switch and metric are checked too, and the metric rebuilt field by field.
    const viewWith = (fields: Record<string, unknown>) => parseAudienceMessage(envelope({ kind: 'state', workspace, view: { ...VIEW, ...fields } }), SESSION);
    expect(viewWith({ tornado: 'on' })).toBeUndefined();
    expect(viewWith({ tornadoMetric: undefined })).toBeUndefined();
    expect(viewWith({ tornadoMetric: { kind: 'total', year: 2030.5 } })).toBeUndefined();
    expect(viewWith({ tornadoMetric: { kind: 'total', year: 1e9 } })).toBeUndefined();
    expect(viewWith({ tornadoMetric: { kind: 'member', path: ['region'], year: 2030 } })).toBeUndefined();
    expect(viewWith({ tornadoMetric: { kind: 'member', path: ['region', 'x'.repeat(201)], year: 2030 } })).toBeUndefined();
    expect(viewWith({ tornadoMetric: { kind: 'member', path: ['region', 'a', 'b', 'c', 'd', 'e'], year: 2030 } })).toBeUndefined();
    expect(viewWith({ tornadoMetric: { kind: 'cagr', path: 'region/na', fromYear: 2025, toYear: 2030 } })).toBeUndefined();
    expect(viewWith({ tornadoMetric: { kind: 'sum', year: 2030 } })).toBeUndefined();
    const member = viewWith({ tornado: true, tornadoMetric: { kind: 'member', path: ['region', 'na'], year: 2030, extra: '<b>' } });
    expect(member).toMatchObject({ view: { tornado: true, tornadoMetric: { kind: 'member', path: ['region', 'na'], year: 2030 } } });
    expect(member && member.kind === 'state' && 'extra' in member.view.tornadoMetric!).toBe(false);
    expect(viewWith({ tornadoMetric: { kind: 'cagr', path: null, fromYear: 2025, toYear: 2032 } })).toMatchObject({
      view: { tornadoMetric: { kind: 'cagr', path: null, fromYear: 2025, toYear: 2032 } },
    });
  });

  it('never throws and accepts nothing but its own messages, whatever arrives', () => {
    assertProperty(
      fc.property(fc.anything(), (data) => {
        expect(() => parseAudienceMessage(data, SESSION)).not.toThrow();
        expect(parseAudienceMessage(data, SESSION)).toBeUndefined();
      }),
    );
  });

  it('builds the audience address from the app’s own and reads the session back (a malformed one is refused)', () => {
    const url = audienceUrl('https://example.test/app/?x=1#w=abc', SESSION);
    expect(url).toBe(`https://example.test/app/?view=audience&session=${SESSION}`);
    expect(audienceSessionFromUrl(new URL(url).search)).toBe(SESSION);
    expect(audienceSessionFromUrl('?view=audience&session=%3Cscript%3E')).toBeUndefined();
    expect(audienceSessionFromUrl(`?session=${SESSION}`)).toBeUndefined();
  });
});

describe('presenter and audience over one channel', () => {
  it('sends one state per frame, the latest winning', () => {
    const bus = new FakeBus();
    const presenterEnv = environment(bus);
    const audienceEnv = environment(bus);
    const states: string[] = [];
    openAudienceChannel(SESSION, { onState: (w) => states.push(w.title), onPresenter: () => undefined }, audienceEnv.env);
    const presenter = openPresenterChannel(SESSION, () => undefined, presenterEnv.env);
    presenterEnv.runFrame();
    states.length = 0;
    presenter.publish(renamed(seedWorkspace(), 'one'), VIEW);
    presenter.publish(renamed(seedWorkspace(), 'two'), VIEW);
    presenter.publish(renamed(seedWorkspace(), 'three'), VIEW);
    expect(states).toEqual([]);
    expect(presenterEnv.pendingFrames()).toBe(1);
    presenterEnv.runFrame();
    expect(states).toEqual(['three']);
    presenter.publish(renamed(seedWorkspace(), 'four'), VIEW);
    presenterEnv.runFrame();
    expect(states).toEqual(['three', 'four']);
  });

  it('answers an audience that opens late with the latest state, and tells the presenter it is open', () => {
    const bus = new FakeBus();
    const presenterEnv = environment(bus);
    const audienceEnv = environment(bus);
    const audienceOpen = vi.fn();
    const presenter = openPresenterChannel(SESSION, audienceOpen, presenterEnv.env);
    presenter.publish(renamed(seedWorkspace(), 'before the audience'), VIEW);
    presenterEnv.runFrame();
    const states: string[] = [];
    openAudienceChannel(SESSION, { onState: (w) => states.push(w.title), onPresenter: () => undefined }, audienceEnv.env);
    expect(audienceOpen).toHaveBeenLastCalledWith(true);
    presenterEnv.runFrame();
    expect(states).toEqual(['before the audience']);
  });

  it('an audience follows only the presenter of its session', () => {
    const bus = new FakeBus();
    const mine = openPresenterChannel(SESSION, () => undefined, environment(bus).env);
    const otherEnv = environment(bus);
    const other = openPresenterChannel(OTHER, () => undefined, otherEnv.env);
    const states: string[] = [];
    openAudienceChannel(SESSION, { onState: (w) => states.push(w.title), onPresenter: () => undefined }, environment(bus).env);
    other.publish(renamed(seedWorkspace(), 'the other tab'), VIEW);
    otherEnv.runFrame();
    expect(states).toEqual([]);
    mine.close();
  });

  it('the audience waits when the presenter says bye or falls silent, and resumes when it is back', () => {
    const bus = new FakeBus();
    const audienceEnv = environment(bus);
    const presence: boolean[] = [];
    openAudienceChannel(SESSION, { onState: () => undefined, onPresenter: (p) => presence.push(p) }, audienceEnv.env);
    const first = openPresenterChannel(SESSION, () => undefined, environment(bus).env);
    expect(presence).toEqual([true]);
    first.close();
    expect(presence).toEqual([true, false]);
    // Back (a reload keeps the session), then silent: a crashed tab says no bye.
    const againEnv = environment(bus);
    openPresenterChannel(SESSION, () => undefined, againEnv.env);
    expect(presence).toEqual([true, false, true]);
    // The presenter's tab dies: its channel goes without a word; only the audience's stays.
    const [audienceChannel] = bus.channels;
    bus.channels.clear();
    bus.channels.add(audienceChannel!);
    audienceEnv.tick(HEARTBEAT_MS);
    expect(presence).toEqual([true, false, true]);
    audienceEnv.tick(GONE_AFTER_MS);
    expect(presence).toEqual([true, false, true, false]);
  });

  it('the presenter notices the audience closing', () => {
    const bus = new FakeBus();
    const open: boolean[] = [];
    openPresenterChannel(SESSION, (o) => open.push(o), environment(bus).env);
    const audience = openAudienceChannel(SESSION, { onState: () => undefined, onPresenter: () => undefined }, environment(bus).env);
    expect(open).toEqual([true]);
    audience.close();
    expect(open).toEqual([true, false]);
  });
});
