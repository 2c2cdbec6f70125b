// Policy sources travel by content: the coordinator stores each source once under its sha256, a job
// names only the hash, and a worker fetches a source the first time it needs it, checks the hash, and
// keeps it on its own disk, so a worker on another machine needs none of the coordinator's files.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Redis } from 'ioredis';
import { atomicWrite } from '../cupdir.js';
import { keys, MAX_SOURCE_CHARS, RETENTION_S, type TeamJob } from './schema.js';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** Coordinator side: reads a policy file and makes sure Redis holds its text; returns the hash and base name. */
export class SourcePublisher {
  private readonly done = new Map<string, string>();

  constructor(private readonly redis: Redis) {}

  /** The sha256 of `file`'s text, stored in Redis (once per run, with the retention refreshed). */
  async publish(file: string): Promise<string> {
    const text = readFileSync(file, 'utf8');
    if (text.length > MAX_SOURCE_CHARS) throw new Error(`${file}: policy longer than ${MAX_SOURCE_CHARS} characters`);
    const hash = sha256(text);
    if (this.done.get(file) === hash) return hash;
    await this.redis.set(keys.source(hash), text, 'EX', RETENTION_S);
    this.done.set(file, hash);
    return hash;
  }
}

/** Worker side: the file holding a team's source, fetched from Redis and checked on first use. */
export class SourceCache {
  constructor(
    private readonly redis: Redis,
    private readonly dir: string,
  ) {}

  /** Path of the team's policy, named as on the coordinator (the replay records the base name). */
  async fileFor(team: TeamJob): Promise<string> {
    const folder = join(this.dir, team.sha256);
    const file = join(folder, team.file);
    if (existsSync(file) && sha256(readFileSync(file, 'utf8')) === team.sha256) return file;
    const text = await this.redis.get(keys.source(team.sha256));
    if (text === null) throw new Error(`the source of ${team.name} (sha256 ${team.sha256.slice(0, 12)}…) is not in Redis (expired, or the coordinator never stored it)`);
    if (text.length > MAX_SOURCE_CHARS || sha256(text) !== team.sha256) throw new Error(`the source of ${team.name} in Redis does not match its sha256 ${team.sha256.slice(0, 12)}…`);
    mkdirSync(folder, { recursive: true });
    atomicWrite(file, text);
    return file;
  }
}
