/**
 * The main menu every page carries, and which of its entries a page is under (marked aria-current). The layout
 * (src/layouts/Base.astro) draws it; the entity renderer renders several pages in one call only when they are under
 * the same entry, as the layout reads the page's address from the request (scripts/render-worker.ts).
 */
export const NAV = [
  { href: '/', label: '首页' },
  { href: '/search/', label: '信用查询' },
  { href: '/lists/red/', label: '守信激励' },
  { href: '/lists/black/', label: '严重失信' },
  { href: '/lists/license/', label: '行政许可' },
  { href: '/lists/penalty/', label: '行政处罚' },
  { href: '/policies/', label: '政策法规' },
  { href: '/guides/', label: '办事指南' },
  { href: '/news/', label: '信用动态' },
] as const;

/** The menu entry a page at `path` (/lists/black/month/2026-11/) is under: home only for itself, the others for everything below them. */
export function currentNav(path: string): string | undefined {
  return NAV.find((n) => (n.href === '/' ? path === '/' : path.startsWith(n.href)))?.href;
}
