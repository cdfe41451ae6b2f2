import type { ReportCode, ReportEntry, ReportLevel } from './types';

/** Collects report entries in the order findings are made. */
export class Report {
  readonly entries: ReportEntry[] = [];

  add(line: number, level: ReportLevel, code: ReportCode, message: string): void {
    this.entries.push({ line, level, code, message });
  }

  warn(line: number, code: ReportCode, message: string): void {
    this.add(line, 'warning', code, message);
  }

  error(line: number, code: ReportCode, message: string): void {
    this.add(line, 'error', code, message);
  }
}
