/**
 * The accessibility rules every axe check of the suite applies, the site's and the admin's alike:
 * WCAG 2.0, 2.1 and 2.2, levels A and AA (axe-core's tags; 2.2 adds AA rules only, such as
 * target-size). One list, so that no check tests against less.
 */
export const AXE_TAGS: readonly string[] = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
