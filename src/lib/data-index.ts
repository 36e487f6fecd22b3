/**
 * One index over the validated content, built once per build, so that pages look data up in
 * constant time instead of scanning every row for every chart.
 */
import type { Action, ActionUpdate, Area, Committee, Content, Indicator, Meeting, Observation } from './model';
import { observationKey } from './content/data';
import { lastDayOf, monthOfIsoDate, quarterBefore, quarterOf, type DayNumber } from './periods';

/** What a page may see: rows of files up to the quarter ending `quarterEnd`, dated up to `dayEnd`. */
export interface Cut {
  /** Month index of the last month of the last quarter whose file is seen. */
  quarterEnd: number;
  /** The last day an observation seen may be dated (rule 1 of version 1.1). */
  dayEnd: DayNumber;
}

export const LATEST: Cut = { quarterEnd: Infinity, dayEnd: Infinity };

/** A cut as a string, for caches: equal cuts, equal keys. */
export const cutKey = (cut: Cut) => `${cut.quarterEnd}|${cut.dayEnd}`;

/**
 * What a meeting saw (version 1.1, rule 1): the files up to the later of its period's quarter and
 * the quarter before the one holding its date (or the quarter its `dataAsAt` names), and in them
 * the observations dated up to the end of its period. A January meeting about 2023/24 sees the
 * year's figures DfE published in November; a census taken on 30 September is seen by a meeting
 * about the quarter that ends that day.
 */
export function meetingCut(meeting: Pick<Meeting, 'period' | 'date' | 'dataAsAt'>): Cut {
  const ownQuarter = quarterOf(meeting.period.end);
  const before = quarterBefore(quarterOf(monthOfIsoDate(meeting.date)));
  const quarter = meeting.dataAsAt ?? (before.end > ownQuarter.end ? before : ownQuarter);
  return { quarterEnd: quarter.end, dayEnd: lastDayOf(meeting.period.end) };
}

/** One value as a page shows it. */
export interface Cell {
  /** The version shown: the latest one visible at the cut. */
  obs: Observation;
  /** Earlier versions this one revised, oldest first. */
  replaced: Observation[];
  /** The current figure, when a later file revised the one shown. */
  revisedSince?: Observation;
}

export interface ActionRecord extends Action {
  updates: ActionUpdate[];
  /** The status from the latest update; open when there is none. */
  status: ActionUpdate['status'];
  meeting: Meeting;
}

export class DataIndex {
  readonly indicators = new Map<string, Indicator>();
  readonly committees = new Map<string, Committee>();
  readonly meetings = new Map<string, Meeting>();
  readonly meetingsByCommittee = new Map<string, Meeting[]>();
  readonly actions = new Map<string, ActionRecord>();
  /** Versions of each observation key, in file order. */
  private readonly versions = new Map<string, Observation[]>();
  private readonly keysByIndicator = new Map<string, string[]>();

  constructor(readonly content: Content) {
    for (const i of content.indicators) this.indicators.set(i.id, i);
    for (const c of content.committees) {
      this.committees.set(c.id, c);
      this.meetingsByCommittee.set(c.id, []);
    }
    for (const o of content.observations) {
      const key = observationKey(o);
      let list = this.versions.get(key);
      if (!list) {
        list = [];
        this.versions.set(key, list);
        const keys = this.keysByIndicator.get(o.indicator) ?? [];
        keys.push(key);
        this.keysByIndicator.set(o.indicator, keys);
      }
      list.push(o);
    }
    for (const m of content.meetings) {
      this.meetings.set(m.id, m);
      this.meetingsByCommittee.get(m.committee)!.push(m);
      for (const a of m.actions) this.actions.set(a.fullId, { ...a, updates: [], status: 'open', meeting: m });
    }
    for (const m of content.meetings) {
      for (const u of m.updates) {
        const record = this.actions.get(u.action);
        if (!record) continue;
        record.updates.push(u);
        record.status = u.status;
      }
    }
  }

  /** Every cell of an indicator visible at a cut, sorted by period, area and category. */
  cells(indicatorId: string, cut: Cut = LATEST): Cell[] {
    const out: Cell[] = [];
    for (const versions of this.sortedVersions(indicatorId)) {
      let shown = -1;
      for (let i = 0; i < versions.length; i++) {
        const v = versions[i];
        if (v.source.quarter.end <= cut.quarterEnd && v.day <= cut.dayEnd) shown = i;
      }
      if (shown < 0) continue;
      const latest = versions[versions.length - 1];
      out.push({
        obs: versions[shown],
        replaced: versions.slice(0, shown),
        ...(shown < versions.length - 1 && { revisedSince: latest }),
      });
    }
    return out;
  }

  private readonly sorted = new Map<string, Observation[][]>();

  /**
   * The versions of each of an indicator's observation keys, in the order pages show them: by
   * period, area and category. Every version of a key has the same period, area and category,
   * so the order is fixed: it is worked out once, not for every cut.
   */
  private sortedVersions(indicatorId: string): Observation[][] {
    let list = this.sorted.get(indicatorId);
    if (list) return list;
    const indicator = this.indicators.get(indicatorId);
    const categoryOrder = indicator?.categories ? Object.keys(indicator.categories) : [];
    list = (this.keysByIndicator.get(indicatorId) ?? []).map((key) => this.versions.get(key)!);
    const first = (versions: Observation[]) => versions[0];
    list.sort((x, y) => {
      const a = first(x);
      const b = first(y);
      return (
        a.period.end - b.period.end ||
        a.period.start - b.period.start ||
        AREA_ORDER.indexOf(a.area) - AREA_ORDER.indexOf(b.area) ||
        categoryOrder.indexOf(a.breakdown ?? '') - categoryOrder.indexOf(b.breakdown ?? '')
      );
    });
    this.sorted.set(indicatorId, list);
    return list;
  }

  private byIndicator?: Map<string, Meeting[]>;

  /** Meetings that considered an indicator, oldest first. */
  meetingsFor(indicatorId: string): Meeting[] {
    if (!this.byIndicator) {
      this.byIndicator = new Map();
      for (const m of this.content.meetings) {
        for (const id of new Set(m.indicatorIds)) {
          let list = this.byIndicator.get(id);
          if (!list) this.byIndicator.set(id, (list = []));
          list.push(m);
        }
      }
    }
    return [...(this.byIndicator.get(indicatorId) ?? [])];
  }

  /** The committee's meeting before this one, if any. */
  previousMeeting(meeting: Meeting): Meeting | undefined {
    const list = this.meetingsByCommittee.get(meeting.committee)!;
    const i = list.indexOf(meeting);
    return i > 0 ? list[i - 1] : undefined;
  }

  /** The date the site speaks from: its latest meeting. Pages never depend on the build's clock. */
  get asOf(): string {
    const all = this.content.meetings;
    return all.length ? all[all.length - 1].date : '';
  }
}

export const AREA_ORDER: Area[] = ['local', 'statistical-neighbours', 'region', 'england'];
