// Just enough of source maps to turn a line of transpiled TypeScript back into the
// author's line: decode the VLQ "mappings" and keep, per generated line, the first
// original line it maps to.

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

function decodeVlq(segment: string): number[] {
  const values: number[] = [];
  let value = 0;
  let shift = 0;
  for (const ch of segment) {
    const digit = B64.indexOf(ch);
    if (digit < 0) break;
    value += (digit & 31) << shift;
    if (digit & 32) shift += 5;
    else {
      values.push(value & 1 ? -(value >>> 1) : value >>> 1);
      value = 0;
      shift = 0;
    }
  }
  return values;
}

/** `lines[g]` is the 1-based original line for 1-based generated line g + 1 (0 when unmapped). */
export function generatedToOriginalLines(mappings: string): number[] {
  const lines: number[] = [];
  let origLine = 0;
  for (const genLine of mappings.split(';')) {
    let first = 0;
    for (const seg of genLine.split(',')) {
      if (!seg) continue;
      const v = decodeVlq(seg);
      if (v.length >= 4) {
        origLine += v[2] ?? 0;
        if (first === 0) first = origLine + 1;
      }
    }
    lines.push(first);
  }
  return lines;
}

/** Maps a 1-based generated line through `table`, falling back to the nearest mapped line above. */
export function mapLine(table: number[] | null, line: number): number {
  if (!table) return line;
  for (let g = Math.min(line, table.length); g >= 1; g--) {
    const o = table[g - 1];
    if (o) return o;
  }
  return line;
}
