/**
 * Every key Slidecast answers, in one table: which keys, where they work, what they do, and the
 * action the handlers dispatch. The app's shortcuts (src/ui/useShortcuts.ts), present mode's keys
 * (src/ui/present/PresentMode.tsx), present mode's key list and footer, and the README's key
 * table (checked by test/ui/keymap.test.ts) are all read from it, so they cannot drift apart.
 *
 * Keys are written as people read them ("Ctrl+Shift+S", "Esc", "←") and matched from the same
 * text: Ctrl also means ⌘ on a Mac; a single character without Ctrl ("S", "?") matches with or
 * without Shift; anything else matches Shift exactly.
 */

/** The app's screens (shortcuts off in present mode), or present mode. */
export type KeyScope = 'app' | 'present';

export type AppAction = 'open' | 'save' | 'saveAs' | 'undo' | 'redo' | 'present' | 'keys';
export type PresentAction =
  | 'nextSlider'
  | 'previousSlider'
  | 'nudge'
  | 'showScenario'
  | 'toggleGhost'
  | 'nextBreakdown'
  | 'tornado'
  | 'keepScenario'
  | 'resetMeeting'
  | 'audience'
  | 'help'
  | 'leave';

interface KeyBindingBase {
  /** As shown: "Ctrl+S", "Esc", "1". */
  keys: readonly string[];
  /** What it does, for the README and the key list. */
  does: string;
  /** A word or two for present mode's footer. */
  short: string;
  /** Shown as a run ("`1` … `9`") instead of one by one. */
  run?: boolean;
  /** The focused control does it itself (a slider's arrows): listed, never dispatched. */
  native?: boolean;
}

export type KeyBinding =
  | (KeyBindingBase & { scope: 'app'; action: AppAction; /** It works while typing in a text box. */ inTextBoxes: boolean })
  | (KeyBindingBase & { scope: 'present'; action: PresentAction; inTextBoxes: false });

const SCENARIO_KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9'] as const;

export const KEYMAP: readonly KeyBinding[] = [
  { scope: 'app', action: 'open', keys: ['Ctrl+O'], does: 'open a workspace file', short: 'open', inTextBoxes: true },
  { scope: 'app', action: 'save', keys: ['Ctrl+S'], does: 'save', short: 'save', inTextBoxes: true },
  { scope: 'app', action: 'saveAs', keys: ['Ctrl+Shift+S'], does: 'save as', short: 'save as', inTextBoxes: true },
  { scope: 'app', action: 'undo', keys: ['Ctrl+Z'], does: 'undo (a whole slider drag is one step)', short: 'undo', inTextBoxes: false },
  { scope: 'app', action: 'redo', keys: ['Ctrl+Shift+Z', 'Ctrl+Y'], does: 'redo', short: 'redo', inTextBoxes: false },
  { scope: 'app', action: 'present', keys: ['P'], does: 'present', short: 'present', inTextBoxes: false },
  { scope: 'app', action: 'keys', keys: ['?'], does: 'show or hide the list of keys', short: 'keys', inTextBoxes: false },
  { scope: 'present', action: 'nextSlider', keys: ['Tab'], does: 'next pinned slider or range end (then the audience window button, Leave, then the first again)', short: 'next slider', inTextBoxes: false },
  { scope: 'present', action: 'previousSlider', keys: ['Shift+Tab'], does: 'previous pinned slider or range end', short: 'previous', inTextBoxes: false },
  { scope: 'present', action: 'nudge', keys: ['←', '→'], does: 'nudge the focused slider', short: 'adjust', native: true, inTextBoxes: false },
  { scope: 'present', action: 'showScenario', keys: SCENARIO_KEYS, run: true, does: 'show scenario 1 … 9', short: 'scenario', inTextBoxes: false },
  { scope: 'present', action: 'toggleGhost', keys: ['B'], does: 'base scenario’s ghost line on/off', short: 'base line', inTextBoxes: false },
  { scope: 'present', action: 'nextBreakdown', keys: ['D'], does: 'next breakdown', short: 'breakdown', inTextBoxes: false },
  { scope: 'present', action: 'tornado', keys: ['T'], does: 'show or hide the tornado of the scenario on screen', short: 'tornado', inTextBoxes: false },
  { scope: 'present', action: 'keepScenario', keys: ['S'], does: 'keep the state reached as a scenario', short: 'keep as scenario', inTextBoxes: false },
  { scope: 'present', action: 'resetMeeting', keys: ['R'], does: 'reset the meeting’s live edits', short: 'reset meeting', inTextBoxes: false },
  { scope: 'present', action: 'audience', keys: ['A'], does: 'open the audience window (headline and charts, for a second screen)', short: 'audience window', inTextBoxes: false },
  { scope: 'present', action: 'help', keys: ['?'], does: 'show or hide the list of keys', short: 'all keys', inTextBoxes: false },
  { scope: 'present', action: 'leave', keys: ['Esc'], does: 'close the list of keys or the tornado, or leave', short: 'leave', inTextBoxes: false },
];

/** "Where" as the README and the key list say it. */
export function keyWhere(binding: KeyBinding): string {
  if (binding.scope === 'present') return 'present mode';
  return binding.inTextBoxes ? 'outside present mode' : 'outside present mode and text boxes';
}

/** The keys as listed: every one, or the first and last of a run. */
export function keyLabels(binding: KeyBinding): string[] {
  return binding.run ? [binding.keys[0]!, binding.keys[binding.keys.length - 1]!] : [...binding.keys];
}

/** The separator between two labels: a run ("1 … 9") or a choice ("Ctrl+Shift+Z, Ctrl+Y"). */
export function keyLabelSeparator(binding: KeyBinding): string {
  return binding.run ? ' … ' : ', ';
}

const NAMED_KEYS: Readonly<Record<string, string>> = { Esc: 'Escape', '←': 'ArrowLeft', '→': 'ArrowRight', '↑': 'ArrowUp', '↓': 'ArrowDown' };

export interface KeyPress {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}

/** Whether a key press is the key written as `label` ("Ctrl+Shift+S", "Tab", "?"). */
export function matchesKey(label: string, event: KeyPress): boolean {
  if (event.altKey) return false;
  const parts = label.split('+');
  const name = parts.pop()!;
  const ctrl = parts.includes('Ctrl');
  const shift = parts.includes('Shift');
  if ((event.ctrlKey || event.metaKey) !== ctrl) return false;
  const key = NAMED_KEYS[name] ?? name;
  const character = key.length === 1;
  // A character alone ("S", "?") is the same key with Shift; elsewhere Shift makes another chord
  // (Tab / Shift+Tab, Ctrl+S / Ctrl+Shift+S).
  if (!(character && !ctrl && !shift) && event.shiftKey !== shift) return false;
  return character ? event.key.toLowerCase() === key.toLowerCase() : event.key === key;
}

/** The binding a key press asks for in `scope`, if any (a text box keeps most keys for typing). */
export function keyBindingFor(event: KeyPress, scope: KeyScope, inTextBox: boolean): KeyBinding | undefined {
  return KEYMAP.find(
    (binding) => binding.scope === scope && (binding.inTextBoxes || !inTextBox) && binding.keys.some((label) => matchesKey(label, event)),
  );
}
