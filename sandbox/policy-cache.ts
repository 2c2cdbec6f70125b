// Policies made ready for an isolate (TypeScript transpiled, checked, instrumented) once per content:
// the coordinating process prepares them and match processes receive the result, so a match process
// never loads the TypeScript compiler. Kept in memory and on disk (node_modules/.cache/matchday/policies)
// under a key of the policy's sha256, the instrumenter's version, the budgets and the depth cap; the
// version is a hash of the sandbox's own source files and TypeScript's version, so any change to the
// instrumenter or the guest runtime (sandbox/*.ts, sandbox/guest/*.ts) invalidates every entry.
// Entries are our own output but are read as untrusted: one that fails its checks is rebuilt.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, utimesSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CACHE_DIR, pruneUnused, ROOT, UNUSED_DAYS, writeAtomic } from './build-cache.mjs';
import { instrument, TOO_DEEP } from './instrument.js';
import type { SandboxLimits } from './limits.js';
import { where } from './lines.js';
import { mapLine } from './sourcemap.js';
import { readPolicy, toJavaScript, type PolicyInput, type PolicyText } from './source.js';

/** A policy ready to load into an isolate, or why it cannot be (the team's setup fault). */
export type PreparedPolicy =
  | { ok: true; filename: string; code: string; lines: number[] | null }
  | { ok: false; reason: string; line?: number };

/** The part of the limits that instrumentation depends on (or may, as the brief for the cache says). */
export type PrepareLimits = Pick<SandboxLimits, 'maxCallDepth' | 'tickBudget' | 'setupBudget'>;

export const POLICY_CACHE_DIR = join(CACHE_DIR, 'policies');
/** Bumped when the entry's layout changes. */
const FORMAT = 1;
/** Instrumented code longer than this is not a cache entry of ours (sources are capped far below). */
const MAX_CODE = 32 * 1024 * 1024;
const MEMORY_ENTRIES = 64;

const SANDBOX_DIR = fileURLToPath(new URL('.', import.meta.url));

