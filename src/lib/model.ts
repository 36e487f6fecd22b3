/**
 * The validated content, as the rest of the code sees it. Everything here has passed the schemas
 * and the cross-file rules in `content/`, so code past the loader trusts these types.
 */
import type { DayNumber, Period } from './periods';
import type { Site } from './schemas/site';
import type { CommitteeData } from './schemas/committee';
import type { IndicatorData } from './schemas/indicator';
import type { GlossaryEntry } from './schemas/glossary';
import type { MeetingData } from './schemas/meeting';
import type { Area, RowStatus, SourceSymbol } from './schemas/data-row';

export type { Period, Site, GlossaryEntry, Area, RowStatus, SourceSymbol };

export interface Committee extends CommitteeData {
  id: string;
  file: string;
}

export interface TargetStep {
  /** Financial year from which the target applies, or undefined for "always". */
  from?: Period;
  value: number;
}

export interface Indicator extends Omit<IndicatorData, 'decimals' | 'counts' | 'target' | 'snapshotDate'> {
  id: string;
  file: string;
  /** Decimal places to show, resolved from the unit's default. */
  decimals: number;
  /** What a count counts, resolved: counts of children fall under disclosure control. */
  counts: 'children' | 'events' | 'money' | 'other';
  /** Targets in order of `from`; empty when there is none. */
  targets: TargetStep[];
  /** Version 1.1: the day of a snapshot count, or the end of rolling twelve months. */
  snapshotDate?: { month: number; day: number };
}

/** One row of a quarterly CSV file, validated. */
export interface Observation {
  indicator: string;
  period: Period;
  area: Area;
  breakdown?: string;
  /** Null when the status is not-available, or when a symbol stands instead of the number. */
  value: number | null;
  /** DfE's symbol written instead of the value (version 1.1, rule 3). */
  symbol?: SourceSymbol;
  numerator?: number;
  denominator?: number;
  /** A symbol written instead of the numerator or denominator. */
  numeratorSymbol?: SourceSymbol;
  denominatorSymbol?: SourceSymbol;
  /** Decimal places the value was written with: the precision it was published at. */
  precision?: number;
  /** The day the observation is dated (version 1.1, rule 1): the period's last day, or its snapshot day. */
  day: DayNumber;
  /** Version 1.1, rule 7: the council's rank (1 = highest value) among `outOf` councils. */
  rank?: number;
  outOf?: number;
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

export interface Meeting extends Omit<MeetingData, 'actions' | 'updates' | 'period' | 'dataAsAt'> {
  /** `<committee-id>/<YYYY-MM-DD>` */
  id: string;
  committee: string;
  date: string;
  file: string;
  period: Period;
  /** Version 1.1: the last quarter whose file the meeting saw, when the front matter names it. */
  dataAsAt?: Period;
  actions: Action[];
  updates: ActionUpdate[];
  /** Indicators shown, in order: the front matter's list or every indicator with data. */
  indicatorIds: string[];
  /** Indicators placed in the body with <Indicator> or <Chart>, in order of appearance. */
  placedInBody: string[];
  /** The MDX after the front matter, as checked; the page renders exactly this (src/lib/body/). */
  body: string;
  /** The file's line on which the body starts, for messages. */
  bodyLine: number;
}

export interface Content {
  root: string;
  site: Site;
  committees: Committee[];
  indicators: Indicator[];
  glossary: GlossaryEntry[];
  meetings: Meeting[];
  observations: Observation[];
  /** Version 1.1, rule 9: the statistical neighbours' councils, when site.yaml says which. */
  neighbours?: NeighbourGroup;
}

/** Which councils the statistical neighbours are, and who chose them (content/neighbours.ts works it out). */
export interface NeighbourGroup {
  /** `council`: listed in site.yaml; `dfe`: DfE's default group for the council's code. */
  chosenBy: 'council' | 'dfe';
  /** Where the list comes from, as site.yaml or DfE's file says. */
  source?: string;
  /** The councils, in the order given (DfE's: closest first). */
  members: { code?: number; name: string }[];
}
