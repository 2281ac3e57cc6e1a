// The keyboard-wedge scanner detector: one `keydown` listener in the capture phase on the window, so
// it sees every key before any field or screen does, whatever has focus. Keys that may belong to a
// scanner burst are withheld (preventDefault); a burst that turns out to be a person typing is put
// back where they were typing (textInsertion.ts), so no keystroke is lost and no scan leaks in.
import { BurstDetector, CUT_SCAN_WAIT_MS, keyDisposition, type BurstConfig, type BurstStep } from './burst';
import { fieldScanPolicy, scanTypedIntoField, type FieldScanPolicy } from './fieldPolicy';
import { makeScan, type Scan } from './scanStream';
import { deliverWithheldText, isFocusedTextField, retractTypedText } from './textInsertion';

export type KeyboardScanOptions = Partial<BurstConfig> & {
  /**
   * Extra wait past the gap before withheld keys are settled when no key follows. People see a
   * withheld key gap + grace ms late.
   */
  settleGraceMs?: number;
  /** A scan could not be read whole (burst.ts, `misread`): the officer must be told to scan again. */
  onMisread?: (partial: string) => void;
};

export type KeyboardScanDetector = {
  readonly config: BurstConfig;
  /** Releases anything withheld and removes the listeners. */
  stop(): void;
};

// Beyond this the page is stalled, not busy; a person should not wait longer for their key.
const MAX_LAG_MS = 500;

// How much longer a scan already underway (burst.scanUnderway) waits for its next key. The key's
// timestamp says when the scanner typed it; under load the browser can deliver it 70 ms or more
// after the one before (measured in Chromium on a loaded 2-core machine), and settling meanwhile
// would cut the code in two and type its first half into the field. No person waits for this:
// they never type four keys within the gap of each other.
const DELIVERY_STALL_MS = 250;

export function installKeyboardScanDetector(win: Window, emit: (scan: Scan) => void, options: KeyboardScanOptions = {}): KeyboardScanDetector {
  const { settleGraceMs = 15, onMisread, ...config } = options;
  const burst = new BurstDetector(config);
  // Where the withheld keys were typed: they go back there even if focus has moved since.
  let heldTarget: EventTarget | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  // Keyups of keys we stopped are stopped too, so no screen sees half a keystroke.
  const stoppedKeys = new Set<string>();

  // Answers the policy of the field a scan was typed into as text, if it was.
  const apply = (step: BurstStep): FieldScanPolicy | undefined => {
    if (step.retract) retractTypedText(heldTarget, step.retract);
    if (step.release) deliverWithheldText(heldTarget, step.release);
    if (step.misread !== undefined) onMisread?.(step.misread);
    if (step.scan === undefined) return undefined;
    const scan = makeScan(step.scan, 'keyboard');
    const policy = fieldScanPolicy(heldTarget);
    if (!scanTypedIntoField(policy, scan)) return void emit(scan);
    deliverWithheldText(heldTarget, scan.code);
    return policy;
  };

  // The wait runs from when we handled the key, lengthened by how late we handled it: on a busy
  // page the next scanner key may already be queued behind us and must get its turn first.
  let lag = 0;
  let letThrough = false;
  let cutTimer: ReturnType<typeof setTimeout> | undefined;
  const schedule = () => {
    clearTimeout(timer);
    if (burst.deadline() === undefined) return;
    timer = setTimeout(
      () => {
        timer = undefined;
        apply(burst.expire(burst.deadline() ?? 0));
        // A scan cut short whose keys typed nothing anywhere: unless the rest arrives, it is lost, and the officer must know.
        if (!isFocusedTextField(heldTarget)) {
          clearTimeout(cutTimer);
          cutTimer = setTimeout(() => {
            const partial = burst.takeCutScan();
            if (partial !== undefined) onMisread?.(partial);
          }, CUT_SCAN_WAIT_MS);
        }
      },
      burst.config.maxGapMs + settleGraceMs + lag + (burst.scanUnderway() ? DELIVERY_STALL_MS : 0),
    );
  };

  const onKeyDown = (event: KeyboardEvent) => {
    // Keys we dispatch again ourselves are untrusted; scanners and keyboards are trusted.
    if (!event.isTrusted) return;
    const disposition = keyDisposition({
      key: event.key,
      isComposing: event.isComposing,
      repeat: event.repeat,
      ctrlKey: event.ctrlKey,
      altKey: event.altKey,
      metaKey: event.metaKey,
      altGraph: event.getModifierState('AltGraph'),
    });
    if (disposition === 'ignore') return;
    lag = Math.min(Math.max(0, win.performance.now() - event.timeStamp), MAX_LAG_MS);
    const wasHolding = burst.pending() !== '';
    // In a text field a burst's first key goes in at once, so typing is never late; a scan takes it back.
    const target = event.composedPath()[0] ?? event.target;
    const step = disposition === 'interrupt' ? burst.interrupt() : burst.feed(event.key, event.timeStamp, isFocusedTextField(target));
    const typedAs = apply(step);
    // The key let through into the field is typed by the browser right after this: its own text.
    letThrough = !step.consume && burst.pending() !== '';
    if (burst.pending() !== '' && (!wasHolding || step.release !== '' || step.scan !== undefined)) {
      heldTarget = target;
    }
    // In a field for typing, a burst that is no code was the officer's, and so is their Enter.
    if (step.consume && typedAs !== 'typing') {
      event.preventDefault();
      event.stopImmediatePropagation();
      stoppedKeys.add(event.code || event.key);
    }
    schedule();
  };

  // Text can reach a field without a key the detector saw: an input method's letters sent as text
  // input or a composition, a packet key the browser types without a usable keydown. Withheld keys
  // were typed before it, so they go in first, right here, before the browser inserts it; left held,
  // they would land behind it and scramble the word ("êễnNgu" for "Nguyễn").
  const onTextArriving = (event: Event) => {
    if (letThrough && event.type === 'beforeinput') return void (letThrough = false);
    if (!event.isTrusted || burst.pending() === '') return;
    const released = burst.interrupt().release;
    schedule();
    // One insertion of both, in order: a second one while the browser's is pending lands elsewhere.
    if (event instanceof InputEvent && event.cancelable && event.inputType === 'insertText' && event.data && event.target === heldTarget) {
      event.preventDefault();
      deliverWithheldText(heldTarget, released + event.data);
    } else deliverWithheldText(heldTarget, released);
  };

  const onKeyUp = (event: KeyboardEvent) => {
    if (!event.isTrusted || !stoppedKeys.delete(event.code || event.key)) return;
    event.preventDefault();
    event.stopImmediatePropagation();
  };

  win.addEventListener('keydown', onKeyDown, { capture: true });
  win.addEventListener('keyup', onKeyUp, { capture: true });
  win.addEventListener('beforeinput', onTextArriving, { capture: true });
  win.addEventListener('compositionstart', onTextArriving, { capture: true });

  return {
    config: burst.config,
    stop() {
      win.removeEventListener('keydown', onKeyDown, { capture: true });
      win.removeEventListener('keyup', onKeyUp, { capture: true });
      win.removeEventListener('beforeinput', onTextArriving, { capture: true });
      win.removeEventListener('compositionstart', onTextArriving, { capture: true });
      clearTimeout(timer);
      clearTimeout(cutTimer);
      apply(burst.interrupt());
    },
  };
}
