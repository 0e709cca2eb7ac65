/**
 * The audience window's channel: the presenter's window and the audience window (a second window of
 * the same app, opened at `?view=audience&session=…`) talk over one `BroadcastChannel` — same
 * browser, no server. Pure but for the channel, the clock and the frame callback, which are
 * injectable for tests.
 *
 * What travels: the presenter posts its whole workspace (the active scenario's model, the claims,
 * the unit, the pins) and the view state needed to draw (breakdown, ghost line, the tornado) on every change,
 * at most once per animation frame, the latest winning. The audience computes its own forecast
 * through its own engine worker (a read-only store + the normal engine connection). Why not send
 * the results: a forecast is many times larger than the model that makes it, the worker computes it
 * in a few milliseconds (DESIGN.md's drag budget), so the audience draws within a frame of the
 * message either way — and a workspace can be checked by the very rules a file is checked by
 * (`validateWorkspace`), while results from another window would need checks of their own.
 *
 * Every message is hostile until proved otherwise: a message that is not ours, is for another
 * session (two presenters in two tabs, each with its own audience), or whose workspace fails the
 * file's validation is ignored. Presence: each side says hello on start, beats every
 * `HEARTBEAT_MS`, and says bye on `pagehide`; a side not heard from for `GONE_AFTER_MS` is gone.
 */
import type { AnalysisMetric } from '../engine/analysisMetric';
import type { Workspace } from '../model/types';
import { WORKSPACE_LIMITS } from '../model/workspaceLimits';
import { validateWorkspace } from '../model/workspaceValidation';

export const AUDIENCE_CHANNEL_NAME = 'slidecast-audience';
export const AUDIENCE_VIEW_PARAM = 'audience';
export const HEARTBEAT_MS = 1000;
export const GONE_AFTER_MS = 3500;
const APP_TAG = 'slidecast-audience/1';
/** A session id: what `crypto.randomUUID` makes, or any short plain token. */
const SESSION_PATTERN = /^[A-Za-z0-9-]{8,64}$/;
/** Breakdowns are counted from 0; no workspace has this many dimensions. */
const MAX_DIMENSION_INDEX = 1_000_000;
/** A tornado metric's member path: a dimension, then a member at each level a file allows. */
const MAX_PATH_LENGTH = WORKSPACE_LIMITS.memberLevels + 1;

/** What the audience needs, beside the workspace, to draw what the presenter shows. */
export interface AudienceViewState {
  /** Which breakdown is on screen (present mode's D key), counted from 0. */
  dimensionIndex: number;
  /** The base scenario's ghost line on or off (present mode's B key). */
  ghost: boolean;
  /** Present mode's tornado in place of the charts (its T key). */
  tornado: boolean;
  /** What the tornado measures: the metric picked in the Analysis view; null for the end-year total. */
  tornadoMetric: AnalysisMetric | null;
}

export type Side = 'presenter' | 'audience';

export type AudienceMessage =
  | { kind: 'state'; workspace: Workspace; view: AudienceViewState }
  | { kind: 'hello' | 'beat' | 'bye'; from: Side };

/** The part of `BroadcastChannel` used here, so tests can pass a fake. */
export interface ChannelLike {
  postMessage(message: unknown): void;
  addEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
  removeEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
  close(): void;
}

export interface ChannelEnvironment {
  createChannel?: (name: string) => ChannelLike;
  requestFrame?: (callback: () => void) => number;
  cancelFrame?: (handle: number) => void;
  now?: () => number;
  setInterval?: (callback: () => void, ms: number) => unknown;
  clearInterval?: (handle: unknown) => void;
}

export function isSessionId(value: unknown): value is string {
  return typeof value === 'string' && SESSION_PATTERN.test(value);
}

export function newSessionId(): string {
  return crypto.randomUUID();
}

/** The audience window's address for a session: this app's own URL with the view and session. */
export function audienceUrl(current: string, session: string): string {
  const url = new URL(current);
  url.search = '';
  url.hash = '';
  url.searchParams.set('view', AUDIENCE_VIEW_PARAM);
  url.searchParams.set('session', session);
  return url.toString();
}

