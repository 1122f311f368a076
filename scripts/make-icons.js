#!/usr/bin/env node
/**
 * Draws the add-in icons (assets/icon-16/32/64/80.png) with Node alone: a rounded teal
 * square with a white cross and a small coin, written as RGBA PNG bytes through zlib.
 * Deterministic: running it again produces the same bytes, so the committed icons can be
 * checked against it (test/addin/manifest.test.ts does).
 *
 *   node scripts/make-icons.js            write assets/icon-*.png
 *   node scripts/make-icons.js --check    exit 1 if a committed icon differs
 */
'use strict';
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');

const SIZES = [16, 32, 64, 80];

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}

/** RGBA pixels (width*height*4) to PNG bytes. */
function encodePng(width, height, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // colour type RGBA
  ihdr[10] = 0;
  ihdr[11] = 0;
  ihdr[12] = 0;
  const raw = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (width * 4 + 1)] = 0; // filter: none
    rgba.copy(raw, y * (width * 4 + 1) + 1, y * width * 4, (y + 1) * width * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const TEAL = [0x0f, 0x76, 0x6e];
const WHITE = [0xff, 0xff, 0xff];
const GOLD = [0xf2, 0xb7, 0x05];

/** Coverage (0..1) of pixel (x, y) by a shape, by 4x4 supersampling: smooth edges. */
function coverage(inside, x, y) {
  let hits = 0;
  for (let i = 0; i < 4; i++) for (let j = 0; j < 4; j++) if (inside(x + (i + 0.5) / 4, y + (j + 0.5) / 4)) hits++;
  return hits / 16;
}

function draw(size) {
  const s = size;
  const r = s * 0.2; // corner radius
  const roundedSquare = (x, y) => {
    const cx = Math.min(Math.max(x, r), s - r);
    const cy = Math.min(Math.max(y, r), s - r);
    return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
  };
  const arm = s * 0.16; // half-width of the cross arms
  const c = s * 0.44; // cross centre (a little up-left, leaving room for the coin)
  const len = s * 0.3;
  const cross = (x, y) =>
    (Math.abs(x - c) <= arm && Math.abs(y - c) <= len) || (Math.abs(y - c) <= arm && Math.abs(x - c) <= len);
  const coinR = s * 0.17;
  const coinC = s * 0.74;
  const coin = (x, y) => (x - coinC) ** 2 + (y - coinC) ** 2 <= coinR * coinR;
  const coinRing = (x, y) => (x - coinC) ** 2 + (y - coinC) ** 2 <= (coinR + Math.max(1, s * 0.04)) ** 2;

  const px = Buffer.alloc(s * s * 4);
  for (let y = 0; y < s; y++) {
    for (let x = 0; x < s; x++) {
      const bg = coverage(roundedSquare, x, y);
      let col = TEAL.slice();
      const w = coverage(cross, x, y);
      col = col.map((v, i) => v * (1 - w) + WHITE[i] * w);
      const ring = coverage(coinRing, x, y);
      col = col.map((v, i) => v * (1 - ring) + TEAL[i] * ring);
      const g = coverage(coin, x, y);
      col = col.map((v, i) => v * (1 - g) + GOLD[i] * g);
      const o = (y * s + x) * 4;
      px[o] = Math.round(col[0]);
      px[o + 1] = Math.round(col[1]);
      px[o + 2] = Math.round(col[2]);
      px[o + 3] = Math.round(255 * bg);
    }
  }
  return encodePng(s, s, px);
}

function iconPath(size) {
  return path.join(__dirname, '..', 'assets', `icon-${size}.png`);
}

function main(argv) {
  const check = argv.includes('--check');
  let bad = 0;
  for (const size of SIZES) {
    const png = draw(size);
    const file = iconPath(size);
    if (check) {
      const same = fs.existsSync(file) && fs.readFileSync(file).equals(png);
      if (!same) {
        console.error(`differs: ${path.relative(process.cwd(), file)}`);
        bad++;
      }
    } else {
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, png);
      console.log(`wrote ${path.relative(process.cwd(), file)} (${png.length} bytes)`);
    }
  }
  return bad ? 1 : 0;
}

module.exports = { SIZES, draw, encodePng, crc32 };

if (require.main === module) process.exitCode = main(process.argv.slice(2));
