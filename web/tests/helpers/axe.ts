/**
 * The accessibility rules every axe check of the suite applies, the site's and the admin's alike:
 * WCAG 2.0, 2.1 and 2.2, levels A and AA (axe-core's tags; 2.2 adds AA rules only, such as
 * target-size). One list, so that no check tests against less.
 */
export const AXE_TAGS: readonly string[] = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

interface Violation {
  id: string;
  impact?: string | null;
  nodes: { target: unknown[] }[];
}

/** One readable line per axe violation of a page (its rule, impact and first three elements), for `expect(lines).toEqual([])`. */
export function violationLines(page: string, violations: readonly Violation[]): string[] {
  return violations.map((v) => `${page}: ${v.id} (${v.impact}) ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
}
