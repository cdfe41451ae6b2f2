/**
 * Types of the parts of the `xliff` package (locize, 6.x) this plugin uses; the package ships
 * none. Its JS object form: `resources[namespace][unitId] = { source, target?, note?,
 * additionalAttributes? }`, where a text is a string, or an array/object when it holds inline
 * elements (<g>, <x/>…), which this plugin does not produce and refuses on import.
 */
declare module 'xliff/jsToXliff12' {
  export interface XliffUnitInput {
    source: string;
    target?: string;
    note?: string;
    additionalAttributes?: Record<string, string>;
  }
  export interface XliffDocumentInput {
    sourceLanguage: string;
    targetLanguage?: string;
    resources: Record<string, Record<string, XliffUnitInput>>;
  }
  export default function jsToXliff12(document: XliffDocumentInput, options?: { indent?: string; xmlLangAttr?: boolean }): Promise<string>;
}

declare module 'xliff/xliff12ToJs' {
  export interface XliffUnitOutput {
    source?: unknown;
    target?: unknown;
    note?: unknown;
    additionalAttributes?: Record<string, string>;
    groupUnits?: Record<string, XliffUnitOutput>;
  }
  export interface XliffDocumentOutput {
    xliffVersion?: string;
    sourceLanguage?: string;
    targetLanguage?: string;
    resources?: Record<string, Record<string, XliffUnitOutput>>;
  }
  export default function xliff12ToJs(text: string, options?: Record<string, unknown>): Promise<XliffDocumentOutput>;
}

declare module 'xliff/xliff2js' {
  import type { XliffDocumentOutput } from 'xliff/xliff12ToJs';
  export default function xliff2js(text: string, options?: Record<string, unknown>): Promise<XliffDocumentOutput>;
}
