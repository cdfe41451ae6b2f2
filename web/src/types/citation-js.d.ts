/**
 * The part of @citation-js/core 0.8 this site uses (the package ships no types; its plugins
 * register formats on import and export nothing the site calls).
 */
declare module '@citation-js/core' {
  export class Cite {
    constructor(data: unknown);
    format(format: 'bibtex' | 'ris', options?: Record<string, unknown>): string;
  }
}
declare module '@citation-js/plugin-bibtex';
declare module '@citation-js/plugin-ris';
