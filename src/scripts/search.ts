/**
 * The search page: Pagefind over slim records (name, codes, kind, authority, dates), with filters,
 * sort, an exact 统一社会信用代码 jump to the subject page, and results hidden once their disclosure
 * period has ended on the visitor's date (from each result's `end` metadata, not a fetch per result).
 */
import { usccCheckChar } from '../lib/credit-code.ts';
import { shardOf, type CodeShard } from '../lib/search/codes.ts';
import { isCodeLike, isUsccShape, normalizeQueryCode, today } from './search-util.ts';

interface PagefindResult { id: string; data: () => Promise<{ url: string; meta: Record<string, string> }> }
interface Pagefind {
  options: (o: Record<string, unknown>) => Promise<void>;
  init: () => Promise<void>;
  search: (q: string | null, o: { filters?: Record<string, string>; sort?: Record<string, string> }) => Promise<{ results: PagefindResult[] }>;
}

const PAGE = 20;

export function startSearch(): void {
  const input = document.querySelector<HTMLInputElement>('form[role=search] input[name=q]')!;
  const searchForm = input.form!;
  const filters = document.getElementById('filters') as HTMLFormElement;
  const status = document.getElementById('search-status')!;
  const list = document.getElementById('results')!;
  const more = document.getElementById('more') as HTMLButtonElement;
  const notFound = document.getElementById('not-found')!;
  const codeDigits = Number(status.dataset.codeDigits ?? '2');
  input.required = false;
  document.getElementById('nojs-note')?.setAttribute('hidden', '');
  const params = new URLSearchParams(location.search);
  input.value = params.get('q') ?? '';
  for (const el of Array.from(filters.elements) as HTMLSelectElement[]) if (el.name) el.value = params.get(el.name) ?? '';

  let pagefind: Promise<Pagefind> | null = null;
  let pending: PagefindResult[] = [];
  let shown = 0;
  let expired = 0;
  let total = 0;
  let run = 0;

  // Start loading Pagefind (script, WebAssembly, language metadata) as soon as the page is open,
  // so that the first query only fetches the index chunks it needs.
  const load = (): Promise<Pagefind> => {
    pagefind ??= (async () => {
      const path = '/pagefind/pagefind.js';
      const pf = (await import(/* @vite-ignore */ path)) as Pagefind;
      await pf.options({ excerptLength: 20 });
      await pf.init();
      return pf;
    })();
    return pagefind;
  };

  const render = (url: string, m: Record<string, string>) => {
    const li = document.createElement('li');
    li.className = 'border border-gray-300 rounded p-3';
    const a = document.createElement('a');
    a.href = url;
    a.className = 'text-lg font-semibold text-blue-800 underline';
    a.textContent = m.title ?? url;
    const p = document.createElement('p');
    p.className = 'text-sm text-gray-800';
    p.textContent = [m.kind, m.record, m.docNo, m.authority, m.date, m.state, m.end ? `公示至 ${m.end}` : ''].filter(Boolean).join(' · ');
    li.append(a, p);
    if (m.end) li.dataset.end = m.end;
    return li;
  };

  const showMore = async (id: number) => {
    const now = today();
    let added = 0;
    while (pending.length && added < PAGE) {
      const batch = pending.splice(0, PAGE - added);
      const data = await Promise.all(batch.map((r) => r.data()));
      if (id !== run) return;
      for (const d of data) {
        if (d.meta.end && d.meta.end < now) { expired++; continue; }
        list.append(render(d.url, d.meta));
        added++;
        shown++;
      }
    }
    more.hidden = pending.length === 0;
    notFound.hidden = shown > 0;
    status.textContent = total === 0 ? '没有找到符合条件的信息。'
      : `找到 ${total} 条结果，已显示 ${shown} 条${expired ? `；另有 ${expired} 条公示期已届满，依规不再显示` : ''}。`;
  };

  const search = async () => {
    const id = ++run;
    const q = input.value.trim();
    const f = Object.fromEntries(new FormData(filters)) as Record<string, string>;
    const url = new URL(location.href);
    url.search = '';
    if (q) url.searchParams.set('q', q);
    for (const [k, v] of Object.entries(f)) if (v) url.searchParams.set(k, v);
    history.replaceState(null, '', url);
    list.replaceChildren();
    more.hidden = true;
    shown = 0;
    expired = 0;
    const active = Object.fromEntries(Object.entries(f).filter(([k, v]) => v && k !== 'sort'));
    if (!q && !Object.keys(active).length) { status.textContent = '请输入查询内容或选择筛选条件。'; return; }
    notFound.hidden = true;
    const code = normalizeQueryCode(q);
    if (isCodeLike(code)) {
      // One small request resolves an exact code: the shard of the static lookup that holds it.
      status.textContent = '正在查找该代码……';
      const res = await fetch(`/codes/${shardOf(code, codeDigits)}.json`);
      const ids = res.ok ? ((await res.json()) as CodeShard)[code] : undefined;
      if (id !== run) return;
      if (ids?.length === 1) { location.assign(`/subject/${ids[0]![0]}/`); return; }
      if (ids && ids.length > 1) {
        for (const [sid, name] of ids) {
          const li = document.createElement('li');
          li.className = 'border border-gray-300 rounded p-3';
          const a = document.createElement('a');
          a.href = `/subject/${sid}/`;
          a.className = 'text-lg font-semibold text-blue-800 underline';
          a.textContent = name;
          li.append(a);
          list.append(li);
        }
        status.textContent = `代码 ${code} 出现在 ${ids.length} 个不同主体的记录中（来源单位登记的代码可能有误），请按名称核对。`;
        return;
      }
      const expected = isUsccShape(code) ? usccCheckChar(code) : null;
      if (expected && expected !== code[17]) {
        const fixed = code.slice(0, 17) + expected;
        status.replaceChildren(
          `“${code}”不是有效的统一社会信用代码：第 18 位（校验位）应为 ${expected}，不是 ${code[17]}。是否要查询 `,
          Object.assign(document.createElement('a'), { href: `/search/?q=${fixed}`, textContent: fixed, className: 'text-blue-800 underline' }),
          '？',
        );
        notFound.hidden = false;
        return;
      }
    }
    status.textContent = '正在查询……';
    const pf = await load();
    const filtersFor: Record<string, string> = {};
    for (const [k, v] of Object.entries(active)) filtersFor[k] = v;
    const result = await pf.search(q ? code && /^[0-9A-Z]{9,20}$/.test(code) ? code : q : null, {
      filters: filtersFor,
      sort: f.sort ? { date: f.sort } : undefined,
    });
    if (id !== run) return;
    pending = result.results;
    total = pending.length;
    await showMore(id);
  };

  searchForm.addEventListener('submit', (e) => { e.preventDefault(); void search(); });
  filters.addEventListener('change', () => void search());
  more.addEventListener('click', () => void showMore(run));
  if (input.value || params.toString()) void search();
  else void load();
}
