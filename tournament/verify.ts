// Verifying a replay: re-simulates it from its embedded sources (or a folder of policies) and
// names the first tick where the re-simulation differs from the record. The replay is hostile
// input: all of it is checked before anything runs (replay-file.ts), its sources are written under
// names made up here inside a private temporary folder that is removed afterwards, and nothing it
// says is ever used as a path.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { compareReplays, ENGINE_VERSION, ReplayReader, type ReplayComparison, type TeamSource } from '../engine/replay/index.js';
import { POLICY_EXTENSIONS } from '../engine/replay/format.js';
import type { MatchConfig } from '../engine/state.js';
import { DEFAULT_LIMITS, describePythonRuntime, pythonRuntime, type SandboxLimits } from '../sandbox/index.js';
import { UserError } from './errors.js';
import { checkReadableDir, checkReadableFile } from './paths.js';
import { EXIT_BAD_REPLAY, printable, readReplayFile, recordedLimits, sha256 } from './replay-file.js';
import type { TeamSpec } from './types.js';

/** Plays a match in the sandbox and writes its replay to `opts.out` (the CLI's playMatch). */
export type ReplayPlayFn = (config: MatchConfig, home: TeamSpec, away: TeamSpec, opts: { out?: string; limits?: Partial<SandboxLimits> | undefined }) => Promise<unknown>;

export interface VerifyOptions {
  /** Take the policies from this folder (by recorded file name) instead of the replay. */
  policies?: string | undefined;
  /** Where the private temporary folder is made (default: the system's). */
  tmpRoot?: string | undefined;
  /** Progress and warnings, a line at a time (the CLI writes them to stderr). */
  log?: (line: string) => void;
  /** How the match is played again: the CLI passes one sandboxed child process per match; tests share a pool. */
  play: ReplayPlayFn;
  /** Registers a cleanup for an interrupt (the CLI's onShutdown), so the folder goes on Ctrl-C too. */
  onShutdown?: (f: () => void) => () => void;
}

export interface VerifyReport {
  /** 0: every frame, checkpoint and footer field reproduces; 1: something differs. */
  code: 0 | 1;
  /** What the CLI prints on stdout. */
  lines: string[];
}

interface Staged {
  spec: TeamSpec;
  /** The path the re-simulation loads, to recognise it in the policy's messages. */
  path: string;
  recordedFile: string;
}

type Side = 'home' | 'away';

/** The file name verify writes a side's embedded source under: the side, with the recorded extension when it is a policy one. */
export function stagedName(side: Side, recordedFile: string): string {
  const ext = extname(recordedFile).toLowerCase();
  return `${side}${POLICY_EXTENSIONS.includes(ext) ? ext : '.js'}`;
}

