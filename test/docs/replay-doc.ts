// The values of docs/REPLAY.md, read from the code that writes and reads replays: versions, layout,
// channels, the header/footer/extras schemas (engine/replay/schema.ts, described by check.ts), the
// inspect record and the bounds verify holds a replay to. A format change changes these, and the
// docs sync test fails until `npx tsx test/docs/write-docs.ts` regenerates the document.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { MAX_PERIOD_TICKS, MAX_TEAM_NAME_CHARS, MIN_PERIOD_TICKS } from '../../engine/constants.js';
import { CHANNELS, G_BUDGET, GLOBALS, PC_STRIDE, PREDICTOR, PRED_LINEAR, PRED_VELOCITY, channelName, channelScale, VEL_TO_POS } from '../../engine/replay/channels.js';
import { docText, type Check } from '../../engine/replay/check.js';
import {
  BLOCK_HEAD_BYTES, FORMAT_HISTORY, KIND_FOOTER, KIND_HEADER, KIND_INDEX, KIND_SEGMENT, LIMITS, MAGIC, POLICY_EXTENSIONS, PREAMBLE_BYTES, REPLAY_FORMAT_VERSION,
  SEGMENT_PREFIX_BYTES, SEGMENT_TICKS, SUPPORTED_FORMATS, TRAILER_BYTES, TRAILER_MAGIC,
} from '../../engine/replay/format.js';
import { ReplayReader } from '../../engine/replay/reader.js';
import { CSV_COLUMNS, tickRecords } from '../../engine/replay/records.js';
import { checkExtrasJson, checkFooterJson, checkHeaderJson } from '../../engine/replay/schema.js';
import { CHECKPOINT_EVERY } from '../../engine/constants.js';
import { PLAYERS } from '../../engine/state.js';
import { MAX_LIMIT_FACTOR, MAX_REPLAY_BYTES, MIN_MEMORY_MB } from '../../tournament/replay-file.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

function table(head: string[], rows: string[][]): string {
  const line = (cells: string[]): string => `| ${cells.map((c) => c.replace(/\|/g, '\\|')).join(' | ')} |`;
  return [line(head), line(head.map(() => '---')), ...rows.map(line)].join('\n');
}

const kind = (k: number): string => `'${String.fromCharCode(k)}' (0x${k.toString(16)})`;

/** One row per field, nested fields by dotted path, a list's items as `[]`; an object of many plain numbers on one row. */
function fieldRows(c: Check, path: string, rows: string[][]): void {
  const doc = c.doc;
  if (!doc) return;
  if (doc.fields) {
    const plain = doc.fields.every((f) => docText(f.check) === 'number' && !f.optional);
    if (plain && doc.fields.length > 8) {
      rows.push([`\`${path}\``, `object of ${doc.fields.length} numbers: ${doc.fields.map((f) => f.name).join(', ')}`]);
      return;
    }
    if (path) rows.push([`\`${path}\``, doc.text]);
    for (const f of doc.fields) {
      const p = f.name.startsWith('[') ? `${path}${f.name}` : path ? `${path}.${f.name}` : f.name;
      if (f.check.doc?.fields || f.check.doc?.items) fieldRows(f.check, p, rows);
      else rows.push([`\`${p}\``, `${docText(f.check)}${f.optional ? ' (may be absent)' : ''}`]);
      if ((f.check.doc?.fields || f.check.doc?.items) && f.optional) markOptional(rows, p);
    }
    return;
  }
  if (doc.items) {
    if (path) rows.push([`\`${path}\``, doc.text]);
    fieldRows(doc.items, `${path}[]`, rows);
    return;
  }
  rows.push([`\`${path}\``, doc.text]);
}

/** Marks the row of `path` as a field that may be absent. */
function markOptional(rows: string[][], path: string): void {
  const row = rows.find((r) => r[0] === `\`${path}\``);
  if (row && !row[1]!.endsWith('(may be absent)')) row[1] += ' (may be absent)';
}

function schemaTable(c: Check): string {
  const rows: string[][] = [];
  fieldRows(c, '', rows);
  return `${c.doc?.text ? `The whole: ${c.doc.text}.\n\n` : ''}${table(['field', 'type and bounds'], rows)}`;
}

function predictorName(p: number): string {
  return p === PRED_LINEAR ? 'linear' : p === PRED_VELOCITY ? 'velocity' : 'hold';
}

