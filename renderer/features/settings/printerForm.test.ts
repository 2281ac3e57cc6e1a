import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { PrinterConfig } from '../../../shared/host';
import {
  addressProblem,
  draftFromPrinter,
  emptyPrinterDraft,
  rolePaperWarning,
  scannerDraft,
  validatePrinterDraft,
  validateScannerDraft,
  withoutPrinter,
  withPrinter,
  type PrinterDraft,
} from './printerForm';

const slipPrinter: PrinterConfig = {
  id: 'p1',
  name: 'Máy in phiếu quầy 3',
  transport: 'network',
  address: '192.168.1.50:9100',
  paper: '80mm',
  roles: ['slip', 'receipt'],
  copies: { slip: 2, receipt: 1 },
};

function draft(patch: Partial<PrinterDraft>): PrinterDraft {
  return { ...emptyPrinterDraft(), name: 'Máy in A4 quầy 3', address: '192.168.1.60', paper: 'A4', roles: ['form'], ...patch };
}

describe('printer validation', () => {
  it('accepts a complete printer and keeps only the copies of its roles', () => {
    const r = validatePrinterDraft(draft({ roles: ['form', 'handover'], copies: { slip: 'x', receipt: '', handover: '2', form: '1', ticket: '' } }), [slipPrinter], () => 'new-id');
    expect(r).toEqual({
      ok: true,
      printer: { id: 'new-id', name: 'Máy in A4 quầy 3', transport: 'network', address: '192.168.1.60', paper: 'A4', roles: ['handover', 'form'], copies: { handover: 2, form: 1 } },
    });
  });

  it('says in Vietnamese what is wrong with each field', () => {
    const r = validatePrinterDraft(draft({ name: ' ', address: '999.1.1.1:9100', roles: [] }), []);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.name).toMatch(/đặt tên máy in/);
    expect(r.errors.address).toMatch(/không phải địa chỉ IP/);
    expect(r.errors.roles).toMatch(/ít nhất một loại giấy tờ/);
  });

  it('refuses a duplicate name, a role already served elsewhere, and bad copy counts', () => {
    const r = validatePrinterDraft(draft({ name: 'máy in phiếu QUẦY 3', roles: ['slip', 'form'], copies: { slip: '2', receipt: '1', handover: '1', form: '9', ticket: '1' } }), [slipPrinter]);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.name).toMatch(/Đã có máy in tên/);
    expect(r.errors.roles).toMatch(/Giấy hẹn trả kết quả đang được in ở máy "Máy in phiếu quầy 3"/);
    expect(r.errors['copies.form']).toMatch(/từ 1 đến 5/);
    // Editing the printer itself is not a clash with itself.
    expect(validatePrinterDraft(draftFromPrinter(slipPrinter), [slipPrinter])).toEqual({ ok: true, printer: slipPrinter });
  });

  it('checks addresses per transport', () => {
    expect(addressProblem('network', '192.168.1.50')).toBeUndefined();
    expect(addressProblem('network', 'may-in-quay3.local:9100')).toBeUndefined();
    expect(addressProblem('network', '192.168.1.50:70000')).toMatch(/Cổng/);
    expect(addressProblem('network', '192.168.1.50:')).toMatch(/Cổng/);
    expect(addressProblem('network', 'máy in')).toMatch(/không phải địa chỉ/);
    expect(addressProblem('usb', '0416:5011')).toBeUndefined();
    expect(addressProblem('usb', '416:5011')).toMatch(/0416:5011/);
    expect(addressProblem('device', '/dev/usb/lp0')).toBeUndefined();
    expect(addressProblem('device', 'COM3')).toBeUndefined();
    expect(addressProblem('device', 'lp0')).toMatch(/\/dev\/usb\/lp0/);
    expect(addressProblem('system', 'EPSON_L3150')).toBeUndefined();
    expect(addressProblem('system', '  ')).toMatch(/Hãy nhập địa chỉ/);
  });

  it('any valid printer survives a round trip through the form', () => {
    const printer = fc.record({
      id: fc.uuid(),
      name: fc.stringMatching(/^[A-Za-zÀ-ỹ0-9][A-Za-zÀ-ỹ0-9 ]{0,30}[A-Za-zÀ-ỹ0-9]$/).filter((s) => !/\s{2}/.test(s)),
      transport: fc.constantFrom('network' as const),
      address: fc.tuple(fc.nat(255), fc.nat(255), fc.integer({ min: 1, max: 65535 })).map(([a, b, port]) => `10.0.${a}.${b}:${port}`),
      paper: fc.constantFrom('58mm' as const, '80mm' as const, 'A5' as const, 'A4' as const),
      roles: fc
        .uniqueArray(fc.constantFrom('slip' as const, 'receipt' as const, 'handover' as const, 'form' as const), { minLength: 1 })
        .map((r) => ['slip', 'receipt', 'handover', 'form'].filter((x) => r.includes(x as never)) as PrinterConfig['roles']),
      copy: fc.integer({ min: 1, max: 5 }),
    });
    fc.assert(
      fc.property(printer, ({ copy, ...p }) => {
        const config: PrinterConfig = { ...p, copies: Object.fromEntries(p.roles.map((r) => [r, copy])) };
        expect(validatePrinterDraft(draftFromPrinter(config), [])).toEqual({ ok: true, printer: config });
      }),
    );
  });

  it('saves by id and removes by id', () => {
    const other = { ...slipPrinter, id: 'p2', name: 'B' };
    expect(withPrinter([slipPrinter], other)).toEqual([slipPrinter, other]);
    expect(withPrinter([slipPrinter, other], { ...slipPrinter, name: 'Đổi tên' }).map((p) => p.name)).toEqual(['Đổi tên', 'B']);
    expect(withoutPrinter([slipPrinter, other], 'p1')).toEqual([other]);
  });
});

describe('a sheet role on a roll printer', () => {
  it('warns when the A4/A5 forms are given to a 58 or 80 mm roll, and not otherwise', () => {
    expect(rolePaperWarning({ paper: '80mm', roles: ['slip', 'form'] })).toContain('Mẫu phiếu A4/A5 sẽ in trên giấy cuộn 80 mm');
    expect(rolePaperWarning({ paper: '58mm', roles: ['form'] })).toContain('không phải bản A4/A5 đúng mẫu');
    expect(rolePaperWarning({ paper: '80mm', roles: ['slip', 'receipt', 'handover'] })).toBeUndefined();
    expect(rolePaperWarning({ paper: 'A5', roles: ['form'] })).toBeUndefined();
  });
});

describe('serial scanner port', () => {
  it('saves nothing when the scanner works as a keyboard', () => {
    // Null, not undefined: the web host receives the settings as JSON, which drops an undefined and kept the old port.
    expect(validateScannerDraft({ enabled: false, path: '', baudRate: 'x' })).toEqual({ ok: true, scannerPort: null });
  });
  it('needs a port and a standard baud rate', () => {
    expect(validateScannerDraft({ enabled: true, path: '/dev/ttyACM0', baudRate: '115200' })).toEqual({ ok: true, scannerPort: { path: '/dev/ttyACM0', baudRate: 115200 } });
    const r = validateScannerDraft({ enabled: true, path: ' ', baudRate: '9601' });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.path).toMatch(/cổng nối tiếp/);
    expect(r.errors.baudRate).toMatch(/9600/);
    expect(scannerDraft({ scannerPort: { path: 'COM3', baudRate: 9600 } })).toEqual({ enabled: true, path: 'COM3', baudRate: '9600' });
  });
});
