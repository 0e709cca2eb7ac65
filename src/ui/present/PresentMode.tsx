/**
 * Present mode: the live model on a projector. Full screen, big type, the presenter's pinned
 * sliders, and the keyboard alone drives it. Its keys are the present-mode rows of the keymap
 * (src/ui/keymap.ts): the handler below dispatches from it, and the footer and the key list (?)
 * are drawn from it. Tab and Shift+Tab stay inside: they cycle the pinned sliders and the Leave
 * button (every control of the dialog is reachable from the keyboard, and Leave is one press away
 * for whoever does not know Esc). The layout follows the window (present.css): 1024×768 to 4K.
 * Every forecast still comes from the worker, so nothing here can freeze the screen.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Workspace } from '../../model/types';
import { useSlidecast } from '../../state/store';
import { resetMeeting, snapshotScenario } from '../../model/presentationEdits';
import { keyBindingFor, type PresentAction } from '../keymap';
import { PresentSlider } from './PresentSlider';
import { PresentKeys, PresentKeyList } from './PresentKeys';
import { PresentTornado } from './PresentTornado';
import { PresentCharts, PresentHeadline } from './PresentStage';
import { MeetingClock } from './MeetingClock';
import { PresentSaveAlert } from './PresentSaveAlert';
import { useAudienceWindow } from './useAudienceWindow';
import { quantityKey, type QuantityRef } from '../../model/quantityRef';
import './present.css';

const DEFAULT_PINS: QuantityRef[] = [{ kind: 'baseSize' }, { kind: 'baseGrowth' }];

function timeLabel(date: Date): string {
  return date.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });
}

export function PresentMode({ onLeave }: { onLeave: () => void }) {
  const workspace = useSlidecast((s) => s.workspace);
  const editWorkspace = useSlidecast((s) => s.editWorkspace);
  const switchScenario = useSlidecast((s) => s.switchScenario);
  const [ghost, setGhost] = useState(true);
  const [dimensionIndex, setDimensionIndex] = useState(0);
  const [notice, setNotice] = useState<string>('');
  const [helpOpen, setHelpOpen] = useState(false);
  const [tornadoOpen, setTornadoOpen] = useState(false);
  const tornadoMetric = useSlidecast((s) => s.tornadoMetric);
  const audienceView = useMemo(
    () => ({ dimensionIndex, ghost, tornado: tornadoOpen, tornadoMetric }),
    [dimensionIndex, ghost, tornadoOpen, tornadoMetric],
  );
  const { audienceOpen, openAudience } = useAudienceWindow(audienceView);
  const atStart = useRef<Workspace>(workspace);
  const root = useRef<HTMLDivElement>(null);
  const leave = useRef<HTMLButtonElement>(null);
  const audienceButton = useRef<HTMLButtonElement>(null);
  const pins = workspace.presentation?.pins.length ? workspace.presentation.pins : DEFAULT_PINS;

  /** The Tab cycle: the pinned sliders that can move, then Leave. */
  const moveFocus = useCallback((step: 1 | -1) => {
    const sliders = [...(root.current?.querySelectorAll<HTMLElement>('.present-pins input[type="range"]:not(:disabled)') ?? [])];
    const cycle = [...sliders, audienceButton.current, leave.current].filter((element): element is HTMLElement => element !== null);
    if (cycle.length === 0) return;
    const index = cycle.indexOf(document.activeElement as HTMLElement);
    const next = index < 0 ? (step > 0 ? 0 : cycle.length - 1) : (index + step + cycle.length) % cycle.length;
    cycle[next]!.focus();
  }, []);

  // Full screen where the browser allows it; leaving full screen (the browser's own Esc) leaves.
  useEffect(() => {
    const element = root.current;
    const first = element?.querySelector<HTMLElement>('.present-pins input[type="range"]:not(:disabled)') ?? leave.current;
    first?.focus();
    if (element && document.fullscreenEnabled && !document.fullscreenElement) {
      element.requestFullscreen().catch(() => {
        // Refused (not from a user gesture, or a headless browser): present in the window.
      });
    }
    const onFullscreenChange = () => {
      if (!document.fullscreenElement) onLeave();
    };
    document.addEventListener('fullscreenchange', onFullscreenChange);
    return () => {
      document.removeEventListener('fullscreenchange', onFullscreenChange);
      if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
    };
  }, [onLeave]);

  // The meeting's keys, from the keymap. Arrows stay with the focused slider (native behaviour).
  useEffect(() => {
    const actions: Record<PresentAction, (event: KeyboardEvent) => void> = {
      nextSlider: () => moveFocus(1),
      previousSlider: () => moveFocus(-1),
      nudge: () => undefined,
      showScenario: (event) => {
        const target = useSlidecast.getState().workspace.scenarios[Number(event.key) - 1];
        if (target) {
          switchScenario(target.id);
          setNotice(`Showing ${target.name}`);
        }
      },
      toggleGhost: () => setGhost((on) => !on),
      nextBreakdown: () => setDimensionIndex((i) => i + 1),
      tornado: () => setTornadoOpen((open) => !open),
      resetMeeting: () => {
        editWorkspace('meeting-reset', (draft) => resetMeeting(draft, atStart.current));
        setNotice('Live edits of this meeting reset');
      },
      keepScenario: () => {
        const name = `Meeting snapshot ${timeLabel(new Date())}`;
        let error: string | undefined;
        editWorkspace('meeting-snapshot', (draft) => {
          error = snapshotScenario(draft, name);
        });
        setNotice(error ?? `Kept as scenario “${name}”`);
      },
      audience: openAudience,
      help: () => setHelpOpen((open) => !open),
      leave: () => {
        if (helpOpen) setHelpOpen(false);
        else if (tornadoOpen) setTornadoOpen(false);
        else onLeave();
      },
    };
    const onKey = (event: KeyboardEvent) => {
      const binding = keyBindingFor(event, 'present', false);
      if (binding?.scope !== 'present' || binding.native) return;
      event.preventDefault();
      actions[binding.action](event);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [editWorkspace, onLeave, switchScenario, moveFocus, helpOpen, tornadoOpen, openAudience]);

  return (
    <div className="present" ref={root} role="dialog" aria-modal="true" aria-label="Present mode" data-testid="present-mode">
      <PresentHeadline>
        <button type="button" className="present-leave" ref={audienceButton} aria-pressed={audienceOpen} onClick={openAudience} data-testid="open-audience">
          {audienceOpen ? 'Audience window open (A)' : 'Open audience window (A)'}
        </button>
        <button type="button" className="present-leave" ref={leave} onClick={onLeave}>
          Leave (Esc)
        </button>
      </PresentHeadline>
      <main className="present-body">
        {tornadoOpen ? (
          <PresentTornado />
        ) : (
          <PresentCharts ghost={ghost} dimensionIndex={dimensionIndex} />
        )}
        <aside className="present-pins" aria-label="Pinned assumptions">
          {pins.map((pin) => (
            <PresentSlider key={quantityKey(pin)} quantityRef={pin} />
          ))}
          {!workspace.presentation?.pins.length && <p className="present-hint">Pin assumptions with the pin button in the Model view to show them here.</p>}
        </aside>
        {helpOpen && <PresentKeyList />}
      </main>
      <footer className="present-keys">
        <PresentKeys states={{ toggleGhost: ghost ? 'on' : 'off', tornado: tornadoOpen ? 'on' : 'off' }} />
        <MeetingClock />
        <PresentSaveAlert />
        <span role="status" className="present-notice">
          {notice}
        </span>
      </footer>
    </div>
  );
}
