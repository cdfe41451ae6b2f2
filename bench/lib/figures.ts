/**
 * Every figure of a run, with its unit, and the targets of the issue evaluated against them.
 * The JSON file is `{ meta, figures: Figure[], targets: TargetResult[], details }`.
 */
export type Status = 'met' | 'missed' | 'not measured';

export interface Figure {
  id: string;
  section: string;
  label: string;
  value: number;
  unit: string;
  note?: string;
}

export interface Target {
  /** The figure it applies to. */
  id: string;
  label: string;
  op: '<=' | '>=';
  value: number;
  unit: string;
  /** Why it may not apply as measured (e.g. the scale the target is defined at). */
  scaleNote?: (figures: FigureSet) => string | undefined;
}

export interface TargetResult {
  id: string;
  label: string;
  target: string;
  value: number | null;
  unit: string;
  status: Status;
  note?: string;
}

export class FigureSet {
  readonly figures: Figure[] = [];

  add(section: string, id: string, label: string, value: number, unit: string, note?: string): void {
    this.figures.push({ id, section, label, value, unit, ...(note ? { note } : {}) });
  }

  get(id: string): Figure | undefined {
    return this.figures.find((figure) => figure.id === id);
  }

  value(id: string): number | undefined {
    return this.get(id)?.value;
  }
}

const STATIC_SCALE = 10_000;

function staticScale(figures: FigureSet): string | undefined {
  const pages = figures.value('static.pages');
  if (pages === undefined || pages >= STATIC_SCALE) return undefined;
  return `measured at ${pages} pages; the target is defined for ${STATIC_SCALE.toLocaleString('en')}`;
}

function incrementalScale(figures: FigureSet): string | undefined {
  const pages = figures.value('static.pages');
  if (pages === undefined || pages >= STATIC_SCALE) return undefined;
  return `measured at ${pages} pages; the target is defined at 2,000 practices × 5 locales`;
}

export const TARGETS: Target[] = [
  { id: 'static.pagesPerSecond', label: 'Static build throughput', op: '>=', value: 300, unit: 'pages/s', scaleNote: staticScale },
  { id: 'static.peakRssMB', label: 'Static build peak RSS', op: '<=', value: 2048, unit: 'MB', scaleNote: staticScale },
  { id: 'incremental.rebuildSeconds', label: 'Incremental static rebuild after one publish', op: '<=', value: 10, unit: 's', scaleNote: incrementalScale },
  { id: 'cms.postgres.practice.p95', label: 'Practice by slug p95 (PostgreSQL)', op: '<=', value: 20, unit: 'ms' },
  { id: 'cms.postgres.list.p95', label: 'Practice list p95 (PostgreSQL)', op: '<=', value: 50, unit: 'ms' },
  { id: 'cms.postgres.queries.list.growth', label: 'SQL queries: page size 100 − page size 10 (PostgreSQL)', op: '<=', value: 0, unit: 'queries' },
  { id: 'cms.sqlite.queries.list.growth', label: 'SQL queries: page size 100 − page size 10 (SQLite)', op: '<=', value: 0, unit: 'queries' },
  { id: 'cms.postgres.rssMB', label: 'CMS resident memory after the read loads (PostgreSQL)', op: '<=', value: 500, unit: 'MB' },
  { id: 'cms.sqlite.rssMB', label: 'CMS resident memory after the read loads (SQLite)', op: '<=', value: 500, unit: 'MB' },
  { id: 'cms.postgres.list.coldAfterWriteMs', label: 'List, first request after a publish (PostgreSQL)', op: '<=', value: 100, unit: 'ms' },
  { id: 'cms.sqlite.list.coldAfterWriteMs', label: 'List, first request after a publish (SQLite)', op: '<=', value: 100, unit: 'ms' },
  { id: 'site.cachedRatio', label: 'Cached on-request throughput / plain Node server', op: '>=', value: 0.9, unit: 'ratio' },
  { id: 'publish.visibleMs', label: 'Publish to visible (median)', op: '<=', value: 2000, unit: 'ms' },
  { id: 'instances.publish.visibleMs', label: 'Publish to visible on every one of 3 instances sharing Redis (median)', op: '<=', value: 2000, unit: 'ms' },
  { id: 'weight.practice.total.gzip', label: 'Practice page, compressed (gzip: HTML + CSS + JS)', op: '<=', value: 60, unit: 'KB' },
  { id: 'weight.practice.js.raw', label: 'Practice page JavaScript', op: '<=', value: 0, unit: 'KB' },
];

export function formatNumber(value: number, unit = ''): string {
  if (!Number.isFinite(value)) return String(value);
  const abs = Math.abs(value);
  const digits = unit === 'ratio' ? 2 : abs >= 100 ? 0 : abs >= 10 ? 1 : 2;
  return value.toLocaleString('en', { maximumFractionDigits: digits, minimumFractionDigits: 0 });
}

/**
 * @param notMeasured why a target has no figure (e.g. PostgreSQL unreachable): "not measured"
 * @param failed why a target's measurement failed (e.g. the static build failed): "missed"
 */
export function evaluateTargets(figures: FigureSet, notMeasured: Record<string, string> = {}, failed: Record<string, string> = {}): TargetResult[] {
  return TARGETS.map((target) => {
    const figure = figures.get(target.id);
    const text = `${target.op === '<=' ? '≤' : '≥'} ${formatNumber(target.value, target.unit)} ${target.unit}`;
    if (failed[target.id]) return { id: target.id, label: target.label, target: text, value: null, unit: target.unit, status: 'missed', note: failed[target.id] };
    if (!figure || !Number.isFinite(figure.value)) {
      return { id: target.id, label: target.label, target: text, value: null, unit: target.unit, status: 'not measured', note: notMeasured[target.id] ?? 'not measured in this run' };
    }
    const met = target.op === '<=' ? figure.value <= target.value : figure.value >= target.value;
    const note = target.scaleNote?.(figures);
    return { id: target.id, label: target.label, target: text, value: figure.value, unit: target.unit, status: met ? 'met' : 'missed', ...(note ? { note } : {}) };
  });
}
