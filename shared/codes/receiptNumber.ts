// The fee receipt's number (DOMAIN.md, "Fees and electronic receipts"): up to 8 digits, ascending,
// restarting at 1 each 1 January. It is always written with all 8 digits, on screen and on paper.

export const RECEIPT_NUMBER_DIGITS = 8;

export function formatReceiptNumber(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 99_999_999) throw new RangeError(`Số biên lai phải từ 1 đến 99999999, nhận được ${n}.`);
  return String(n).padStart(RECEIPT_NUMBER_DIGITS, '0');
}

/** "EBL01/26TAA số 00000125": how staff see a receipt in lists, histories and on the receipt's own lines. */
export function receiptLabel(r: { formSymbol: string; series: string; number: number }): string {
  return `${r.formSymbol}/${r.series} số ${formatReceiptNumber(r.number)}`;
}
