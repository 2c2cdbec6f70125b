// The browser client reads the season API through its own types (viewer/client/season/types.ts: the client bundles
// no zod and may import only engine/ and the protocol). This file holds them to the server's zod schemas at compile
// time: every reply the server can send must be a value the client's type accepts. Renaming or retyping a field the
// client reads breaks `tsc`, which the slow tier runs (test/slow/typecheck.test.ts). Not a test file: nothing runs it.
import type { z } from 'zod';
import type { logsReply, meReply, seasonReply, submissionInfo } from '../../season/api/schemas.js';
import type { Me, SeasonStatus, SubmissionInfo, TeamMatchLog } from '../../viewer/client/season/types.js';

type Accepts<Reader, Sent extends Reader> = Sent;

export type SeasonReplyIsReadable = Accepts<SeasonStatus, z.infer<typeof seasonReply>>;
export type MeReplyIsReadable = Accepts<Me, z.infer<typeof meReply>>;
export type SubmissionIsReadable = Accepts<SubmissionInfo, z.infer<typeof submissionInfo>>;
export type LogsAreReadable = Accepts<TeamMatchLog, z.infer<typeof logsReply>['matches'][number]>;
