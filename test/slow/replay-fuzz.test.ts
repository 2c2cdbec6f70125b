// Replay fuzzing (slow tier): a few hundred seeded mutants of a short real replay, some blind, most
// with their CRCs made right again (header and footer fields, names, config values, lengths,
// offsets, segment prefixes and bodies), each through verify in-process and through the viewer
// server's replay loading, a handful through the real CLI. For every mutant: nothing written outside
// verify's own folder, no hang, no exception but a refusal, a mismatch or "verified" for a replay
// whose content equals the original's (metadata aside), and a server that keeps answering.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateSync, inflateSync } from 'fflate';
import seedrandom from 'seedrandom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeBlock } from '../../engine/replay/blocks.js';
import { BLOCK_HEAD_BYTES, PREAMBLE_BYTES, TRAILER_BYTES } from '../../engine/replay/format.js';
import { canonicalJson, decodeBlob, ReplayError, ReplayReader } from '../../engine/replay/index.js';
import { UserError } from '../../tournament/errors.js';
import { verifyReplay } from '../../tournament/verify.js';
import { CLIENT, SERVER, type ListMessage } from '../../viewer/protocol.js';
import { Catalog, ClientError } from '../../viewer/server/catalog.js';
import { startServer } from '../../viewer/server/index.js';
import { LiveHub } from '../../viewer/server/live.js';
import { idFromFileName, openSource } from '../../viewer/server/sources.js';
import { Client } from '../helpers/viewer-server.js';
import { assemble, copyParts, disassemble, setSegmentField, SEGMENT_FIELDS, type Parts } from '../replay/mutate.js';
import { cachedPlay, cli, recordShort, type CachedPlay } from '../replay/verify-helpers.js';

/** How many mutants; FUZZ_MUTANTS overrides it for a quick look. */
const MUTANTS = Number(process.env.FUZZ_MUTANTS ?? 300);
/** Longest any one mutant may take through verify before the test calls it a hang (a real re-simulation included). */
const HANG_MS = 180_000;

type Rng = () => number;
const pick = <T>(rng: Rng, xs: readonly T[]): T => xs[Math.floor(rng() * xs.length)]!;

let dir: string;
let tmpRoot: string;
let canary: string;
let base: Uint8Array;
let parts: Parts;
let shared: CachedPlay;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'matchday-fuzz-'));
  tmpRoot = join(dir, 'tmp');
  canary = join(dir, 'canary');
  mkdirSync(tmpRoot);
  mkdirSync(canary);
  base = new Uint8Array(readFileSync(await recordShort(dir, 100, 5)));
  parts = disassemble(base);
  shared = cachedPlay();
}, 300_000);

