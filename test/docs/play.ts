// Plays short sandboxed matches for the docs tests: a policy given as text against a file.
import { runMatch, type MatchResult } from '../../engine/match.js';
import { defaultConfig } from '../../engine/setup.js';
import type { MatchConfig } from '../../engine/state.js';
import { createSandboxController } from '../../sandbox/index.js';
import { ROOT } from './render.js';

const MAX_TICKS = 20_000;

export interface Played {
  result: MatchResult;
  /** The first team's faults and warnings, in words, for assertion messages. */
  problems: string[];
}

/** `source` (named `filename`) as the home team against the policy file `opponent` (from the repository root). */
export function play(source: string, filename: string, opponent: string, config: Partial<MatchConfig> = {}): Played {
  const home = createSandboxController({ source, filename });
  const away = createSandboxController({ file: ROOT + opponent });
  try {
    const result = runMatch(defaultConfig({ seed: 7, halfTicks: 100, homeName: filename, awayName: 'opponent', ...config }), [home, away], {
      listeners: [
        {
          tick({ state }) {
            // A shoot-out in which nobody ever misses would never end: fail instead of hanging.
            if (state.tick > MAX_TICKS) throw new Error(`${filename}: the match was still going after ${MAX_TICKS} ticks`);
          },
        },
      ],
    });
    const t = result.teams[0];
    const problems = [
      ...(result.forfeit?.home ? [`cannot start: ${result.forfeit.home}`] : []),
      ...t.faults.map((f) => `tick ${f.tick}: ${f.kind}: ${f.message}${f.line !== undefined ? ` (line ${f.line})` : ''}`),
      ...t.warningSamples.map((w) => `warning: ${w}`),
    ];
    return { result, problems };
  } finally {
    home.dispose();
    away.dispose();
  }
}
