// A Python team's debug channel: what print() writes, cut into lines, and the marks of
// debug.dot/line/text, bounded per tick exactly like the JavaScript console (guest/channel.ts).
import type { DebugMark } from '../../../engine/controller.js';
import { decodeUtf8 } from './utf8.js';

const NL = 10;

export class Output {
  private lines: string[] = [];
  private partial: number[] = [];
  private droppedLines = 0;
  private kept: DebugMark[] = [];
  private droppedMarks = 0;

  constructor(
    private readonly maxLines: number,
    private readonly maxChars: number,
  ) {}

  private endLine(): void {
    const text = decodeUtf8(this.partial);
    this.partial = [];
    if (this.lines.length >= this.maxLines) {
      this.droppedLines++;
      return;
    }
    this.lines.push(text.length > this.maxChars ? `${text.slice(0, this.maxChars)}…` : text);
  }

  /** Bytes from fd 1 or 2. A line longer than the limit keeps its first bytes only. */
  write(bytes: Uint8Array): void {
    for (let i = 0; i < bytes.length; i++) {
      const b = bytes[i]!;
      if (b === NL) this.endLine();
      else if (this.partial.length <= this.maxChars * 4) this.partial.push(b);
    }
  }

  /** This tick's marks: the first `max` kept, the rest counted. */
  marks(m: DebugMark[], dropped: number, max: number): void {
    this.kept = m.slice(0, max);
    this.droppedMarks = dropped + Math.max(0, m.length - max);
  }

  pending(): boolean {
    return this.lines.length > 0 || this.partial.length > 0 || this.kept.length > 0 || this.droppedLines > 0 || this.droppedMarks > 0;
  }

  reset(): void {
    this.lines = [];
    this.partial = [];
    this.droppedLines = 0;
    this.kept = [];
    this.droppedMarks = 0;
  }

  /** This call's lines and marks, with a note for what was dropped. */
  drain(): { logs: string[]; marks: DebugMark[] } {
    if (this.partial.length > 0) this.endLine();
    const logs = this.lines;
    if (this.droppedLines > 0) logs.push(`(${this.droppedLines} more log lines dropped this tick)`);
    if (this.droppedMarks > 0) logs.push(`(${this.droppedMarks} more debug marks dropped this tick)`);
    const out = { logs, marks: this.kept };
    this.reset();
    return out;
  }
}