/** The session when the address asks for the audience view (a well-formed session only). */
export function audienceSessionFromUrl(search: string): string | undefined {
  const params = new URLSearchParams(search);
  const session = params.get('session');
  return params.get('view') === AUDIENCE_VIEW_PARAM && isSessionId(session) ? session : undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const isYear = (value: unknown): value is number =>
  typeof value === 'number' && Number.isInteger(value) && value >= WORKSPACE_LIMITS.earliestYear && value <= WORKSPACE_LIMITS.latestYear;

/** A member path as a workspace's ids could make it: [dimension, member, child…], each a short string. */
function parsePath(value: unknown): string[] | undefined {
  if (!Array.isArray(value) || value.length < 2 || value.length > MAX_PATH_LENGTH) return undefined;
  return value.every((id): id is string => typeof id === 'string' && id.length > 0 && id.length <= WORKSPACE_LIMITS.shortText) ? [...value] : undefined;
}

/**
 * The tornado's metric as the presenter sent it (null: the end-year total), rebuilt field by field (nothing else of the
 * message is kept); whether the model has that member or year is the engine's question
 * (`locateMetric`), answered on screen like any metric it cannot read. Undefined when malformed.
 */
function parseMetric(value: unknown): AnalysisMetric | null | undefined {
  if (value === null) return null;
  if (!isRecord(value)) return undefined;
  switch (value.kind) {
    case 'total':
      return isYear(value.year) ? { kind: 'total', year: value.year } : undefined;
    case 'member': {
      const path = parsePath(value.path);
      return path && isYear(value.year) ? { kind: 'member', path, year: value.year } : undefined;
    }
    case 'cagr': {
      const path = value.path === null ? null : parsePath(value.path);
      if (path === undefined || !isYear(value.fromYear) || !isYear(value.toYear)) return undefined;
      return { kind: 'cagr', path, fromYear: value.fromYear, toYear: value.toYear };
    }
    default:
      return undefined;
  }
}

function parseViewState(value: unknown): AudienceViewState | undefined {
  if (!isRecord(value)) return undefined;
  const { dimensionIndex, ghost } = value;
  if (typeof ghost !== 'boolean') return undefined;
  if (typeof dimensionIndex !== 'number' || !Number.isInteger(dimensionIndex) || dimensionIndex < 0 || dimensionIndex > MAX_DIMENSION_INDEX) return undefined;
  const { tornado } = value;
  const tornadoMetric = parseMetric(value.tornadoMetric);
  if (typeof tornado !== 'boolean' || tornadoMetric === undefined) return undefined;
  return { dimensionIndex, ghost, tornado, tornadoMetric };
}

/**
 * A message of `session` as checked, or undefined when it is anything else: not ours, another
 * session's, an unknown kind, or a workspace a file with the same content could not hold.
 */
export function parseAudienceMessage(data: unknown, session: string): AudienceMessage | undefined {
  if (!isRecord(data) || data.app !== APP_TAG || data.session !== session) return undefined;
  switch (data.kind) {
    case 'state': {
      const view = parseViewState(data.view);
      if (!view) return undefined;
      const checked = validateWorkspace(data.workspace);
      return checked.ok ? { kind: 'state', workspace: checked.workspace, view } : undefined;
    }
    case 'hello':
    case 'beat':
    case 'bye':
      return data.from === 'presenter' || data.from === 'audience' ? { kind: data.kind, from: data.from } : undefined;
    default:
      return undefined;
  }
}

interface Endpoint {
  post(message: AudienceMessage): void;
  close(): void;
}

/** One side's channel: posts tagged with the session, hears only the other side's checked messages. */
function openEndpoint(
  session: string,
  side: Side,
  env: ChannelEnvironment,
  onMessage: (message: AudienceMessage) => void,
  onOtherGone: () => void,
): Endpoint {
  const channel = (env.createChannel ?? ((name) => new BroadcastChannel(name)))(AUDIENCE_CHANNEL_NAME);
  const now = env.now ?? (() => Date.now());
  const every = env.setInterval ?? ((callback, ms) => setInterval(callback, ms));
  const stop = env.clearInterval ?? ((handle) => clearInterval(handle as ReturnType<typeof setInterval>));
  let lastHeard: number | undefined;
  const post = (message: AudienceMessage) => channel.postMessage({ app: APP_TAG, session, ...message });
  const listener = (event: MessageEvent) => {
    const message = parseAudienceMessage(event.data, session);
    if (!message || ('from' in message && message.from === side) || (message.kind === 'state' && side === 'presenter')) return;
    if (message.kind === 'bye') {
      lastHeard = undefined;
      onOtherGone();
      return;
    }
    lastHeard = now();
    onMessage(message);
  };
  channel.addEventListener('message', listener);
  const timer = every(() => {
    post({ kind: 'beat', from: side });
    if (lastHeard !== undefined && now() - lastHeard > GONE_AFTER_MS) {
      lastHeard = undefined;
      onOtherGone();
    }
  }, HEARTBEAT_MS);
  post({ kind: 'hello', from: side });
  return {
    post,
    close() {
      stop(timer);
      post({ kind: 'bye', from: side });
      channel.removeEventListener('message', listener);
      channel.close();
    },
  };
}

export interface PresenterChannel {
  /** Sends this state on the next animation frame; a later call before then replaces it. */
  publish(workspace: Workspace, view: AudienceViewState): void;
  /** Says bye (the audience then waits) and closes the channel. */
  close(): void;
}

/**
 * The presenter's side. `onAudience(true)` when an audience of this session is heard from (it said
 * hello or beats), `onAudience(false)` when it said bye or fell silent. A hello is answered with the
 * latest state, so an audience that opens (or reloads) draws at once.
 */
export function openPresenterChannel(session: string, onAudience: (open: boolean) => void, env: ChannelEnvironment = {}): PresenterChannel {
  const requestFrame = env.requestFrame ?? ((callback) => requestAnimationFrame(callback));
  const cancelFrame = env.cancelFrame ?? ((handle) => cancelAnimationFrame(handle));
  let latest: { workspace: Workspace; view: AudienceViewState } | undefined;
  let frame: number | undefined;
  let scheduled = false;
  let audienceOpen = false;
  const sendLatest = () => {
    scheduled = false;
    frame = undefined;
    if (latest) endpoint.post({ kind: 'state', ...latest });
  };
  const schedule = () => {
    if (scheduled) return;
    scheduled = true;
    const handle = requestFrame(sendLatest);
    // A frame callback that ran at once (a test's) must not leave its handle behind as "pending".
    if (scheduled) frame = handle;
  };
  const endpoint = openEndpoint(
    session,
    'presenter',
    env,
    (message) => {
      if (!audienceOpen) {
        audienceOpen = true;
        onAudience(true);
      }
      if (message.kind === 'hello') schedule();
    },
    () => {
      if (audienceOpen) {
        audienceOpen = false;
        onAudience(false);
      }
    },
  );
  return {
    publish(workspace, view) {
      latest = { workspace, view };
      // Nothing is cloned into the channel while no audience listens (present mode without an
      // audience window, every frame of a drag); an audience's hello fetches the latest state.
      if (audienceOpen) schedule();
    },
    close() {
      if (frame !== undefined) cancelFrame(frame);
      frame = undefined;
      scheduled = false;
      endpoint.close();
    },
  };
}

export interface AudienceChannel {
  close(): void;
}

/**
 * The audience's side: `onState` with every checked state of its session's presenter,
 * `onPresenter(false)` when the presenter said bye or fell silent, `onPresenter(true)` when it is
 * heard from again.
 */
export function openAudienceChannel(
  session: string,
  handlers: { onState: (workspace: Workspace, view: AudienceViewState) => void; onPresenter: (present: boolean) => void },
  env: ChannelEnvironment = {},
): AudienceChannel {
  let present = false;
  const endpoint = openEndpoint(
    session,
    'audience',
    env,
    (message) => {
      if (!present) {
        present = true;
        handlers.onPresenter(true);
      }
      if (message.kind === 'state') handlers.onState(message.workspace, message.view);
      // A presenter that (re)starts says hello: answer so it knows the audience is here and sends its state.
      if (message.kind === 'hello') endpoint.post({ kind: 'hello', from: 'audience' });
    },
    () => {
      if (present) {
        present = false;
        handlers.onPresenter(false);
      }
    },
  );
  return { close: () => endpoint.close() };
}
