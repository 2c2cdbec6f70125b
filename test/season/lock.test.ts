// One host per season folder: a second host is refused with the first one's pid; a lock left by a killed host is taken over.
import { spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openSeasonHost } from '../../season/host.js';
import { LOCK_FILE } from '../../season/lock.js';
import { tempSeason } from './helpers.js';

describe('season host lock', () => {
  it('refuses a second host on the same folder, naming the first one, and frees the folder on close', async () => {
    const { dir } = tempSeason();
    const first = openSeasonHost(dir);
    expect(existsSync(join(dir, LOCK_FILE))).toBe(true);
    expect(() => openSeasonHost(dir)).toThrow(new RegExp(`already served by process ${process.pid}`));
    await first.close();
    expect(existsSync(join(dir, LOCK_FILE))).toBe(false);
    const again = openSeasonHost(dir);
    await again.close();
  });

  it('takes over a lock whose host is gone (killed without cleaning up)', async () => {
    const { dir } = tempSeason();
    const gone = spawnSync(process.execPath, ['-e', '0']).pid;
    writeFileSync(join(dir, LOCK_FILE), `${gone}\n`);
    const host = openSeasonHost(dir);
    await host.close();
  });
});
