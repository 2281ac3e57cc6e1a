import { describe, expect, it } from 'vitest';
import { focusTakesPlainKeys, matchesShortcut, parseShortcut, type ShortcutKeyFacts } from './useShortcut';

const key = (facts: Partial<ShortcutKeyFacts>): ShortcutKeyFacts => ({ key: '', code: '', altKey: false, ctrlKey: false, metaKey: false, shiftKey: false, isComposing: false, ...facts });

describe('shortcuts', () => {
  it('matches Alt+letter and Alt+digit on the physical key, whatever the layout or Caps Lock types', () => {
    expect(matchesShortcut(parseShortcut('Alt+b'), key({ key: 'B', code: 'KeyB', altKey: true }))).toBe(true);
    expect(matchesShortcut(parseShortcut('Alt+B'), key({ key: '∫', code: 'KeyB', altKey: true }))).toBe(true);
    expect(matchesShortcut(parseShortcut('Alt+2'), key({ key: '2', code: 'Digit2', altKey: true }))).toBe(true);
    expect(matchesShortcut(parseShortcut('Alt+2'), key({ key: '2', code: 'Numpad2', altKey: true }))).toBe(false);
    expect(matchesShortcut(parseShortcut('Alt+B'), key({ key: 'b', code: 'KeyB' }))).toBe(false);
  });

  it('asks for exactly the modifiers named, Shift only when named', () => {
    const ctrlEnter = parseShortcut('Ctrl+Enter');
    expect(matchesShortcut(ctrlEnter, key({ key: 'Enter', code: 'Enter', ctrlKey: true }))).toBe(true);
    expect(matchesShortcut(ctrlEnter, key({ key: 'Enter', code: 'Enter' }))).toBe(false);
    expect(matchesShortcut(ctrlEnter, key({ key: 'Enter', code: 'Enter', ctrlKey: true, altKey: true }))).toBe(false);
    expect(matchesShortcut(parseShortcut('Escape'), key({ key: 'Escape', code: 'Escape', shiftKey: true }))).toBe(true);
    expect(matchesShortcut(parseShortcut('Shift+PageDown'), key({ key: 'PageDown', code: 'PageDown' }))).toBe(false);
    // AltGr is Ctrl+Alt on Windows: it types a letter, it is not Alt+letter.
    expect(matchesShortcut(parseShortcut('Alt+T'), key({ key: 't', code: 'KeyT', altKey: true, ctrlKey: true }))).toBe(false);
  });

  it('leaves keys to an input method composing a Vietnamese word', () => {
    expect(matchesShortcut(parseShortcut('Enter'), key({ key: 'Enter', code: 'Enter', isComposing: true }))).toBe(false);
    expect(matchesShortcut(parseShortcut('Escape'), key({ key: 'Process', code: 'Escape' }))).toBe(false);
  });

  it('refuses the shell’s F-keys and unknown modifiers', () => {
    expect(() => parseShortcut('F2')).toThrow(/shell/);
    expect(() => parseShortcut('Hyper+A')).toThrow();
  });

  it('treats fields, lists, buttons and links as owning plain keys, the page as not', () => {
    expect(focusTakesPlainKeys({ tagName: 'INPUT' })).toBe(true);
    expect(focusTakesPlainKeys({ tagName: 'TEXTAREA' })).toBe(true);
    expect(focusTakesPlainKeys({ tagName: 'BUTTON' })).toBe(true);
    expect(focusTakesPlainKeys({ tagName: 'DIV', isContentEditable: true })).toBe(true);
    expect(focusTakesPlainKeys({ tagName: 'BODY' })).toBe(false);
    expect(focusTakesPlainKeys(null)).toBe(false);
  });
});
