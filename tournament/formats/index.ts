// Pick the format module named by the config.
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
