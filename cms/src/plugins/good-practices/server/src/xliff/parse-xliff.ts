/**
 * Reads an XLIFF 1.2 document with the `xliff` package (xliff12ToJs) and checks the document as a
 * whole: well-formed, XLIFF 1.2, one <file> with a source and a target language. Units are
 * returned as found; their meaning is checked by plan-import.ts. Free of Strapi: it runs in the
 * parse worker (parse-worker.ts).
 */
import xliff12ToJs, { type XliffDocumentOutput, type XliffUnitOutput } from 'xliff/xliff12ToJs';
import xliff2js from 'xliff/xliff2js';
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

/** The document, or the problem of the file as a whole, in words. */
export type ParseOutcome = { document: XliffDocument } | { problem: string };

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

export async function parseXliff(text: string): Promise<ParseOutcome> {
  if (text.trim() === '') return { problem: 'the request has no XLIFF document (send the file as the request body).' };
  // Before the lenient parser, which would read a truncated file as the units before the cut.
  const structure = structuralProblem(text);
  if (structure) return { problem: `the file is not well-formed XML (${structure}); nothing was imported.` };
  let parsed: XliffDocumentOutput;
  try {
    parsed = await xliff12ToJs(text);
  } catch (error) {
    // The package parses any XML and fails on a shape it does not expect: say which it was.
    if (await isXliff2(text)) return { problem: 'this is an XLIFF 2 document; this CMS exchanges XLIFF 1.2 files (translate a file exported from it).' };
    return { problem: `the file is not well-formed XML or not an XLIFF 1.2 document (${(error as Error).message.split('\n')[0]}).` };
  }
  if (parsed.xliffVersion !== undefined && parsed.xliffVersion !== '1.2') {
    return { problem: `the file is XLIFF ${parsed.xliffVersion}; this CMS exchanges XLIFF 1.2 files.` };
  }
  const files = Object.values(parsed.resources ?? {});
  if (files.length === 0) return { problem: 'the file has no <file> element with translation units: it is not a complete XLIFF 1.2 document.' };
  if (files.length > 1) return { problem: 'the file has several <file> elements; import the single-file documents this CMS exports.' };
  if (!parsed.sourceLanguage) return { problem: 'the <file> element has no source-language.' };
  if (!parsed.targetLanguage) return { problem: 'the <file> element has no target-language.' };
  const units: XliffUnit[] = [];
  flatten(files[0], units);
  return { document: { sourceLanguage: parsed.sourceLanguage, targetLanguage: parsed.targetLanguage, units } };
}