function sha256(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/** A hash of every source file in `dir` and `dir`/guest (names and bytes). */
export function hashSourceDirs(dir: string): string {
  const h = createHash('sha256');
  for (const sub of ['', 'guest']) {
    const names = readdirSync(join(dir, sub))
      .filter((n) => /\.(ts|mts|mjs)$/.test(n))
      .sort();
    for (const n of names) h.update(`${sub}/${n}\0`).update(readFileSync(join(dir, sub, n))).update('\0');
  }
  return h.digest('hex');
}

let version: string | null = null;

/** The instrumenter's version: the sandbox's source files (hashSourceDirs) and TypeScript's version. */
export function instrumenterVersion(): string {
  if (version !== null) return version;
  let tsVersion = 'unknown';
  try {
    tsVersion = (JSON.parse(readFileSync(join(ROOT, 'node_modules', 'typescript', 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    // keyed as unknown: still a key, just never shared with a known version
  }
  version = sha256(`${hashSourceDirs(SANDBOX_DIR)}|typescript ${tsVersion}`).slice(0, 32);
  return version;
}

/** The cache key of a policy text under these limits. */
export function policyKey(p: Pick<PolicyText, 'text' | 'typescript'>, limits: PrepareLimits): string {
  const parts = [FORMAT, instrumenterVersion(), sha256(p.text), p.typescript ? 'ts' : 'js', limits.maxCallDepth, limits.tickBudget, limits.setupBudget];
  return sha256(JSON.stringify(parts)).slice(0, 40);
}

/** What a cache entry holds: no file name, so one entry serves the same text under any name. */
interface Entry {
  code: string;
  lines: number[] | null;
}

const memory = new Map<string, Entry>();

function remember(key: string, e: Entry): void {
  memory.delete(key);
  memory.set(key, e);
  if (memory.size > MEMORY_ENTRIES) memory.delete(memory.keys().next().value as string);
}

/** Forgets the entries kept in memory (tests: the next prepare reads the disk). */
export function forgetPreparedPolicies(): void {
  memory.clear();
}

/** Where the entry for `key` lives on disk. */
export function entryFile(key: string): string {
  return join(POLICY_CACHE_DIR, `${key}.json`);
}

/** The entry on disk for `key` if it passes every check, else null (missing, torn, edited or not ours). */
function readEntry(key: string): Entry | null {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(entryFile(key), 'utf8'));
  } catch {
    return null;
  }
  if (typeof raw !== 'object' || raw === null) return null;
  const r = raw as Record<string, unknown>;
  if (r.format !== FORMAT || r.key !== key || typeof r.code !== 'string' || r.code.length > MAX_CODE) return null;
  if (typeof r.sha256 !== 'string' || sha256(r.code) !== r.sha256) return null;
  const lines = r.lines;
  if (lines !== null && !(Array.isArray(lines) && lines.every((n) => Number.isSafeInteger(n) && (n as number) >= 0))) return null;
  return { code: r.code, lines: lines as number[] | null };
}

/** Marks an entry as used (pruneUnused deletes those unused for UNUSED_DAYS). */
function touch(key: string): void {
  try {
    const now = new Date();
    utimesSync(entryFile(key), now, now);
  } catch {
    // read-only cache: the entry just ages
  }
}

function writeEntry(key: string, e: Entry): void {
  try {
    writeAtomic(entryFile(key), JSON.stringify({ format: FORMAT, key, sha256: sha256(e.code), lines: e.lines, code: e.code }));
  } catch {
    // A read-only or full disk costs speed, not correctness: the next process instruments again.
  }
}

/** Transpiles and instruments a policy text: what a cache miss costs (loads TypeScript). */
function build(p: PolicyText, limits: PrepareLimits): { ok: true; entry: Entry } | { ok: false; reason: string; line?: number } {
  try {
    return buildUnguarded(p, limits);
  } catch (err) {
    // TypeScript's parser recurses: a file nested past what the host's stack takes is refused, not a crash
    // of the process that prepares it (a cup's organizer). Shallower but too deep files meet
    // MAX_SOURCE_DEPTH in the instrumenter, with the same message.
    if (err instanceof RangeError) return { ok: false, reason: `${p.filename}: ${TOO_DEEP}` };
    throw err;
  }
}

function buildUnguarded(p: PolicyText, limits: PrepareLimits): { ok: true; entry: Entry } | { ok: false; reason: string; line?: number } {
  const loaded = toJavaScript(p);
  if (!loaded.ok) return loaded;
  const src = loaded.source;
  const inst = instrument(src.js, src.filename, limits.maxCallDepth, 'factory');
  if (!inst.ok) {
    const line = mapLine(src.lines, inst.line);
    return { ok: false, reason: where(src.filename, line, inst.problem), line };
  }
  return { ok: true, entry: { code: inst.code, lines: src.lines } };
}

/**
 * The policy ready for an isolate: from memory, else from disk, else built (and stored). A policy that
 * cannot load is not cached (its message names its file; failures are rare and cheap to find again).
 */
export function preparePolicy(input: PolicyInput, limits: PrepareLimits): PreparedPolicy {
  const read = readPolicy(input);
  if (!read.ok) return read;
  const p = read.policy;
  const key = policyKey(p, limits);
  let entry = memory.get(key) ?? null;
  if (entry === null) {
    entry = readEntry(key);
    if (entry !== null) touch(key);
  }
  if (entry === null) {
    const built = build(p, limits);
    if (!built.ok) return built;
    entry = built.entry;
    // Instrumenting costs far more than a directory walk: a miss is when old entries go.
    pruneUnused(POLICY_CACHE_DIR, UNUSED_DAYS);
    writeEntry(key, entry);
  }
  remember(key, entry);
  return { ok: true, filename: p.filename, code: entry.code, lines: entry.lines };
}
