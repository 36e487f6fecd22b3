/**
 * The validated content, as the rest of the code sees it. Everything here has passed the schemas
 * and the cross-file rules in `content/`, so code past the loader trusts these types.
 */
import type { Period } from './periods';
import type { Site } from './schemas/site';
import type { CommitteeData } from './schemas/committee';
import type { IndicatorData } from './schemas/indicator';
import type { GlossaryEntry } from './schemas/glossary';
import type { MeetingData } from './schemas/meeting';
import type { Area, RowStatus } from './schemas/data-row';

export type { Period, Site, GlossaryEntry, Area, RowStatus };

export interface Committee extends CommitteeData {
  id: string;
  file: string;
}

export interface TargetStep {
  /** Financial year from which the target applies, or undefined for "always". */
  from?: Period;
  value: number;
}

export interface Indicator extends Omit<IndicatorData, 'decimals' | 'counts' | 'target'> {
  id: string;
  file: string;
  /** Decimal places to show, resolved from the unit's default. */
  decimals: number;
  /** What a count counts, resolved: counts of children fall under disclosure control. */
  counts: 'children' | 'events' | 'money' | 'other';
  /** Targets in order of `from`; empty when there is none. */
  targets: TargetStep[];
}

/** One row of a quarterly CSV file, validated. */
export interface Observation {
  indicator: string;
  period: Period;
  area: Area;
  breakdown?: string;
  /** Null when the status is not-available. */
  value: number | null;
  numerator?: number;
  denominator?: number;
  status?: RowStatus;
  note?: string;
  source: {
    file: string;
    line: number;
    /** The financial quarter of the file the row came from. */
    quarter: Period;
  };
}

export interface Action {
  /** Full id: <committee-id>/<YYYY-MM-DD>/<id>. */
  fullId: string;
  id: string;
  text: string;
  owner?: string;
  due?: string;
  committee: string;
  meetingDate: string;
}

export interface ActionUpdate {
  action: string;
  status: 'open' | 'in-progress' | 'done' | 'dropped';
  note?: string;
  committee: string;
  meetingDate: string;
}

export interface Meeting extends Omit<MeetingData, 'actions' | 'updates' | 'period'> {
  /** `<committee-id>/<YYYY-MM-DD>` */
  id: string;
  committee: string;
  date: string;
  file: string;
  period: Period;
  actions: Action[];
  updates: ActionUpdate[];
  /** Indicators shown, in order: the front matter's list or every indicator with data. */
  indicatorIds: string[];
  /** Indicators placed in the body with <Indicator> or <Chart>, in order of appearance. */
  placedInBody: string[];
}

export interface Content {
  root: string;
  site: Site;
  committees: Committee[];
  indicators: Indicator[];
  glossary: GlossaryEntry[];
  meetings: Meeting[];
  observations: Observation[];
}
