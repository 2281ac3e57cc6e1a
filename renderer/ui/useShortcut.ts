// Alt+letter shortcuts shown on screen as <kbd>. Matched on the physical key (event.code) so a
// Vietnamese input method or keyboard layout does not change them; F-keys stay the shell's.
import { useEffect, useRef } from 'react';

export function useAltShortcut(letter: string, handler: () => void, enabled = true): void {
  const latest = useRef(handler);
  useEffect(() => {
    latest.current = handler;
  });
  useEffect(() => {
    if (!enabled) return;
    const code = `Key${letter.toUpperCase()}`;
    const onKey = (event: KeyboardEvent) => {
      if (!event.altKey || event.ctrlKey || event.metaKey || event.code !== code) return;
      event.preventDefault();
      latest.current();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [letter, enabled]);
}
