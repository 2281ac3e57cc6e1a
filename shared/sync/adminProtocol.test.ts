import { describe, expect, it } from 'vitest';
import { encodeCounterReport, parseCounterReport } from './adminProtocol';

describe('the counter report a pull carries', () => {
  it('reads back what a counter encodes, Vietnamese printer problems included', () => {
    const report = { appVersion: '0.1.0', printerStatus: 'Máy in phiếu: hết giấy', pendingOutbox: 3 };
    expect(parseCounterReport(encodeCounterReport(report))).toEqual(report);
  });
  it('ignores what is malformed rather than refusing the pull', () => {
    expect(parseCounterReport(undefined)).toBeUndefined();
    expect(parseCounterReport('%E0%A4%A')).toBeUndefined();
    expect(parseCounterReport(encodeURIComponent('{"appVersion":"0.1.0"}'))).toBeUndefined();
    expect(parseCounterReport(encodeCounterReport({ appVersion: '0.1.0 <script>', printerStatus: 'ok', pendingOutbox: 0 }))).toBeUndefined();
    expect(parseCounterReport(encodeCounterReport({ appVersion: '0.1.0', printerStatus: 'ok\u0000', pendingOutbox: 0 }))).toBeUndefined();
    expect(parseCounterReport(encodeCounterReport({ appVersion: '0.1.0', printerStatus: 'ok', pendingOutbox: -1 }))).toBeUndefined();
  });
});