/** Puts each team's policy where the re-simulation loads it; returns the teams and notes on their sources. */
function stageTeams(teams: [TeamSource, TeamSource], dir: string, policies: string | undefined): { staged: [Staged, Staged]; notes: string[] } {
  const notes: string[] = [];
  const staged = teams.map((team: TeamSource, t): Staged => {
    const side: Side = t === 0 ? 'home' : 'away';
    let path: string;
    if (policies) {
      // The reader allows only plain file names; still, the joined path must stay in the folder.
      path = join(policies, team.file);
      if (dirname(resolve(path)) !== resolve(policies) || basename(path) !== team.file) {
        throw new UserError(`${policies}: the replay's ${side} file name is not a plain file name`, EXIT_BAD_REPLAY);
      }
      checkReadableFile(path, `policy file for the ${side} team (${printable(team.file)})`, EXIT_BAD_REPLAY);
      if (sha256(readFileSync(path, 'utf8')) !== team.sha256) notes.push(`${side} (${path}) differs from the source recorded in the replay`);
    } else {
      path = join(dir, stagedName(side, team.file));
      // 'wx': the folder is new and private; a file already there means something is wrong.
      writeFileSync(path, team.source, { flag: 'wx' });
      if (sha256(team.source) !== team.sha256) notes.push(`the embedded ${side} source (${printable(team.file)}) does not match its recorded sha256: the replay was changed`);
    }
    return { spec: { spec: team.spec, name: team.name, file: path }, path, recordedFile: team.file };
  });
  return { staged: staged as [Staged, Staged], notes };
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * A policy's messages name its file by the path it was loaded from: the recorder's folder in the
 * replay, the private folder here. Both become one token per side, so only real differences show.
 */
function pathNormalizer(staged: [Staged, Staged]): (text: string, which: 'recorded' | 'fresh') => string {
  const pathChars = `[^\\s'"()\\[\\]<>]*`;
  const rules = staged.map((s) => ({
    recorded: new RegExp(`(?:${pathChars}[\\\\/])?${escapeRegExp(s.recordedFile)}`, 'g'),
    fresh: new RegExp(`(?:${escapeRegExp(s.path)}|(?:${pathChars}[\\\\/])?${escapeRegExp(basename(s.path))})`, 'g'),
    token: `<policy ${s.recordedFile}>`,
  }));
  return (text, which) => rules.reduce((acc, r) => acc.replace(r[which], r.token), text);
}

function describe(c: ReplayComparison, every: number): string[] {
  const lines: string[] = [];
  const d = c.divergence;
  const f = c.firstFrame;
  const v = (s: string): string => printable(s, 120);
  if (d && d.exact && f) {
    lines.push(`first diverging tick: ${f.tick} (minute ${f.minute}): ${f.what} recorded ${v(f.recorded)}, re-simulated ${v(f.resimulated)}`);
  } else if (d) {
    lines.push(`first diverging tick: between ${d.from + 1} and ${d.tick}: the state differs below the frames' precision`);
    if (f) lines.push(`first differing frame: tick ${f.tick}: ${f.what} recorded ${v(f.recorded)}, re-simulated ${v(f.resimulated)}`);
  }
  const k = c.firstCheckpoint;
  if (k) lines.push(`first differing checkpoint: tick ${k.tick} (recorded ${k.recorded ?? 'none'}, re-simulated ${k.resimulated ?? 'none'})`);
  else if (f) lines.push(`every checkpoint (each ${every} ticks) matches: the recorded frames were altered, not the match`);
  for (const o of c.other) lines.push(printable(o, 200));
  return lines;
}

/**
 * The sandbox settings for the re-simulation: the recorded budget (it decides which ticks are cut
 * off), but wall-clock safety nets no longer than today's defaults: they never decide a reproducible
 * match, and a replay must not be able to buy a policy hours of stalling.
 */
function rerunLimits(recorded: Partial<SandboxLimits> | undefined): Partial<SandboxLimits> | undefined {
  if (!recorded) return undefined;
  const out = { ...recorded };
  for (const k of ['callWallMs', 'setupWallMs', 'matchWallMs'] as const) out[k] = Math.min(out[k] ?? DEFAULT_LIMITS[k], DEFAULT_LIMITS[k]);
  return out;
}

/**
 * A Python team's work is counted by the metered interpreter: another module may cut other ticks
 * off, so a replay recorded under another one is refused rather than reported as a mismatch.
 */
function checkPythonRuntime(h: ReplayReader['header'], file: string, log: (line: string) => void): void {
  const recorded = h.runtime.python;
  if (!recorded) {
    if (h.teams.some((t) => t.file.toLowerCase().endsWith('.py'))) log(`warning: ${file} records no Python interpreter version; re-simulating under this one`);
    return;
  }
  const here = pythonRuntime();
  if (recorded.version !== here.version || recorded.sha256 !== here.sha256) {
    throw new UserError(
      `${file}: recorded with ${describePythonRuntime({ version: printable(recorded.version), sha256: recorded.sha256 })}, this checkout has ${describePythonRuntime(here)}; ` +
        'a Python team would be metered differently, so the match cannot be re-simulated here (use the interpreter the replay names)',
      EXIT_BAD_REPLAY,
    );
  }
}

/**
 * Verifies the replay at `file`. Throws a UserError (exit code EXIT_BAD_REPLAY) for a replay it
 * refuses to run; returns the verdict otherwise. Writes nothing outside its own temporary folder,
 * which it removes on every way out.
 */
export async function verifyReplay(file: string, opts: VerifyOptions): Promise<VerifyReport> {
  const log = opts.log ?? (() => undefined);
  const reader = readReplayFile(file);
  const h = reader.header;
  const limits = recordedLimits(h, file);
  if (opts.policies !== undefined) checkReadableDir(opts.policies, 'policies folder', EXIT_BAD_REPLAY);
  checkPythonRuntime(h, file, log);
  if (h.engine !== ENGINE_VERSION) log(`warning: ${file} was recorded by engine ${printable(h.engine)}, this is engine ${ENGINE_VERSION}`);
  if (reader.footer.nonReproducible) log(`warning: ${file} is marked not reproducible (a wall-clock limit fired during the match)`);
  if (limits === undefined) log(`warning: ${file} records no sandbox settings; re-simulating under today's defaults`);
  const dir = mkdtempSync(join(opts.tmpRoot ?? tmpdir(), 'matchday-verify-'));
  const off = opts.onShutdown?.(() => rmSync(dir, { recursive: true, force: true })) ?? (() => undefined);
  try {
    const { staged, notes } = stageTeams(h.teams, dir, opts.policies);
    const [home, away] = [printable(h.teams[0].name), printable(h.teams[1].name)];
    log(`verify: re-simulating ${home} v ${away}, seed ${h.seed}, ${reader.footer.ticks} ticks...`);
    const out = join(dir, 'resimulated.mdr');
    await opts.play(h.config, staged[0].spec, staged[1].spec, { out, limits: rerunLimits(limits) });
    // Our own output, but read with the same care: it is compared field by field with the record.
    const fresh = new ReplayReader(readFileSync(out), out);
    const c = compareReplays(reader, fresh, { normalize: pathNormalizer(staged) });
    const lines = describe(c, h.checkpointEvery);
    if (lines.length === 0 && notes.length === 0) {
      return {
        code: 0,
        lines: [
          `verified: ${file}: all ${c.checkpointsCompared} checkpoints and ${c.framesCompared} frames match ` +
            `(${reader.footer.score.join('-')}, final hash ${reader.footer.hash})`,
        ],
      };
    }
    return { code: 1, lines: [`MISMATCH: ${file} does not reproduce`, ...[...notes, ...lines].map((l) => `  ${l}`)] };
  } finally {
    off();
    rmSync(dir, { recursive: true, force: true });
  }
}

