// docs/REPLAY.md is generated from docs/src/REPLAY.md and the code (test/docs/replay-doc.ts; the
// docs sync test holds it): here, the bounds its hand-written verify section quotes are checked
// against the code once more, so a placeholder that renders the wrong number fails too.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MAX_LIMIT_FACTOR, MAX_REPLAY_BYTES } from '../../tournament/replay-file.js';
import { MAX_PERIOD_TICKS, MAX_TEAM_NAME_CHARS, MIN_PERIOD_TICKS } from '../../engine/constants.js';
import { LIMITS, POLICY_EXTENSIONS, SEGMENT_TICKS } from '../../engine/replay/format.js';
import { MAX_BUDGET } from '../../sandbox/index.js';
import { G_BUDGET } from '../../engine/replay/channels.js';
import { arr, int, obj, str } from '../../engine/replay/check.js';
import { REPLAY_FORMAT_VERSION, SUPPORTED_FORMATS } from '../../engine/replay/format.js';
import { checkExtrasJson, checkFooterJson, checkHeaderJson } from '../../engine/replay/schema.js';

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

  it('is generated from the schema: every field the reader checks has its row, with its bounds', () => {
    for (const check of [checkHeaderJson, checkFooterJson]) {
      for (const f of check.doc!.fields!) expect(doc).toContain(`| \`${f.name}\` | `);
    }
    expect(checkExtrasJson.doc!.items!.doc!.fields!.map((f) => f.name)).toEqual(['tick', 'events', 'debug', 'faults']);
    expect(doc).toContain('| `[].tick` | whole number from 0 to 4294967295 |');
    expect(doc).toContain(`| ${G_BUDGET} | home budget used | 1 | hold | 2 |`);
    expect(doc).toContain(`writes format ${REPLAY_FORMAT_VERSION} and reads formats ${SUPPORTED_FORMATS.join(', ')}`);
  });

  it("describes each check's bounds in the words its refusal uses", () => {
    const c = obj({ n: int(3, 9), s: str(5, 1), l: arr(int(0, 1), 4) }, ['l']);
    expect(c.doc!.fields!.map((f) => [f.name, f.check.doc!.text, f.optional])).toEqual([
      ['n', 'whole number from 3 to 9', false],
      ['s', 'string of 1 to 5 characters', false],
      ['l', 'list of at most 4', true],
    ]);
    expect(() => c({ n: 10, s: 'x' }, 'v')).toThrow('v.n: must be a whole number from 3 to 9');
  });
});
