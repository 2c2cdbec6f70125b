// `matchday verify` through the real CLI: fresh replays pass, altered ones name the tick, broken ones are refused.
import { execFile } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ReplayReader, rewriteReplay, type Frame } from '../../engine/replay/index.js';

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function cli(...args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile('node', ['bin/matchday.mjs', ...args], { encoding: 'utf8', timeout: 120_000 }, (err, stdout, stderr) => {
      resolve({ code: err ? (typeof err.code === 'number' ? err.code : -1) : 0, stdout, stderr });
    });
  });
}

const SEED = '3';
const HALF = '300';
let dir: string;
let base: string;

/** Plays the frozen fixture team against builtin:chaser and returns the replay's path. */
async function record(policyFile: string, out: string): Promise<string> {
  const r = await cli('play', policyFile, 'builtin:chaser', '--seed', SEED, '--half-ticks', HALF, '--out', out);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return out;
}

function read(file: string): ReplayReader {
  return new ReplayReader(readFileSync(file), file);
}

/** The numbers of a frame, as decoded, for a comparison independent of the codec's channels. */
function numbers(f: Frame): string {
  const { events: _e, debug: _d, faults: _f, ...rest } = f;
  return JSON.stringify(rest);
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'matchday-replay-test-'));
  // The frozen fixture, so the altered constant below always exists.
  copyFileSync('test/fixtures/policies/golden.js', join(dir, 'golden.js'));
  base = await record(join(dir, 'golden.js'), join(dir, 'base.replay'));
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('matchday verify', () => {
  it('passes on a fresh replay, from the embedded sources and from a policies folder', async () => {
    const r = await cli('verify', base);
    expect(r.stdout).toMatch(/^verified: .*base\.replay: all 6 checkpoints and 601 frames match/);
    expect(r.code).toBe(0);
    const pol = join(dir, 'policies');
    mkdirSync(pol);
    copyFileSync(join(dir, 'golden.js'), join(pol, 'golden.js'));
    writeFileSync(join(pol, 'chaser.js'), read(base).header.teams[1].source);
    const p = await cli('verify', base, '--policies', pol);
    expect(p.stdout).toMatch(/^verified: /);
    expect(p.code).toBe(0);
  });

  it('names the exact tick of a frame altered after the match', async () => {
    const bent = rewriteReplay(read(base), {
      frame: (f) => (f.tick === 437 ? { ...f, players: f.players.map((p, i) => (i === 5 ? { ...p, x: p.x + 1 } : p)) } : f),
    });
    const file = join(dir, 'frame.replay');
    writeFileSync(file, bent);
    const r = await cli('verify', file);
    expect(r.stdout).toMatch(/^MISMATCH: /);
    expect(r.stdout).toMatch(/first diverging tick: 437 \(minute \d+\): player 5 \(home #6\) x recorded -?[\d.]+, re-simulated -?[\d.]+/);
    expect(r.stdout).toMatch(/every checkpoint \(each 100 ticks\) matches: the recorded frames were altered/);
    expect(r.code).toBe(1);
  });

  it('names the tick and team of a budget use altered after the match', async () => {
    const rec = read(base);
    const used = rec.frameAt(250).budget[1]!;
    expect(Number.isInteger(used)).toBe(true);
    const file = join(dir, 'budget.replay');
    writeFileSync(file, rewriteReplay(rec, { frame: (f) => (f.tick === 250 ? { ...f, budget: [f.budget[0], used + 1] } : f) }));
    const r = await cli('verify', file);
    expect(r.stdout).toMatch(/^MISMATCH: /);
    expect(r.stdout).toContain(`first diverging tick: 250 (minute ${rec.frameAt(250).minute}): away budget used recorded ${used + 1}, re-simulated ${used}`);
    expect(r.code).toBe(1);
  });

  it("names the exact tick where a changed byte of a policy's embedded source makes the match diverge", async () => {
    const rec = read(base);
    const source = rec.header.teams[0].source;
    const changed = source.replace('followX: 0.55,', 'followX: 0.65,');
    expect(changed).not.toBe(source);
    expect(changed.length).toBe(source.length);
    const file = join(dir, 'source.replay');
    writeFileSync(file, rewriteReplay(rec, { header: { ...rec.header, teams: [{ ...rec.header.teams[0], source: changed }, rec.header.teams[1]] } }));
    // The tick to expect, found independently: play the changed policy and compare the decoded frames.
    mkdirSync(join(dir, 'changed'));
    writeFileSync(join(dir, 'changed', 'golden.js'), changed);
    const other = read(await record(join(dir, 'changed', 'golden.js'), join(dir, 'changed.replay')));
    let expected = -1;
    for (let t = 0; t <= Math.min(rec.lastTick, other.lastTick) && expected < 0; t++) {
      if (numbers(rec.frameAt(t)) !== numbers(other.frameAt(t))) expected = t;
    }
    expect(expected).toBeGreaterThan(0);
    const r = await cli('verify', file);
    expect(r.stdout).toMatch(/the embedded home source \(golden\.js\) does not match its recorded sha256/);
    expect(r.stdout).toContain(`first diverging tick: ${expected} `);
    expect(r.code).toBe(1);
  });

  it('refuses a missing, truncated, corrupt or unknown-version replay with a clear message', async () => {
    const bytes = readFileSync(base);
    const cases: Array<[string, Uint8Array | null, RegExp]> = [
      ['missing.replay', null, /missing\.replay: no such replay file/],
      ['cut.replay', bytes.subarray(0, Math.floor(bytes.length / 2)), /cut\.replay: truncated: the file (stops after \d+ complete segment|ends inside segment)/],
      ['v99.replay', Uint8Array.from(bytes, (b, i) => (i === 4 ? 99 : b)), /v99\.replay: replay format version 99 is not supported \(this matchday reads versions 1, 2\)/],
    ];
    const rec = read(base);
    const seg = rec.segmentBlob(2);
    const at = seg.byteOffset - rec.bytes.byteOffset + 40;
    cases.push(['flip.replay', Uint8Array.from(bytes, (b, i) => (i === at ? b ^ 1 : b)), /flip\.replay: corrupt: segment 2 fails its CRC check/]);
    for (const [name, content, message] of cases) {
      const file = join(dir, name);
      if (content) writeFileSync(file, content);
      const r = await cli('verify', file);
      expect({ name, code: r.code }).toEqual({ name, code: 2 });
      expect(r.stderr).toMatch(message);
      expect(r.stdout).toBe('');
    }
  });
});
