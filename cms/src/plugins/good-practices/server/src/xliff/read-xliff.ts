/**
 * Reads an XLIFF 1.2 document with the `xliff` package (xliff12ToJs) and checks the document as a
 * whole: well-formed, XLIFF 1.2, one <file> with a source and a target language. Units are
 * returned as found; their meaning is checked by plan-import.ts.
 */
import xliff12ToJs, { type XliffDocumentOutput, type XliffUnitOutput } from 'xliff/xliff12ToJs';
import xliff2js from 'xliff/xliff2js';
import { fileProblem } from './import-problems';
import { structuralProblem } from './well-formed';

export interface XliffUnit {
  id: string;
  /** A string, or the package's structure for inline elements (refused later). */
  source: unknown;
  target: unknown;
}

export interface XliffDocument {
  sourceLanguage: string;
  targetLanguage: string;
  units: XliffUnit[];
}

/** Units of a <body>, groups (<group>) flattened: unit ids are unique on their own. */
function flatten(units: Record<string, XliffUnitOutput>, into: XliffUnit[]): void {
  for (const [id, unit] of Object.entries(units)) {
    if (unit.groupUnits) flatten(unit.groupUnits, into);
    else into.push({ id, source: unit.source, target: unit.target });
  }
}

async function isXliff2(text: string): Promise<boolean> {
  try {
    const parsed = await xliff2js(text);
    return parsed.resources !== undefined && Object.keys(parsed.resources).length > 0;
  } catch {
    return false;
  }
}

export async function readXliff(text: string): Promise<XliffDocument> {
  if (text.trim() === '') fileProblem('the request has no XLIFF document (send the file as the request body).');
  // Before the lenient parser, which would read a truncated file as the units before the cut.
  const structure = structuralProblem(text);
  if (structure) fileProblem(`the file is not well-formed XML (${structure}); nothing was imported.`);
  let parsed: XliffDocumentOutput;
  try {
    parsed = await xliff12ToJs(text);
  } catch (error) {
    // The package parses any XML and fails on a shape it does not expect: say which it was.
    if (await isXliff2(text)) fileProblem('this is an XLIFF 2 document; this CMS exchanges XLIFF 1.2 files (translate a file exported from it).');
    fileProblem(`the file is not well-formed XML or not an XLIFF 1.2 document (${(error as Error).message.split('\n')[0]}).`);
  }
  if (parsed.xliffVersion !== undefined && parsed.xliffVersion !== '1.2') {
    fileProblem(`the file is XLIFF ${parsed.xliffVersion}; this CMS exchanges XLIFF 1.2 files.`);
  }
  const files = Object.values(parsed.resources ?? {});
  if (files.length === 0) fileProblem('the file has no <file> element with translation units: it is not a complete XLIFF 1.2 document.');
  if (files.length > 1) fileProblem('the file has several <file> elements; import the single-file documents this CMS exports.');
  if (!parsed.sourceLanguage) fileProblem('the <file> element has no source-language.');
  if (!parsed.targetLanguage) fileProblem('the <file> element has no target-language.');
  const units: XliffUnit[] = [];
  flatten(files[0], units);
  return { sourceLanguage: parsed.sourceLanguage, targetLanguage: parsed.targetLanguage, units };
}