function channelTable(): string {
  const rows: string[][] = [];
  const row = (c: number, format: number): void => {
    const s = channelScale(c);
    rows.push([String(c), channelName(c), s === 1 ? '1' : `${s} (1/${s})`, predictorName(PREDICTOR[c]!), String(format)]);
  };
  for (let c = 0; c < GLOBALS + PC_STRIDE; c++) row(c, 1);
  for (let c = G_BUDGET; c < CHANNELS; c++) row(c, 2);
  return table(['channel', 'what', 'scale (stored = value x scale)', 'predicted by', 'since format'], rows);
}

function layoutTable(): string {
  return table(
    ['part', 'bytes', 'content'],
    [
      ['preamble', String(PREAMBLE_BYTES), `"${MAGIC}", u32 format version`],
      [`header block, kind ${kind(KIND_HEADER)}`, 'block head + payload', 'deflate(canonical JSON header)'],
      [`segment block, kind ${kind(KIND_SEGMENT)}, one per segment`, `block head + ${SEGMENT_PREFIX_BYTES} + compressed body`, 'u32 index, u32 first tick, u32 frame count, end hash (8 bytes: the running match hash after its last tick), u32 body length, deflate(body)'],
      [`footer block, kind ${kind(KIND_FOOTER)}`, 'block head + payload', 'deflate(canonical JSON footer)'],
      [`index block, kind ${kind(KIND_INDEX)}`, 'block head + 4 + 12 per segment + 4', 'u32 segment count; per segment u32 offset, u32 first tick, u32 frame count; u32 footer offset'],
      ['trailer', String(TRAILER_BYTES), `u32 offset of the index block, "${TRAILER_MAGIC}"`],
    ],
  );
}

/** name -> text for `{{name}}` in docs/src/REPLAY.md. */
export function replayDocValues(): Record<string, string> {
  const history = Object.entries(FORMAT_HISTORY).map(([v, what]) => [v, what]);
  // The record's fields as inspect writes them: taken from a real record of the format 1 fixture.
  const fixture = new ReplayReader(readFileSync(`${ROOT}test/fixtures/replays/format1.mdr`), 'format1.mdr');
  const first = tickRecords(fixture).next().value!;
  return {
    'replay.format': String(REPLAY_FORMAT_VERSION),
    'replay.formats': SUPPORTED_FORMATS.join(', '),
    'replay.segmentTicks': String(SEGMENT_TICKS),
    'replay.segmentFrames': String(SEGMENT_TICKS + 1),
    'replay.checkpointEvery': String(CHECKPOINT_EVERY),
    'replay.blockHead': `${BLOCK_HEAD_BYTES} bytes of head (u32 payload length, u8 kind, u32 CRC-32 of the payload), then the payload`,
    'replay.lastPlayer': String(PLAYERS - 1),
    'replay.playerChannels': String(PC_STRIDE),
    'replay.velToPos': String(VEL_TO_POS),
    'replay.recordFields': Object.keys(first).map((f) => `\`${f}\``).join(', '),
    'replay.teamRecordFields': Object.keys(first.teams.home!).map((f) => `\`${f}\``).join(', '),
    'replay.csvCount': String(CSV_COLUMNS.length),
    'replay.csvColumns': CSV_COLUMNS.join(','),
    'replay.maxReplayMB': String(MAX_REPLAY_BYTES / 1024 / 1024),
    'replay.maxReplayBytes': String(MAX_REPLAY_BYTES),
    'replay.segmentBodyBytes': String(LIMITS.segmentBodyBytes),
    'replay.inflateRatio': String(LIMITS.inflateRatio),
    'replay.jsonBlockBytes': String(LIMITS.jsonBlockBytes),
    'replay.minPeriodTicks': String(MIN_PERIOD_TICKS),
    'replay.maxPeriodTicks': String(MAX_PERIOD_TICKS),
    'replay.maxTeamNameChars': String(MAX_TEAM_NAME_CHARS),
    'replay.sourceChars': String(LIMITS.sourceChars),
    'replay.extensions': `${POLICY_EXTENSIONS.slice(0, -1).map((e) => `\`${e}\``).join(', ')} or \`${POLICY_EXTENSIONS.at(-1)}\``,
    'replay.maxLimitFactor': String(MAX_LIMIT_FACTOR),
    'replay.minMemoryMb': String(MIN_MEMORY_MB),
    'table.replayFormats': table(['format', 'what it holds'], history),
    'table.replayLayout': layoutTable(),
    'table.replayChannels': channelTable(),
    'table.replayHeader': schemaTable(checkHeaderJson),
    'table.replayFooter': schemaTable(checkFooterJson),
    'table.replayExtras': schemaTable(checkExtrasJson),
  };
}
