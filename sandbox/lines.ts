// Finds the author's line in a V8 stack or message and maps it back through the
// TypeScript line table, so messages say "policy.ts:12" and mean the author's line 12.
import { mapLine } from './sourcemap.js';

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The first line of `filename` named in `text` (a stack, or a "[file:line:col]" message), or undefined. */
export function lineIn(text: string, filename: string, table: number[] | null): number | undefined {
  // Anchored on what precedes a file name in V8 text, so "runtime.js" never matches "matchday-runtime.js".
  const m = new RegExp(`(?:^|[\\s(\\[])${escape(filename)}:(\\d+)`).exec(text);
  if (!m) return undefined;
  return mapLine(table, Number(m[1]));
}

/** "policy.ts:12: message", or just "policy.ts: message" when the line is unknown. */
export function where(filename: string, line: number | undefined, message: string): string {
  return `${filename}${line ? `:${line}` : ''}: ${message}`;
}
