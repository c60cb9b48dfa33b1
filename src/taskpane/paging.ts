/** Long lists in pages: every item reachable, with honest counts ("51–100 of 1,999"). */

export const PAGE_SIZE = 50;

export interface Page {
  /** 0-based page shown, clamped to the pages there are. */
  readonly index: number;
  readonly pages: number;
  /** 1-based positions of the first and last item shown; 0 and 0 when the list is empty. */
  readonly from: number;
  readonly to: number;
}

export function pageOf(total: number, index: number, size = PAGE_SIZE): Page {
  const pages = Math.max(1, Math.ceil(total / size));
  const i = Math.min(Math.max(0, Math.floor(index)), pages - 1);
  if (total === 0) return { index: 0, pages, from: 0, to: 0 };
  return { index: i, pages, from: i * size + 1, to: Math.min(total, (i + 1) * size) };
}

export function pageItems<T>(items: readonly T[], page: Page): readonly T[] {
  return page.from === 0 ? [] : items.slice(page.from - 1, page.to);
}
