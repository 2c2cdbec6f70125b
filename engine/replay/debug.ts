// Converting a policy's debug output (own frame) into absolute pitch coordinates for the replay.
import type { DebugMark, DebugOutput } from '../controller.js';
import type { TeamDebug } from './types.js';

const finite = (...xs: number[]): boolean => xs.every((x) => typeof x === 'number' && Number.isFinite(x));

/**
 * `sign` is +1 when the team attacked +x at the tick it drew, else -1 (the own frame is the
 * absolute one turned by 180 degrees). Marks with non-finite numbers are dropped: they cannot
 * be drawn and would not survive JSON. The sandbox bounds counts and lengths; this only
 * makes sure what it passes is storable.
 */
export function absoluteDebug(d: DebugOutput | null | undefined, sign: number): TeamDebug | null {
  if (!d || (d.marks.length === 0 && d.logs.length === 0)) return null;
  const marks: DebugMark[] = [];
  for (const m of d.marks) {
    const color = String(m.color ?? '');
    if (m.kind === 'dot' && finite(m.x, m.y)) marks.push({ kind: 'dot', x: sign * m.x, y: sign * m.y, color });
    else if (m.kind === 'line' && finite(m.x1, m.y1, m.x2, m.y2)) marks.push({ kind: 'line', x1: sign * m.x1, y1: sign * m.y1, x2: sign * m.x2, y2: sign * m.y2, color });
    else if (m.kind === 'text' && finite(m.x, m.y)) marks.push({ kind: 'text', x: sign * m.x, y: sign * m.y, text: String(m.text), color });
  }
  return { marks, logs: d.logs.map(String) };
}
