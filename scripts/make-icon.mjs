// Draws the app icon (a red rounded square with a white key-and-check mark) as a 512×512 PNG,
// with no image tools: electron-builder derives every platform's icon set from it.
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const N = 512;
const px = Buffer.alloc(N * N * 4);
const inRoundedSquare = (x, y, r = 96, m = 24) => {
  const cx = Math.min(Math.max(x, m + r), N - m - r);
  const cy = Math.min(Math.max(y, m + r), N - m - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r && x >= m && y >= m && x < N - m && y < N - m;
};
const nearSegment = (x, y, [x1, y1], [x2, y2], w) => {
  const dx = x2 - x1, dy = y2 - y1;
  const t = Math.max(0, Math.min(1, ((x - x1) * dx + (y - y1) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(x - (x1 + t * dx), y - (y1 + t * dy)) <= w;
};
for (let y = 0; y < N; y++) {
  for (let x = 0; x < N; x++) {
    const i = (y * N + x) * 4;
    if (!inRoundedSquare(x, y)) continue;
    let [r, g, b] = [200, 16, 46];
    const ring = Math.hypot(x - 190, y - 200);
    const key = (ring <= 78 && ring >= 42) || nearSegment(x, y, [245, 255], [380, 390], 20) || nearSegment(x, y, [330, 340], [365, 305], 16);
    const check = nearSegment(x, y, [150, 380], [195, 425], 18) || nearSegment(x, y, [195, 425], [285, 330], 18);
    if (key || check) [r, g, b] = [255, 255, 255];
    px.set([r, g, b, 255], i);
  }
}
const raw = Buffer.alloc((N * 4 + 1) * N);
for (let y = 0; y < N; y++) px.copy(raw, y * (N * 4 + 1) + 1, y * N * 4, (y + 1) * N * 4);
const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc = (buf) => {
  let c = 0xffffffff;
  for (const byte of buf) c = crcTable[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type, data) => {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type), data]);
  const c = Buffer.alloc(4);
  c.writeUInt32BE(crc(td));
  return Buffer.concat([len, td, c]);
};
const ihdr = Buffer.alloc(13);
ihdr.writeUInt32BE(N, 0);
ihdr.writeUInt32BE(N, 4);
ihdr.set([8, 6, 0, 0, 0], 8);
const png = Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw, { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
writeFileSync(process.argv[2] ?? 'build-resources/icon.png', png);
