import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CENTER_CONFIG, type CenterConfig } from './config';
import { VietQrPanel } from './VietQrPanel';

const ACCOUNT = { bin: '970415', accountNumber: '113366668888', accountName: 'TRUNG TAM PVHCC' };
const render = (config: CenterConfig, amount: number | undefined, reference: string | undefined) =>
  renderToStaticMarkup(<VietQrPanel config={config} amount={amount} reference={reference} received={false} onReceived={() => undefined} />);

describe('VietQrPanel', () => {
  it('shows the QR of the amount and the dossier code for the Center’s account', () => {
    const html = render({ ...DEFAULT_CENTER_CONFIG, bankAccount: ACCOUNT }, 135_000, '000.00.15.H41-260312-0101');
    expect(html).toMatch(/data-vietqr="[^"]*5406135000[^"]*0825000\.00\.15\.H41-260312-0101/);
    expect(html).toContain('135.000 ₫');
    expect(html).toContain('Đã nhận chuyển khoản');
  });

  it('says in Vietnamese why there is no QR: no account configured, or one a bank would reject', () => {
    const unset = render(DEFAULT_CENTER_CONFIG, 135_000, '000.00.15.H41-260312-0101');
    expect(unset).not.toContain('data-vietqr');
    expect(unset).toContain('Trung tâm chưa khai báo tài khoản nhận phí chuyển khoản');
    const badBin = render({ ...DEFAULT_CENTER_CONFIG, bankAccount: { ...ACCOUNT, bin: '97041' } }, 135_000, '000.00.15.H41-260312-0101');
    expect(badBin).not.toContain('data-vietqr');
    expect(badBin).toContain('6 chữ số');
    expect(render({ ...DEFAULT_CENTER_CONFIG, bankAccount: ACCOUNT }, undefined, '000.00.15.H41-260312-0101')).toContain('Nhập số tiền thu hợp lệ');
  });
});
