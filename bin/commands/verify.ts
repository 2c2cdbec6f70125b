// `matchday verify <replay>`: re-simulates a replay from its embedded sources (or a folder of
// policies) and names the first tick where the re-simulation differs from the record.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Command } from 'commander';
import { compareReplays, ENGINE_VERSION, type ReplayComparison, type ReplayReader, type TeamSource } from '../../engine/replay/index.js';
import type { TeamSpec } from '../../policies/builtins.js';
import type { SandboxLimits } from '../../sandbox/index.js';
import { UserError } from '../errors.js';
import { playMatch } from '../play-match.js';
import { EXIT_BAD_REPLAY, readReplayFile, sha256 } from '../replay-io.js';

interface VerifyOptions {
  policies?: string;
}

/** Puts each team's policy on disk under its recorded file name; returns the specs and any source notes. */
function stageTeams(reader: ReplayReader, dir: string, policies: string | undefined): { specs: [TeamSpec, TeamSpec]; notes: string[] } {
  const notes: string[] = [];
  const specs = reader.header.teams.map((team: TeamSource, t): TeamSpec => {
    const side = t === 0 ? 'home' : 'away';
    let file: string;
    let source: string;
    if (policies) {
      file = join(policies, team.file);
      if (!existsSync(file)) throw new UserError(`${file}: not found (the replay's ${side} team was ${team.file})`, EXIT_BAD_REPLAY);
      source = readFileSync(file, 'utf8');
      if (sha256(source) !== team.sha256) notes.push(`${side} (${file}) differs from the source recorded in the replay`);
    } else {
      // Each side in its own folder: two teams may share a file name.
      mkdirSync(join(dir, side));
      file = join(dir, side, team.file);
      source = team.source;
      writeFileSync(file, source);
      if (sha256(source) !== team.sha256) notes.push(`the embedded ${side} source (${team.file}) does not match its recorded sha256: the replay was changed`);
    }
    return { spec: team.spec, name: team.name, file };
  });
  return { specs: specs as [TeamSpec, TeamSpec], notes };
}

function describe(c: ReplayComparison, every: number): string[] {
  const lines: string[] = [];
  const d = c.divergence;
  const f = c.firstFrame;
  if (d && d.exact && f) {
    lines.push(`first diverging tick: ${f.tick} (minute ${f.minute}): ${f.what} recorded ${f.recorded}, re-simulated ${f.resimulated}`);
  } else if (d) {
    lines.push(`first diverging tick: between ${d.from + 1} and ${d.tick}: the state differs below the frames' precision`);
    if (f) lines.push(`first differing frame: tick ${f.tick}: ${f.what} recorded ${f.recorded}, re-simulated ${f.resimulated}`);
  }
  const k = c.firstCheckpoint;
  if (k) lines.push(`first differing checkpoint: tick ${k.tick} (recorded ${k.recorded ?? 'none'}, re-simulated ${k.resimulated ?? 'none'})`);
  else if (f) lines.push(`every checkpoint (each ${every} ticks) matches: the recorded frames were altered, not the match`);
  for (const o of c.other) lines.push(o);
  return lines;
}

export function registerVerify(program: Command): void {
  program
    .command('verify')
    .description('re-simulate a replay and report the first tick that differs (exit 0: identical, 1: differs, 2: unreadable replay)')
    .argument('<replay>', 'a replay file written by matchday play --out or by a cup')
    .option('--policies <dir>', 'take the policies from this folder (matched by file name) instead of the replay')
    .action(async (file: string, opts: VerifyOptions) => {
      const reader = readReplayFile(file);
      const h = reader.header;
      if (h.engine !== ENGINE_VERSION) process.stderr.write(`warning: ${file} was recorded by engine ${h.engine}, this is engine ${ENGINE_VERSION}\n`);
      if (reader.footer.nonReproducible) process.stderr.write(`warning: ${file} is marked not reproducible (a wall-clock limit fired during the match)\n`);
      const dir = mkdtempSync(join(tmpdir(), 'matchday-verify-'));
      try {
        const { specs, notes } = stageTeams(reader, dir, opts.policies);
        process.stderr.write(`verify: re-simulating ${h.teams[0].name} v ${h.teams[1].name}, seed ${h.seed}, ${reader.footer.ticks} ticks...\n`);
        const out = join(dir, 'resimulated.replay');
        // The recorded budget settings, not today's defaults: the budget decides which ticks are cut off.
        const limits = h.budget !== null && typeof h.budget === 'object' && !Array.isArray(h.budget) ? (h.budget as Partial<SandboxLimits>) : undefined;
        await playMatch(h.config, specs[0], specs[1], { out, limits });
        const fresh = readReplayFile(out);
        const c = compareReplays(reader, fresh);
        const lines = describe(c, h.checkpointEvery);
        if (lines.length === 0 && notes.length === 0) {
          process.stdout.write(
            `verified: ${file}: all ${c.checkpointsCompared} checkpoints and ${c.framesCompared} frames match ` +
              `(${reader.footer.score.join('-')}, final hash ${reader.footer.hash})\n`,
          );
          return;
        }
        process.stdout.write(`MISMATCH: ${file} does not reproduce\n${[...notes, ...lines].map((l) => `  ${l}\n`).join('')}`);
        process.exitCode = 1;
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
}
