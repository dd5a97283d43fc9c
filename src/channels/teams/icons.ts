import { PNG } from "pngjs";

type Rgba = [number, number, number, number];

/**
 * The app icons Teams requires, drawn in code so they can be rebuilt: a
 * document with text lines and a check mark. Colour: 192×192 on the accent
 * colour; outline: 32×32, white on transparent.
 */
function drawIcon(size: number, background: Rgba, foreground: Rgba): Buffer {
  const png = new PNG({ width: size, height: size });
  const u = size / 32; // design grid of 32×32 units
  const set = (x: number, y: number, [r, g, b, a]: Rgba) => {
    if (x < 0 || y < 0 || x >= size || y >= size) return;
    const i = (y * size + x) * 4;
    png.data[i] = r;
    png.data[i + 1] = g;
    png.data[i + 2] = b;
    png.data[i + 3] = a;
  };
  const rect = (x0: number, y0: number, x1: number, y1: number, colour: Rgba) => {
    for (let y = Math.round(y0 * u); y < Math.round(y1 * u); y++) for (let x = Math.round(x0 * u); x < Math.round(x1 * u); x++) set(x, y, colour);
  };
  rect(0, 0, 32, 32, background);
  // Document outline.
  rect(8, 5, 24, 6.5, foreground);
  rect(8, 25.5, 24, 27, foreground);
  rect(8, 5, 9.5, 27, foreground);
  rect(22.5, 5, 24, 27, foreground);
  // Text lines.
  for (const y of [9, 12.5, 16]) rect(11.5, y, 20.5, y + 1.5, foreground);
  // Check mark.
  for (let t = 0; t <= 1; t += 0.01) {
    const [x1, y1] = [12 + 2.5 * t, 20 + 2.5 * t];
    const [x2, y2] = [14.5 + 6 * t, 22.5 - 5 * t];
    rect(x1 - 0.7, y1 - 0.7, x1 + 0.7, y1 + 0.7, foreground);
    rect(x2 - 0.7, y2 - 0.7, x2 + 0.7, y2 + 0.7, foreground);
  }
  return PNG.sync.write(png);
}

export function colorIcon(): Buffer {
  return drawIcon(192, [0x1f, 0x5f, 0x8b, 255], [255, 255, 255, 255]);
}

export function outlineIcon(): Buffer {
  return drawIcon(32, [0, 0, 0, 0], [255, 255, 255, 255]);
}
