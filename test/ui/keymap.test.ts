/**
 * The keymap (src/ui/keymap.ts) is the one list of keys: the README's key table must say exactly
 * what it says, and key presses match the keys as written.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { KEYMAP, keyBindingFor, keyLabels, keyLabelSeparator, keyWhere, matchesKey, type KeyPress } from '../../src/ui/keymap';

interface Row {
  keys: string;
  where: string;
  does: string;
}

/** The rows of the README's table headed `| key | where | does |`. */
function readmeKeyTable(): Row[] {
  const lines = readFileSync(new URL('../../README.md', import.meta.url), 'utf8').split('\n');
  const head = lines.findIndex((line) => /^\|\s*key\s*\|\s*where\s*\|\s*does\s*\|\s*$/.test(line));
  if (head < 0) throw new Error('the README has no "| key | where | does |" table');
  const rows: Row[] = [];
  for (const line of lines.slice(head + 2)) {
    if (!line.startsWith('|')) break;
    const [keys, where, does] = line.slice(1, -1).split(' | ').map((cell) => cell.trim());
    rows.push({ keys: keys!, where: where!, does: does! });
  }
  return rows;
}

const press = (key: string, modifiers: Partial<KeyPress> = {}): KeyPress => ({ key, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, ...modifiers });

describe('the keymap', () => {
  it('is the README’s key table, row for row', () => {
    const fromKeymap = KEYMAP.map((binding) => ({
      keys: keyLabels(binding).map((label) => `\`${label}\``).join(keyLabelSeparator(binding)),
      where: keyWhere(binding),
      does: binding.does,
    }));
    expect(readmeKeyTable()).toEqual(fromKeymap);
  });

  it('matches keys as written: Ctrl is ⌘ too, Shift makes another chord, a letter is the same with Shift', () => {
    expect(matchesKey('Ctrl+S', press('s', { ctrlKey: true }))).toBe(true);
    expect(matchesKey('Ctrl+S', press('s', { metaKey: true }))).toBe(true);
    expect(matchesKey('Ctrl+S', press('S', { ctrlKey: true, shiftKey: true }))).toBe(false);
    expect(matchesKey('Ctrl+Shift+S', press('S', { ctrlKey: true, shiftKey: true }))).toBe(true);
    expect(matchesKey('S', press('S', { shiftKey: true }))).toBe(true);
    expect(matchesKey('S', press('s', { ctrlKey: true }))).toBe(false);
    expect(matchesKey('Tab', press('Tab', { shiftKey: true }))).toBe(false);
    expect(matchesKey('Shift+Tab', press('Tab', { shiftKey: true }))).toBe(true);
    expect(matchesKey('Esc', press('Escape'))).toBe(true);
    expect(matchesKey('?', press('?', { shiftKey: true }))).toBe(true);
    expect(matchesKey('P', press('p', { altKey: true }))).toBe(false);
  });

  it('finds the action of a key in its scope, and leaves typing alone', () => {
    expect(keyBindingFor(press('z', { ctrlKey: true }), 'app', false)?.action).toBe('undo');
    expect(keyBindingFor(press('Z', { ctrlKey: true, shiftKey: true }), 'app', false)?.action).toBe('redo');
    expect(keyBindingFor(press('y', { ctrlKey: true }), 'app', false)?.action).toBe('redo');
    expect(keyBindingFor(press('z', { ctrlKey: true }), 'app', true)).toBeUndefined();
    expect(keyBindingFor(press('s', { ctrlKey: true }), 'app', true)?.action).toBe('save');
    expect(keyBindingFor(press('p'), 'app', true)).toBeUndefined();
    expect(keyBindingFor(press('p'), 'present', false)).toBeUndefined();
    expect(keyBindingFor(press('7'), 'present', false)?.action).toBe('showScenario');
    expect(keyBindingFor(press('0'), 'present', false)).toBeUndefined();
    expect(keyBindingFor(press('Tab', { shiftKey: true }), 'present', false)?.action).toBe('previousSlider');
  });

  it('gives every key one meaning in each scope', () => {
    for (const scope of ['app', 'present'] as const) {
      const keys = KEYMAP.filter((b) => b.scope === scope).flatMap((b) => b.keys);
      expect(new Set(keys).size).toBe(keys.length);
    }
  });
});
