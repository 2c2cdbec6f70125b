// The replay codec's public surface: pure TypeScript, runs in Node and in the browser.
export * from './types.js';
export { REPLAY_FORMAT_VERSION, SUPPORTED_FORMATS, SEGMENT_TICKS, ReplayError, type ReplayProblem } from './format.js';
export { ENGINE_VERSION } from '../version.js';
export { makeReplayHeader, footerFromResult } from './header.js';
export { ReplayWriter, encodeHeaderBlob, type ReplaySink, type BlobKind } from './writer.js';
export { ReplayReader, readPreamble } from './reader.js';
export { decodeSegment } from './segment.js';
export { decodeBlob, type DecodedBlob } from './live.js';
export { rewriteReplay } from './rewrite.js';
export { frameFromState, stateToChannels, frameToChannels, channelName, channelScale, CHANNELS, Q_POS, Q_VEL, Q_STAMINA } from './channels.js';
export { canonicalJson } from './canonical-json.js';
export { compareReplays, diffFrames, firstJsonDifference, type CompareOptions, type Normalize, type ReplayComparison, type FrameDifference, type CheckpointDifference } from './compare.js';
