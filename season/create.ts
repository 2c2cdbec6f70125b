// `season new`: writes a season folder's season.json and its tokens.json (mode 0600, the only place tokens appear in clear).
import { closeSync, existsSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { UserError } from '../tournament/errors.js';
import { SEASON_FILE, seasonConfigSchema, TOKENS_FILE, type SeasonConfig, type SeasonConfigInput } from './config.js';
import { newToken, tokenHash } from './tokens.js';

export interface NewSeason {
  config: SeasonConfig;
  tokens: { admin: string; teams: Record<string, string> };
}

/** Creates the season in `dir` (which must not hold one); throws a UserError naming what is wrong. */
export function createSeason(dir: string, settings: Omit<SeasonConfigInput, 'version' | 'tokenHashes'>): NewSeason {
  if (existsSync(join(dir, SEASON_FILE))) throw new UserError(`${join(dir, SEASON_FILE)} already exists: choose another folder`);
  const tokens = { admin: newToken(), teams: Object.fromEntries(settings.teams.map((t) => [t, newToken()])) };
  const raw = {
    version: 1,
    ...settings,
    tokenHashes: { admin: tokenHash(tokens.admin), teams: Object.fromEntries(Object.entries(tokens.teams).map(([t, k]) => [t, tokenHash(k)])) },
  };
  const r = seasonConfigSchema.safeParse(raw);
  if (!r.success) throw new UserError(`bad season: ${r.error.issues.map((i) => `${i.path.join('.') || '(top level)'}: ${i.message}`).join('; ')}`);
  mkdirSync(dir, { recursive: true });
  // Tokens first, created 0600 from the start (never a world-readable moment); 'wx' refuses an existing file.
  writeNew(join(dir, TOKENS_FILE), JSON.stringify(tokens, null, 2) + '\n', 0o600);
  writeNew(join(dir, SEASON_FILE), JSON.stringify(r.data, null, 2) + '\n', 0o644);
  return { config: r.data, tokens };
}

function writeNew(file: string, text: string, mode: number): void {
  let fd: number;
  try {
    fd = openSync(file, 'wx', mode);
  } catch (e) {
    throw new UserError(`${file}: cannot create: ${(e as Error).message}`);
  }
  try {
    writeSync(fd, text);
  } finally {
    closeSync(fd);
  }
}
