// docs/REPLAY.md is written by hand: every bound it quotes is checked against the code here, so
// changing a limit without rereading the document fails.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MAX_LIMIT_FACTOR, MAX_REPLAY_BYTES } from '../../tournament/replay-file.js';
import { MAX_PERIOD_TICKS, MAX_TEAM_NAME_CHARS, MIN_PERIOD_TICKS } from '../../engine/constants.js';
import { LIMITS, POLICY_EXTENSIONS, SEGMENT_TICKS } from '../../engine/replay/format.js';
import { MAX_BUDGET } from '../../sandbox/index.js';

const doc = readFileSync('docs/REPLAY.md', 'utf8');

describe('docs/REPLAY.md', () => {
  it('has the section on what verify trusts and checks', () => {
    expect(doc).toContain('## What verify trusts and what it checks');
  });

  it('quotes the bounds the code enforces', () => {
    const quoted = [
      `${MAX_REPLAY_BYTES / 1024 / 1024} MB (${MAX_REPLAY_BYTES} bytes)`,
      `1 to ${SEGMENT_TICKS + 1}`,
      `at most ${LIMITS.segmentBodyBytes} bytes`,
      `${LIMITS.inflateRatio} times its compressed`,
      `past ${LIMITS.jsonBlockBytes} bytes`,
      `from ${MIN_PERIOD_TICKS} to ${MAX_PERIOD_TICKS}`,
      `1 to ${MAX_TEAM_NAME_CHARS} characters`,
      `at most ${LIMITS.sourceChars}`,
      `${MAX_LIMIT_FACTOR} times its default`,
      POLICY_EXTENSIONS.map((e) => `\`${e}\``).slice(0, -1).join(', '),
    ];
    for (const q of quoted) expect(doc).toContain(q);
    expect(MAX_BUDGET).toBe(2 ** 30 - 1);
    expect(doc).toContain('2^30 - 1 units');
  });
});
