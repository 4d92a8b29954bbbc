import { qrPath } from '../qr-path';

/** The QR code drawn from the server's matrix as SVG rectangles: no markup from elsewhere is ever inserted. */
export function QrCode({ rows, label }: { rows: string[]; label: string }) {
  const size = rows.length;
  const path = qrPath(rows);
  return (
    <figure class="qr">
      <svg role="img" aria-label={label} viewBox={`0 0 ${size} ${size}`} width={Math.max(4 * size, 240)} height={Math.max(4 * size, 240)} shape-rendering="crispEdges">
        <rect width={size} height={size} fill="#fff" />
        <path d={path} fill="#000" />
      </svg>
      <figcaption>{label}</figcaption>
    </figure>
  );
}