afterAll(async () => {
  await shared?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Values a crafted field may hold: bounds, wrong types, paths into the canary folder, payloads. */
function oddValue(rng: Rng): unknown {
  return pick(rng, [
    -1, 0, 1, 1.5, 9, 10, 99, 2 ** 31, 2 ** 32, 1e9, 1e300, -5, '', 'x', 'golden.js', true, false, null, [], {}, [1, 2, 3], { a: 1 },
    `${'../'.repeat(12)}${canary.replace(/^\//, '')}/pwned.js`, `${canary}/abs.js`, 'a\u0000b.js', '\u001b[2J\u001b[31mred', 'A'.repeat(200_000),
    '<script>alert(1)</script>', '<img src=x onerror=alert(1)>', 'f'.repeat(64), '0123456789abcdef',
  ]);
}

/** Every path to a value inside a JSON value (objects and arrays, leaves included). */
function paths(v: unknown, at: Array<string | number> = [], out: Array<Array<string | number>> = []): Array<Array<string | number>> {
  out.push(at);
  if (Array.isArray(v)) v.slice(0, 8).forEach((x, i) => paths(x, [...at, i], out));
  else if (v !== null && typeof v === 'object') for (const [k, x] of Object.entries(v)) paths(x, [...at, k], out);
  return out;
}

/** Sets, deletes or adds something at a random place of a JSON value; returns the new value. */
function mutateJson(v: unknown, rng: Rng): unknown {
  const copy = structuredClone(v);
  const all = paths(copy).filter((p) => p.length > 0);
  const p = pick(rng, all);
  let parent = copy as Record<string | number, unknown>;
  for (const k of p.slice(0, -1)) parent = parent[k] as Record<string | number, unknown>;
  const key = p[p.length - 1]!;
  const r = rng();
  if (r < 0.1 && !Array.isArray(parent)) delete parent[key];
  else if (r < 0.15 && !Array.isArray(parent)) parent[`extra${Math.floor(rng() * 10)}`] = oddValue(rng);
  else if (r < 0.35 && typeof parent[key] === 'number') parent[key] = (parent[key] as number) + pick(rng, [-1, 1, 100, -100, 0.5]);
  else if (r < 0.45 && typeof parent[key] === 'boolean') parent[key] = !parent[key];
  else parent[key] = oddValue(rng);
  return copy;
}

/** The blocks of a valid file: offset and size of each (preamble excluded, trailer excluded). */
function blocks(bytes: Uint8Array): Array<{ offset: number; size: number }> {
  const out: Array<{ offset: number; size: number }> = [];
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let at = PREAMBLE_BYTES; at < bytes.length - TRAILER_BYTES; ) {
    const size = BLOCK_HEAD_BYTES + view.getUint32(at, true);
    out.push({ offset: at, size });
    at += size;
  }
  return out;
}

function flipBytes(b: Uint8Array, from: number, to: number, rng: Rng): void {
  const n = 1 + Math.floor(rng() * 3);
  for (let i = 0; i < n; i++) {
    const at = from + Math.floor(rng() * (to - from));
    b[at] = b[at]! ^ (1 << Math.floor(rng() * 8));
  }
}

interface Mutant {
  label: string;
  bytes: Uint8Array;
}

const u32s = (rng: Rng, was: number): number => pick(rng, [0, 1, was - 1, was + 1, 0xffffffff, 0x7fffffff, Math.floor(rng() * 0xffffffff)]);

function makeMutant(i: number): Mutant {
  const rng = seedrandom(`replay-fuzz:${i}`);
  const kind = pick(rng, ['flip', 'flip+crc', 'flip+crc', 'header', 'header', 'header', 'names', 'footer', 'prefix', 'body', 'index', 'cut']);
  const p = copyParts(parts);
  switch (kind) {
    case 'flip': {
      const b = base.slice();
      flipBytes(b, 0, b.length, rng);
      return { label: 'blind flip', bytes: b };
    }
    case 'flip+crc': {
      // Blind change inside one block's payload, then its CRC made right again.
      const b = base.slice();
      const blk = pick(rng, blocks(b));
      const payloadAt = blk.offset + BLOCK_HEAD_BYTES;
      flipBytes(b, payloadAt, blk.offset + blk.size, rng);
      b.set(encodeBlock(b[blk.offset + 4]!, b.slice(payloadAt, blk.offset + blk.size)), blk.offset);
      return { label: `flip in the block at ${blk.offset}, CRC fixed`, bytes: b };
    }
    case 'header':
      p.header = mutateJson(p.header, rng);
      return { label: 'header field', bytes: assemble(p) };
    case 'names': {
      const h = p.header as { teams: Array<Record<string, unknown>>; config: Record<string, unknown> };
      const t = Math.floor(rng() * 2);
      const field = pick(rng, ['file', 'file', 'name', 'spec']);
      h.teams[t]![field] = pick(rng, [`${'../'.repeat(12)}${canary.replace(/^\//, '')}/pwned.js`, `${canary}/abs.js`, '', 'a\u0000b.js', '..', 'x/../../y.js', 'N'.repeat(1_000_000), 'ok-name.ts']);
      if (field === 'name' && rng() < 0.5) h.config[t === 0 ? 'homeName' : 'awayName'] = h.teams[t]!.name;
      return { label: `teams[${t}].${field}`, bytes: assemble(p) };
    }
    case 'footer':
      p.footer = mutateJson(p.footer, rng);
      return { label: 'footer field', bytes: assemble(p) };
    case 'prefix': {
      const s = Math.floor(rng() * p.segments.length);
      const field = pick(rng, Object.keys(SEGMENT_FIELDS) as Array<keyof typeof SEGMENT_FIELDS>);
      const was = new DataView(p.segments[s]!.buffer, p.segments[s]!.byteOffset).getUint32(SEGMENT_FIELDS[field], true);
      p.segments[s] = setSegmentField(p.segments[s]!, field, u32s(rng, was));
      return { label: `segment ${s} ${field}`, bytes: assemble(p) };
    }
    case 'body': {
      // Inside the compressed body: a changed byte, a cut, or edited extras; deflated again, its length fixed or not.
      const s = Math.floor(rng() * p.segments.length);
      const seg = p.segments[s]!;
      const len = new DataView(seg.buffer, seg.byteOffset).getUint32(20, true);
      let body = inflateSync(seg.subarray(24), { out: new Uint8Array(len) });
      const r = rng();
      if (r < 0.5) flipBytes(body, 0, body.length, rng);
      else if (r < 0.7) body = body.slice(0, Math.floor(rng() * body.length));
      else {
        const text = new TextDecoder().decode(body);
        const at = text.indexOf('[{"tick"');
        if (at >= 0) {
          const extras = mutateJson(JSON.parse(text.slice(at)), rng);
          body = new Uint8Array([...body.subarray(0, new TextEncoder().encode(text.slice(0, at)).length), ...new TextEncoder().encode(canonicalJson(extras))]);
        }
      }
      const payload = new Uint8Array([...seg.subarray(0, 24), ...deflateSync(body)]);
      p.segments[s] = rng() < 0.8 ? setSegmentField(payload, 'bodyLength', body.length) : payload;
      return { label: `segment ${s} body`, bytes: assemble(p) };
    }
    case 'index': {
      const r = rng();
      const bytes =
        r < 0.3
          ? assemble(p, { trailerOffset: (at) => u32s(rng, at) })
          : assemble(p, {
              patchIndex: (e) => {
                if (r < 0.5) return { ...e, footer: u32s(rng, e.footer) };
                if (r < 0.6) return { ...e, segments: e.segments.slice(0, -1) };
                const s = Math.floor(rng() * e.segments.length);
                const field = pick(rng, ['offset', 'firstTick', 'frameCount'] as const);
                return { ...e, segments: e.segments.map((x, i) => (i === s ? { ...x, [field]: u32s(rng, x[field]) } : x)) };
              },
            });
      return { label: 'index or trailer', bytes };
    }
    default: {
      const cut = Math.floor(rng() * base.length);
      const bytes = rng() < 0.7 ? base.slice(0, cut) : new Uint8Array([...base, ...Array.from({ length: 1 + Math.floor(rng() * 64) }, () => Math.floor(rng() * 256))]);
      return { label: 'cut or extended', bytes };
    }
  }
}

/**
 * The record verify vouches for: every frame and the footer. "verified" says the header reproduces
 * exactly this record; a header change that does not change the match (a budget that never binds,
 * a name no policy draws randomness from) can verify, an altered record never.
 */
function record(bytes: Uint8Array): string {
  const r = new ReplayReader(bytes, 'x');
  const frames = Array.from({ length: r.lastTick + 1 }, (_, t) => r.frameAt(t));
  // Verify does not vouch for what differs between faithful runs: the wall-clock flag and the sampled memory high-water.
  const { nonReproducible: _n, teams, ...footer } = r.footer;
  return canonicalJson({ footer: { ...footer, teams: teams.map(({ memoryHighWater: _m, ...t }) => t) }, frames });
}

function withTimeout<T>(p: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout;
  return Promise.race([p, new Promise<T>((_, fail) => (timer = setTimeout(() => fail(new Error(`hang: ${what} took over ${HANG_MS} ms`)), HANG_MS)))]).finally(() => clearTimeout(timer));
}

describe('replay fuzzing', () => {
  it(`${MUTANTS} mutants through verify and the viewer server`, async () => {
    const original = record(base);
    const failures: string[] = [];
    const tally = { refused: 0, mismatch: 0, verified: 0, unchanged: 0 };
    const cliPicks: Array<{ file: string; outcome: 'refused' | 'mismatch' }> = [];
    const served = join(dir, 'served');
    mkdirSync(served);
    for (let i = 0; i < MUTANTS; i++) {
      const m = makeMutant(i);
      const file = join(dir, `m${i}.mdr`);
      writeFileSync(file, m.bytes);
      const what = `mutant ${i} (${m.label})`;
      // verify, in-process
      try {
        const r = await withTimeout(verifyReplay(file, { tmpRoot, play: shared.play }), what);
        if (r.code === 0) {
          let same = false;
          try {
            same = record(m.bytes) === original;
          } catch {
            same = false;
          }
          if (!same) failures.push(`${what}: an altered record reported as verified`);
          tally.verified++;
        } else {
          tally.mismatch++;
          if (cliPicks.filter((c) => c.outcome === 'mismatch').length < 2) cliPicks.push({ file, outcome: 'mismatch' });
        }
      } catch (e) {
        if (e instanceof UserError) {
          tally.refused++;
          if (e.exitCode !== 2 || !e.message.startsWith(`${file}: `) || e.message.includes('\n') || e.message.length > 500) failures.push(`${what}: a refusal that is not one line naming the file: ${e.message.slice(0, 200)}`);
          if (cliPicks.filter((c) => c.outcome === 'refused').length < 3 && /invalid header|corrupt/.test(e.message)) cliPicks.push({ file, outcome: 'refused' });
        } else failures.push(`${what}: ${e instanceof Error ? (e.stack ?? e.message).split('\n').slice(0, 3).join(' | ') : String(e)}`);
      }
      if (readdirSync(tmpRoot).length > 0) failures.push(`${what}: verify left ${readdirSync(tmpRoot).join(', ')} behind`);
      if (readdirSync(canary).length > 0) failures.push(`${what}: something was written into the canary folder`);
      // the viewer server's replay loading: list, open, and every blob decoded as the client does
      try {
        const source = openSource(file);
        const catalog = new Catalog(source, new LiveHub());
        await catalog.list();
        try {
          const { stream } = await catalog.open(idFromFileName(file));
          for (const blob of stream.blobs) {
            try {
              decodeBlob(blob.bytes, 'm.mdr');
            } catch (e) {
              if (!(e instanceof ReplayError)) throw e;
            }
          }
        } catch (e) {
          if (!(e instanceof ClientError) || e.code === 'internal') throw e;
        }
      } catch (e) {
        failures.push(`${what}: the viewer server threw ${e instanceof Error ? (e.stack ?? e.message).split('\n').slice(0, 3).join(' | ') : String(e)}`);
      }
      if (m.bytes.length === base.length && m.bytes.every((b, j) => b === base[j])) tally.unchanged++;
      rmSync(file, { force: true });
      if (i % 15 === 0) writeFileSync(join(served, `m${i}.mdr`), m.bytes);
      // A few kept for the real command line.
      if (cliPicks.some((c) => c.file === file)) writeFileSync(file, m.bytes);
    }
    console.log(`replay fuzz: ${JSON.stringify(tally)}; re-simulations played: ${shared.played()}`);
    expect(failures).toEqual([]);
    // The mutants must exercise every outcome verify has, or the test proves little.
    expect(tally.refused).toBeGreaterThan(MUTANTS / 2);
    expect(tally.mismatch).toBeGreaterThan(5);

    // A handful through the real command line: exit code 1 or 2, no stack trace, one line on refusal.
    for (const c of cliPicks) {
      const r = await cli('verify', c.file);
      expect(r.stderr).not.toMatch(/internal error|\n\s+at /);
      if (c.outcome === 'refused') {
        expect(r.code).toBe(2);
        expect(r.stderr.trim().split('\n')).toHaveLength(1);
      } else {
        expect(r.code).toBe(1);
        expect(r.stdout).toMatch(/^MISMATCH: /);
      }
    }
    expect(readdirSync(canary)).toEqual([]);

    // A real viewer server on a folder of mutants: every open is answered (a stream or an error
    // for that client), and the server still answers a list afterwards.
    const server = await startServer({ root: served, port: 0 });
    try {
      const c = await Client.connect(server.wsUrl);
      c.send({ type: CLIENT.list, requestId: 'l0' });
      const list = await c.until(() => c.messages.find((m) => m.type === SERVER.list) as ListMessage | undefined, 60_000, 'the list');
      expect(list.served.matches.length).toBe(readdirSync(served).length);
      for (const [k, m] of list.served.matches.entries()) {
        c.send({ type: CLIENT.open, matchId: m.id, requestId: k });
        await c.until(() => c.messages.find((x) => 'requestId' in x && x.requestId === k && (x.type === SERVER.opened || x.type === SERVER.error)), 60_000, `an answer to opening ${m.id}`);
      }
      c.send({ type: CLIENT.list, requestId: 'l1' });
      await c.until(() => c.messages.find((m) => m.type === SERVER.list && 'requestId' in m && m.requestId === 'l1'), 60_000, 'a second list');
      c.ws.close();
    } finally {
      await server.close();
    }
  }, 3_600_000);
});
