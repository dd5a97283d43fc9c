/** A small SVG line chart of latency against corpus size (log x axis); no plotting library needed for two lines. */
export type Series = { name: string; color: string; points: { x: number; y: number }[] };

export function latencyPlot(series: Series[], title: string): string {
  const width = 640;
  const height = 360;
  const pad = { left: 60, right: 150, top: 40, bottom: 50 };
  const xs = series.flatMap((s) => s.points.map((p) => p.x));
  const ys = series.flatMap((s) => s.points.map((p) => p.y));
  const [xMin, xMax] = [Math.log10(Math.min(...xs)), Math.log10(Math.max(...xs))];
  const yMax = Math.max(...ys) * 1.15 || 1;
  const px = (x: number) => pad.left + ((Math.log10(x) - xMin) / (xMax - xMin || 1)) * (width - pad.left - pad.right);
  const py = (y: number) => height - pad.bottom - (y / yMax) * (height - pad.top - pad.bottom);
  const ticks = Array.from({ length: 5 }, (_, i) => (yMax / 4) * i);
  const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;");
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" font-family="sans-serif" font-size="12">`,
    `<rect width="100%" height="100%" fill="#fff"/>`,
    `<text x="${width / 2 - pad.right / 2}" y="22" text-anchor="middle" font-size="14">${esc(title)}</text>`,
    ...ticks.map(
      (t) =>
        `<line x1="${pad.left}" x2="${width - pad.right}" y1="${py(t)}" y2="${py(t)}" stroke="#eee"/><text x="${pad.left - 6}" y="${py(t) + 4}" text-anchor="end">${t.toFixed(t < 10 ? 1 : 0)}</text>`,
    ),
    ...[...new Set(xs)].map((x) => `<text x="${px(x)}" y="${height - pad.bottom + 18}" text-anchor="middle">${x.toLocaleString("en")}</text>`),
    `<text x="${(pad.left + width - pad.right) / 2}" y="${height - 12}" text-anchor="middle">documents (log scale)</text>`,
    `<text transform="translate(16 ${height / 2}) rotate(-90)" text-anchor="middle">p95 latency (ms)</text>`,
    ...series.map((s, i) => {
      const path = s.points.map((p, j) => `${j ? "L" : "M"}${px(p.x).toFixed(1)},${py(p.y).toFixed(1)}`).join(" ");
      const dots = s.points.map((p) => `<circle cx="${px(p.x)}" cy="${py(p.y)}" r="3" fill="${s.color}"/>`).join("");
      return `<path d="${path}" fill="none" stroke="${s.color}" stroke-width="2"/>${dots}<rect x="${width - pad.right + 12}" y="${pad.top + i * 20}" width="12" height="3" fill="${s.color}"/><text x="${width - pad.right + 30}" y="${pad.top + i * 20 + 5}">${esc(s.name)}</text>`;
    }),
    `</svg>`,
  ].join("\n");
}
