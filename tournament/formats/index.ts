// Pick the format module named by the config.
import { assignPots, drawGroups, type Draw } from '../draw.js';
import { rngFor } from '../seeds.js';
import type { CupFormat, FormatContext } from './common.js';
import { knockoutFormat } from './knockout.js';
import { leagueFormat } from './league.js';
import { swissFormat } from './swiss.js';
import { worldCupFormat } from './worldcup.js';

export type { CupFormat, CupSummary, FormatContext, GroupSummary } from './common.js';

export function makeFormat(ctx: FormatContext): CupFormat {
  switch (ctx.config.format.type) {
    case 'worldcup': return worldCupFormat(ctx);
    case 'league': return leagueFormat(ctx);
    case 'knockout': return knockoutFormat(ctx);
    case 'swiss': return swissFormat(ctx);
  }
}

/** The seeded World-Cup group draw for a config (null for formats without groups). */
export function drawFor(config: FormatContext['config']): Draw | null {
  if (config.format.type !== 'worldcup') return null;
  const groups = config.teams.length / 4;
  return drawGroups(assignPots(config.teams, groups), { groups, defaultLimit: 1, limits: config.format.separationLimits ?? {} }, rngFor(config.seed, 'draw'));
}
