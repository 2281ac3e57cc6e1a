import { describe, expect, test, vi } from 'vitest';
import { flashScanOutcome, playScanTone, SCAN_OUTCOME_COLOURS, SCAN_OUTCOME_LABELS, SCAN_OUTCOME_TONES, type ScanOutcome } from './feedback';

const OUTCOMES: ScanOutcome[] = ['accepted', 'duplicate', 'wrongDepartment', 'wrongState', 'unknownCode', 'notADossierCode'];

/** Records what playScanTone schedules on an AudioContext. */
function recordingContext() {
  const started: { type: string; frequency: number; start: number; stop: number }[] = [];
  let resumed = 0;
  const param = () => ({ value: 0, setValueAtTime() {}, linearRampToValueAtTime() {} });
  const context = {
    state: 'suspended',
    currentTime: 10,
    destination: {},
    async resume() {
      resumed++;
      context.state = 'running';
    },
    createGain: () => ({ gain: param(), connect: (next: unknown) => next }),
    createOscillator() {
      const osc = {
        type: 'sine',
        frequency: param(),
        connect: (next: unknown) => next,
        start(at: number) {
          started.push({ type: osc.type, frequency: osc.frequency.value, start: at, stop: NaN });
        },
        stop(at: number) {
          started.at(-1)!.stop = at;
        },
      };
      return osc;
    },
  };
  return { context: context as unknown as AudioContext, started, resumed: () => resumed };
}

describe('scan feedback', () => {
  test('labels are the Vietnamese wording staff see', () => {
    expect(SCAN_OUTCOME_LABELS).toEqual({
      accepted: 'Đã nhận',
      duplicate: 'Đã có trong lô',
      wrongDepartment: 'Sai cơ quan nhận',
      wrongState: 'Hồ sơ không ở trạng thái được chuyển đi',
      unknownCode: 'Không tìm thấy hồ sơ',
      notADossierCode: 'Không phải mã hồ sơ',
    });
  });

  test('accepted is one short high beep, duplicate two, every error a low buzz', () => {
    const accepted = SCAN_OUTCOME_TONES.accepted;
    const duplicate = SCAN_OUTCOME_TONES.duplicate;
    expect(accepted).toHaveLength(1);
    expect(accepted[0]!.frequency).toBeGreaterThanOrEqual(1000);
    expect(accepted[0]!.durationMs).toBeLessThanOrEqual(150);
    expect(duplicate).toHaveLength(2);
    expect(duplicate.every((t) => t.frequency >= 1000)).toBe(true);
    expect(duplicate[1]!.startMs).toBeGreaterThan(duplicate[0]!.startMs + duplicate[0]!.durationMs);
    for (const outcome of OUTCOMES.filter((o) => o !== 'accepted' && o !== 'duplicate')) {
      const tones = SCAN_OUTCOME_TONES[outcome];
      expect(
        tones.every((t) => t.frequency <= 300 && t.durationMs >= 300),
        outcome,
      ).toBe(true);
      expect(SCAN_OUTCOME_COLOURS[outcome]).toBe('red');
    }
    expect(new Set([SCAN_OUTCOME_COLOURS.accepted, SCAN_OUTCOME_COLOURS.duplicate, SCAN_OUTCOME_COLOURS.unknownCode]).size).toBe(3);
  });

  test('playScanTone resumes a suspended context and schedules each tone at its offset', async () => {
    const { context, started, resumed } = recordingContext();
    await playScanTone('duplicate', context);
    expect(resumed()).toBe(1);
    expect(started).toHaveLength(2);
    expect(started[0]!.frequency).toBe(SCAN_OUTCOME_TONES.duplicate[0]!.frequency);
    expect(started[1]!.start - started[0]!.start).toBeCloseTo(0.16, 5);
    expect(started[0]!.stop - started[0]!.start).toBeCloseTo(0.08, 5);
    await playScanTone('unknownCode', context);
    expect(resumed()).toBe(1);
    expect(started[2]).toMatchObject({ type: 'sawtooth', frequency: 150 });
  });

  test('the flash lights the overlay in the outcome colour, turns it off after its time, and a newer scan restarts it', () => {
    vi.useFakeTimers();
    try {
      const overlay = { style: { opacity: '', boxShadow: '' } } as unknown as HTMLElement;
      flashScanOutcome(overlay, 'accepted', 700);
      expect(overlay.style.opacity).toBe('1');
      expect(overlay.style.boxShadow).toContain('rgb(22, 163, 74)');
      vi.advanceTimersByTime(500);
      flashScanOutcome(overlay, 'unknownCode', 700);
      expect(overlay.style.boxShadow).toContain('rgb(220, 38, 38)');
      vi.advanceTimersByTime(500);
      expect(overlay.style.opacity).toBe('1');
      vi.advanceTimersByTime(200);
      expect(overlay.style.opacity).toBe('0');
    } finally {
      vi.useRealTimers();
    }
  });
});
