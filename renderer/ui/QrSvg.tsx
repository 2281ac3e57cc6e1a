// A QR symbol on screen as one SVG path (shared/documents' qrMatrix, the modules the slips print),
// with its quiet zone: the VietQR of a fee, a counter's enrolment code.
import type { SVGProps } from 'react';
import { qrMatrix, QR_QUIET_MODULES } from '../../shared/documents';

export function QrSvg({ value, label, ...rest }: { value: string; label: string } & Omit<SVGProps<SVGSVGElement>, 'viewBox' | 'role'>) {
  const { size, dark } = qrMatrix(value);
  const span = size + 2 * QR_QUIET_MODULES;
  let path = '';
  for (let row = 0; row < size; row++) {
    for (let col = 0; col < size; col++) if (dark[row * size + col]) path += `M${col + QR_QUIET_MODULES} ${row + QR_QUIET_MODULES}h1v1h-1z`;
  }
  return (
    <svg viewBox={`0 0 ${span} ${span}`} shapeRendering="crispEdges" role="img" aria-label={label} {...rest}>
      <rect width={span} height={span} fill="#fff" />
      <path d={path} fill="#000" />
    </svg>
  );
}
