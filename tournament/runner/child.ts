// A match process: plays the jobs its parent sends, one at a time, and reports who was running.
// Before every call into a policy it writes (tick, team) to fd 4, a pipe the parent reads, so
// that if a policy kills this process the parent knows which team was at fault and when.
import { writeSync } from 'node:fs';
import { atomicWrite } from '../cupdir.js';
import type { ChildMessage, MatchJob, ParentMessage } from './job.js';
import { playOne } from './play-one.js';

const MARK_FD = 4;
const mark = new Int32Array(2);
const markBytes = new Uint8Array(mark.buffer);

function send(msg: ChildMessage): void {
  process.send?.(msg);
}

function run(job: MatchJob): void {
  const { result, replay } = playOne(job, {
    onCall(tick, team) {
      mark[0] = tick;
      mark[1] = team;
      writeSync(MARK_FD, markBytes);
    },
    sink: job.stream ? (kind, blob) => send({ type: 'blob', kind, blob }) : undefined,
  });
  // No team is running any more: a death from here on is nobody's fault.
  mark[0] = result.ticks;
  mark[1] = -1;
  writeSync(MARK_FD, markBytes);
  if (job.out) atomicWrite(job.out, replay);
  send({ type: 'result', result });
}

process.on('message', (msg: ParentMessage) => {
  if (msg.type === 'exit') process.exit(0);
  try {
    run(msg.job);
  } catch (e) {
    send({ type: 'error', message: e instanceof Error ? (e.stack ?? e.message) : String(e) });
  }
});
// The parent is gone (killed, or finished): nothing left to do here.
process.on('disconnect', () => process.exit(0));
send({ type: 'ready' });
