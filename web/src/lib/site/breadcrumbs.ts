/**
 * Breadcrumbs of inner pages (components/Breadcrumbs.astro): a crumb is a name and a path; a name
 * taken from the site labels carries the label's language when it is not the page's.
 */
import type { LangAttributes, Translate } from '../i18n';
import type { LabelKey } from '../i18n/labels';
import { paths } from './urls';

export interface Crumb {
  label: string;
  href: string;
  /** `lang`/`dir` of a name shown in another language than the page's (a site label or a fallback title). */
  attrs?: LangAttributes | undefined;
}

/** A crumb named by a site label. */
export function labelCrumb(t: Translate, key: LabelKey, href: string): Crumb {
  return { label: t(key), href, attrs: t.attrs(key) };
}

/** The practice list, parent of the practices, the comparison and the filtered lists. */
export const practicesCrumb = (t: Translate, locale: string): Crumb => labelCrumb(t, 'list.title', paths.practices(locale));
