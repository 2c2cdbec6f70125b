// Measures what the replay's deflate level costs: inflates every block of one replay, then deflates them all again at
// several levels and prints the CPU time (best of 5) and the bytes of each (docs/PERFORMANCE.md, engine/replay/format.ts).
//
//   node --import tsx scripts/deflate-levels.ts some.mdr
import { readFileSync } from 'node:fs';
import { deflateSync, inflateSync } from 'fflate';
import { readBlock } from '../engine/replay/blocks.js';
import { KIND_HEADER, KIND_SEGMENT, PREAMBLE_BYTES, SEGMENT_PREFIX_BYTES } from '../engine/replay/format.js';

const file = process.argv[2];
if (!file) throw new Error('usage: scripts/deflate-levels.ts <replay.mdr>');
const bytes = readFileSync(file);
const raw: Uint8Array[] = [];
// The header, then the segments in order; the footer and index follow (left out: a few KB).
for (let off = PREAMBLE_BYTES; off < bytes.length; ) {
  const b = readBlock(bytes, off, file, `block at ${off}`);
  if (b.kind !== KIND_HEADER && b.kind !== KIND_SEGMENT) break;
  raw.push(inflateSync(b.kind === KIND_SEGMENT ? b.payload.subarray(SEGMENT_PREFIX_BYTES) : b.payload));
  off += b.size;
}
console.log(`${file}: ${raw.length} blocks, ${raw.reduce((s, r) => s + r.length, 0)} bytes raw`);
for (const level of [9, 6, 5, 4, 1] as const) {
  let best = Infinity;
  let size = 0;
  for (let rep = 0; rep < 5; rep++) {
    const c0 = process.cpuUsage();
    size = 0;
    for (const r of raw) size += deflateSync(r, { level }).length;
    const c = process.cpuUsage(c0);
    best = Math.min(best, (c.user + c.system) / 1000);
  }
  console.log(`level ${level}: ${best.toFixed(1)} ms CPU, ${size} bytes`);
}
