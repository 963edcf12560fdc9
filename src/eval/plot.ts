import type { CalibrationBin } from "./metrics.ts";

/** A reliability diagram (accuracy against confidence per bin) as a self-contained SVG. */
export function reliabilitySvg(bins: CalibrationBin[], ece: number, title: string): string {
  const size = 320;
  const pad = 40;
  const x = (v: number) => pad + v * (size - 2 * pad);
  const y = (v: number) => size - pad - v * (size - 2 * pad);
  const bars = bins
    .map((b) => {
      const w = x(b.hi) - x(b.lo) - 2;
      return `<rect x="${x(b.lo) + 1}" y="${y(b.accuracy)}" width="${w}" height="${y(0) - y(b.accuracy)}" fill="#4f7cac" opacity="0.8"><title>${b.lo.toFixed(1)}-${b.hi.toFixed(1)}: n=${b.n}, confidence ${b.confidence}, accuracy ${b.accuracy}</title></rect>`;
    })
    .join("");
  const ticks = [0, 0.25, 0.5, 0.75, 1]
    .map(
      (t) =>
        `<text x="${x(t)}" y="${size - pad + 16}" font-size="10" text-anchor="middle">${t}</text><text x="${pad - 6}" y="${y(t) + 3}" font-size="10" text-anchor="end">${t}</text>`,
    )
    .join("");
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 ${size} ${size}" font-family="sans-serif">
<rect width="100%" height="100%" fill="white"/>
<text x="${size / 2}" y="18" font-size="12" text-anchor="middle">${escapeXml(title)} (ECE ${ece})</text>
<line x1="${x(0)}" y1="${y(0)}" x2="${x(1)}" y2="${y(1)}" stroke="#999" stroke-dasharray="4 3"/>
<line x1="${x(0)}" y1="${y(0)}" x2="${x(1)}" y2="${y(0)}" stroke="#333"/>
<line x1="${x(0)}" y1="${y(0)}" x2="${x(0)}" y2="${y(1)}" stroke="#333"/>
${bars}${ticks}
<text x="${size / 2}" y="${size - 6}" font-size="11" text-anchor="middle">confidence</text>
<text x="12" y="${size / 2}" font-size="11" text-anchor="middle" transform="rotate(-90 12 ${size / 2})">accuracy</text>
</svg>
`;
}

function escapeXml(s: string): string {
  return s.replace(/[<>&"]/g, (c) => `&#${c.charCodeAt(0)};`);
}
