// The coordinating side of a match: reads both policies and prepares them for their isolates (transpiled,
// instrumented, from the policy cache when it can), so the match process it sends the job to does neither.
import { readFileSync } from 'node:fs';
import { preparePolicy, resolveLimits } from '../../sandbox/index.js';
import type { MatchJob, PreparedTeam } from './job.js';

/** `job` with its policies prepared (unchanged when they already are). Throws when a file cannot be read. */
export function prepareJob(job: MatchJob): MatchJob {
  if (job.policies) return job;
  const limits = resolveLimits(job.limits);
  const team = (file: string): PreparedTeam => {
    const source = readFileSync(file, 'utf8');
    // Named by its path, as play-one.ts names it when it prepares in place: the same messages either way.
    return { source, policy: preparePolicy({ source, filename: file }, limits) };
  };
  return { ...job, policies: [team(job.home.file), team(job.away.file)] };
}
