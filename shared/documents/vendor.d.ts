// Types for the pure-JS encoders imported by deep path: these files touch neither Node nor the DOM,
// unlike the packages' entry points (jsbarcode's renderers, qrcode's file/stream output).
declare module 'jsbarcode/bin/barcodes/CODE128/index.js' {
  interface Code128Encoding {
    text: string;
    /** One character per module: '1' bar, '0' space. */
    data: string;
  }
  class Code128Symbol {
    constructor(data: string, options: Record<string, unknown>);
    valid(): boolean;
    encode(): Code128Encoding;
  }
  export class CODE128 extends Code128Symbol {}
  export class CODE128C extends Code128Symbol {}
}

declare module 'qrcode/lib/core/qrcode.js' {
  interface QrBitMatrix {
    size: number;
    data: Uint8Array;
    get(row: number, col: number): number | boolean;
  }
  export function create(text: string, options: { errorCorrectionLevel: 'L' | 'M' | 'Q' | 'H'; version?: number }): { modules: QrBitMatrix; version: number };
}
