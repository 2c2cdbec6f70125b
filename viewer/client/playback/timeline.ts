// The marks on the timeline, chosen from the events: what a spectator wants to jump to.
import type { MatchEvent } from '../../../engine/state.js';
import type { TeamFault } from './frame-store.js';

export type MarkKind = 'goal' | 'shot' | 'yellow' | 'red' | 'period' | 'fault';

export interface Mark {
  tick: number;
  kind: MarkKind;
  /** 0 home, 1 away, -1 neither (period boundaries). */
  team: number;
  /** Tooltip and feed text. */
  label: string;
}

const PERIOD_EVENTS: Record<string, string> = { half_time: 'Half time', extra_time: 'Extra time', full_time: 'Full time', shootout: 'Shoot-out' };

export function marksFrom(events: readonly MatchEvent[], faults: readonly TeamFault[]): Mark[] {
  const out: Mark[] = [];
  for (const e of events) {
    const who = e.team === 0 || e.team === 1 ? e.team : -1;
    if (e.type === 'goal') out.push({ tick: e.tick, kind: 'goal', team: who, label: `${e.minute}' goal${e.detail === 'own_goal' ? ' (own goal)' : ''}` });
    else if (e.type === 'shot') out.push({ tick: e.tick, kind: 'shot', team: who, label: `${e.minute}' shot ${e.detail === 'on_target' ? 'on target' : 'off target'}` });
    else if (e.type === 'yellow_card') out.push({ tick: e.tick, kind: 'yellow', team: who, label: `${e.minute}' yellow card` });
    else if (e.type === 'red_card') out.push({ tick: e.tick, kind: 'red', team: who, label: `${e.minute}' red card` });
    else if (PERIOD_EVENTS[e.type]) out.push({ tick: e.tick, kind: 'period', team: -1, label: `${e.minute}' ${PERIOD_EVENTS[e.type]}` });
  }
  for (const f of faults) out.push({ tick: f.tick, kind: 'fault', team: f.team, label: `fault (${f.kind}): ${f.message}` });
  return out;
}

/**
 * The 90-minute clock as m:ss for a frame's period and period tick (the engine's minute, with seconds).
 * In a shoot-out or after the end it stops at 90:00, or at 120:00 when extra time was played, where
 * the engine's minute always says 120.
 */
export function clockText(period: number, periodTick: number, halfTicks: number, extraTicks: number, extraTimePlayed: boolean): string {
  const span = period < 2 ? 45 : period < 4 ? 15 : 0;
  const base = period === 0 ? 0 : period === 1 ? 45 : period === 2 ? 90 : period === 3 ? 105 : extraTimePlayed ? 120 : 90;
  const len = period < 2 ? halfTicks : extraTicks;
  const seconds = len > 0 && span > 0 ? Math.floor((periodTick * span * 60) / len) : 0;
  const total = base * 60 + seconds;
  return `${Math.floor(total / 60)}:${String(total % 60).padStart(2, '0')}`;
}
