/**
 * Re-renders the Markdown report of a run from its JSON, e.g. to append the analysis written
 * after looking at the profiles:
 *
 *   node bench/render-report.ts bench/reports/NAME.json [--notes notes.md] [--out bench/reports/NAME.md]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { FigureSet, type Figure, type TargetResult } from './lib/figures.ts';
import { renderReport, type ReportInput } from './lib/report.ts';

const [jsonFile, ...rest] = process.argv.slice(2);
if (!jsonFile) {
  process.stderr.write('usage: node bench/render-report.ts REPORT.json [--notes NOTES.md] [--out REPORT.md]\n');
  process.exit(2);
}
const flag = (name: string): string | undefined => {
  const index = rest.indexOf(name);
  return index >= 0 ? rest[index + 1] : undefined;
};
const json = JSON.parse(readFileSync(jsonFile, 'utf8')) as { meta: ReportInput['meta']; figures: Figure[]; targets: TargetResult[]; details: Record<string, unknown> };
const figures = new FigureSet();
for (const figure of json.figures) figures.figures.push({ ...figure, value: figure.value ?? Number.NaN });
const notes = flag('--notes');
const out = flag('--out') ?? jsonFile.replace(/\.json$/, '.md');
writeFileSync(out, renderReport({ meta: json.meta, figures, targets: json.targets, details: json.details, analysis: notes ? readFileSync(notes, 'utf8') : undefined }));
process.stdout.write(`wrote ${path.relative(process.cwd(), out)}\n`);
