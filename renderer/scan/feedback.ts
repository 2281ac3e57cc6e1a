// How a scan is acknowledged: a sound staff can tell apart without looking, and a colour flash.
// Screens call this only after the scan's event is durable (DESIGN.md "Scanning"). Tones are
// generated with WebAudio, so there are no sound files to ship or lose.
import { kioskLog } from '../host/log';

export type ScanOutcome = 'accepted' | 'duplicate' | 'wrongDepartment' | 'wrongState' | 'unknownCode' | 'notADossierCode';

export const SCAN_OUTCOME_LABELS: Readonly<Record<ScanOutcome, string>> = {
  accepted: 'Đã nhận',
  duplicate: 'Đã có trong lô',
  wrongDepartment: 'Sai cơ quan nhận',
  wrongState: 'Hồ sơ không ở trạng thái được chuyển đi',
  unknownCode: 'Không tìm thấy hồ sơ',
  notADossierCode: 'Không phải mã hồ sơ',
};

export type Tone = { startMs: number; durationMs: number; frequency: number; wave: OscillatorType; volume: number };

const BEEP_HZ = 2000;
const BUZZ_HZ = 150;
const short = (startMs: number): Tone => ({ startMs, durationMs: 80, frequency: BEEP_HZ, wave: 'square', volume: 0.25 });
const BUZZ: Tone[] = [{ startMs: 0, durationMs: 450, frequency: BUZZ_HZ, wave: 'sawtooth', volume: 0.4 }];

/** One short high beep: taken; two: already there, nothing to do; a low buzz: look at the screen. */
export const SCAN_OUTCOME_TONES: Readonly<Record<ScanOutcome, readonly Tone[]>> = {
  accepted: [short(0)],
  duplicate: [short(0), short(160)],
  wrongDepartment: BUZZ,
  wrongState: BUZZ,
  unknownCode: BUZZ,
  notADossierCode: BUZZ,
};

export type FlashColour = 'green' | 'amber' | 'red';

export const SCAN_OUTCOME_COLOURS: Readonly<Record<ScanOutcome, FlashColour>> = {
  accepted: 'green',
  duplicate: 'amber',
  wrongDepartment: 'red',
  wrongState: 'red',
  unknownCode: 'red',
  notADossierCode: 'red',
};

const FLASH_RGB: Record<FlashColour, string> = { green: '22, 163, 74', amber: '217, 119, 6', red: '220, 38, 38' };

let sharedContext: AudioContext | undefined;

/**
 * Plays the outcome's tones. Chromium starts an AudioContext suspended until the page has had a
 * user gesture; a scan is a key press, so resuming here succeeds from the first scan on.
 */
export async function playScanTone(outcome: ScanOutcome, context?: AudioContext): Promise<void> {
  const audio = context ?? (sharedContext ??= new AudioContext());
  if (audio.state === 'suspended') await audio.resume();
  const start = audio.currentTime + 0.01;
  for (const tone of SCAN_OUTCOME_TONES[outcome]) {
    const oscillator = audio.createOscillator();
    const gain = audio.createGain();
    oscillator.type = tone.wave;
    oscillator.frequency.value = tone.frequency;
    const from = start + tone.startMs / 1000;
    const to = from + tone.durationMs / 1000;
    // Short ramps at both ends: a tone cut off abruptly clicks.
    gain.gain.setValueAtTime(0, from);
    gain.gain.linearRampToValueAtTime(tone.volume, from + 0.005);
    gain.gain.setValueAtTime(tone.volume, to - 0.01);
    gain.gain.linearRampToValueAtTime(0, to);
    oscillator.connect(gain).connect(audio.destination);
    oscillator.start(from);
    oscillator.stop(to);
  }
}

const flashTimers = new WeakMap<HTMLElement, ReturnType<typeof setTimeout>>();

/**
 * Lights `overlay`, an empty element laid over the area to flash, in the outcome's colour for
 * `durationMs`, then turns it off; a newer scan restarts it. Two repaints and nothing in between:
 * a fading flash drew every frame for 700 ms and slowed the next scan's write and row by several
 * milliseconds on a busy 2-core counter PC (bench/scan.bench.ts).
 */
export function flashScanOutcome(overlay: HTMLElement, outcome: ScanOutcome, durationMs = 700): void {
  clearTimeout(flashTimers.get(overlay));
  const rgb = FLASH_RGB[SCAN_OUTCOME_COLOURS[outcome]];
  overlay.style.boxShadow = `inset 0 0 0 6px rgb(${rgb}), inset 0 0 60px rgba(${rgb}, 0.45)`;
  overlay.style.opacity = '1';
  flashTimers.set(
    overlay,
    setTimeout(() => {
      overlay.style.opacity = '0';
      flashTimers.delete(overlay);
    }, durationMs),
  );
}

/** Sound and flash together, with the Vietnamese label for the screen to show. */
export function acknowledgeScan(outcome: ScanOutcome, flashOverlay?: HTMLElement): string {
  void playScanTone(outcome).catch((error: unknown) => kioskLog.warn('Không phát được âm báo quét', error instanceof Error ? error : { error: String(error) }));
  if (flashOverlay) flashScanOutcome(flashOverlay, outcome);
  return SCAN_OUTCOME_LABELS[outcome];
}
