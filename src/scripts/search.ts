/**
 * The search page. Pagefind over one stub per subject: one result per business or person, with its list badges
 * and counts of public records on the visitor's date, then its matching records (Pagefind's sub-results, one per
 * record section of the stub). Before Pagefind, two static lookups of one small request each: an exact code
 * opens its subject (/codes/), an exact 文号 in any bracket style puts its record first (/docno/). Filters by
 * kind, authority, year and category. Where district.yaml names other portals (`shards`: a province's portal and
 * its cities'), their indexes are merged into the search (Pagefind's mergeIndex, their results linking to their
 * hosts, filterable by 地区), and a code or 文号 not found here is asked of each of them, one small request each.
 */
import { usccCheckChar } from '../lib/credit-code.ts';
import type { RecordKind } from '../lib/schemas/common.ts';
import { shardOf, type CodeShard } from '../lib/search/codes.ts';
import { isDocNoLike, normalizeDocNo, type DocNoShard } from '../lib/search/docno.ts';
import { cardText, liveSummary, unpackCard, type KindCodes } from '../lib/search/summary.ts';
import { HAN_RUN, charPairs } from '../lib/search/pairs.ts';
import { holdsAll, isCodeLike, isUsccShape, normalizeQueryCode, searchTerms, subjectHref, today } from './search-util.ts';

interface SubResult { title: string; url: string; anchor?: { id?: string } }
interface ResultData { url: string; content?: string; meta: Record<string, string>; filters?: Record<string, string[]>; sub_results: SubResult[]; anchors?: { id?: string; text?: string }[] }
interface PagefindResult { id: string; data: () => Promise<ResultData> }
interface Pagefind {
  options: (o: Record<string, unknown>) => Promise<void>;
  init: () => Promise<void>;
  preload: (term: string, o: Record<string, unknown>) => Promise<void>;
  mergeIndex: (path: string, o: Record<string, unknown>) => Promise<void>;
  search: (q: string | null, o: { filters?: Record<string, string> }) => Promise<{ results: PagefindResult[] }>;
}

/**
 * Another portal searched with this one: its address (`url`, a site root, so `host` is it without the final
 * slash) and how its lookups are split (its /lookups.json).
 */
interface Shard { name: string; url: string; host: string; combined?: boolean; codeDigits?: number; docNoDigits?: number; down?: boolean }
interface Delta { index: boolean; superseded: string[] }

const PAGE = 20;
/** Results loaded before the first are shown: each needs its fragment fetched. */
const FIRST = 5;
/** Matching records shown under a subject; the rest are on its page. */
const SUB = 3;
const LINK = 'text-blue-800 underline';
const el = <K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<HTMLElementTagNameMap[K]> = {}, ...children: (Node | string)[]) => {
  const e = Object.assign(document.createElement(tag), props);
  e.append(...children);
  return e;
};

export function startSearch(): void {
  const input = document.querySelector<HTMLInputElement>('form[role=search] input[name=q]')!;
  const searchForm = input.form!;
  const filters = document.getElementById('filters') as HTMLFormElement;
  const status = document.getElementById('search-status')!;
  const list = document.getElementById('results')!;
  const more = document.getElementById('more') as HTMLButtonElement;
  const notFound = document.getElementById('not-found')!;
  const authorityHint = document.getElementById('authority-hint')!;
  const codeDigits = Number(status.dataset.codeDigits ?? '2');
  const docNoDigits = Number(status.dataset.docnoDigits ?? '2');
  // The labels come with the page: importing the kind modules here would bring their schemas (zod, ~100 KB) to the browser.
  const KIND_LABELS = JSON.parse(status.dataset.kindLabels ?? '{}') as Record<RecordKind, string>;
  const KIND_CODES = JSON.parse(status.dataset.kindCodes ?? '{}') as KindCodes;
  const SHARDS = (JSON.parse(status.dataset.shards ?? '[]') as Omit<Shard, 'host'>[]).map((x): Shard => ({ ...x, host: new URL(x.url).origin }));
  const REGION = status.dataset.region ?? '';
  if (SHARDS.length) {
    // 地区: this portal's region and the others'. Made here: searching the others needs JavaScript anyway.
    const region = document.createElement('select');
    region.name = 'region';
    region.className = filters.querySelector('select')?.className ?? '';
    for (const [value, label] of [['', '全部'], ...[REGION, ...SHARDS.map((x) => x.name)].map((n) => [n, n])]) region.add(new Option(label, value));
    const label = document.createElement('label');
    label.append('地区', region);
    filters.append(label);
  }
  input.required = false;
  document.getElementById('nojs-note')?.setAttribute('hidden', '');
  const params = new URLSearchParams(location.search);
  input.value = params.get('q') ?? '';
  for (const e of Array.from(filters.elements) as HTMLSelectElement[]) if (e.name) e.value = params.get(e.name) ?? '';

  let pagefind: Promise<Pagefind> | null = null;
  /** Each result's data, fetched once (the first result's is read to tell what it matched, then shown). */
  const fetched = new Map<string, Promise<ResultData>>();
  const dataOf = (r: PagefindResult): Promise<ResultData> => {
    let d = fetched.get(r.id);
    if (!d) fetched.set(r.id, (d = r.data()));
    return d;
  };
  let superseded = new Set<string>();
  let pending: PagefindResult[] = [];
  let shown = 0;
  let expired = 0;
  let total = 0;
  let exact = 0;
  /** Only the exact 文号 matches are shown: the index does not hold 文号 (stubs.ts), so nothing else would match it. */
  let exactOnly = false;
  /** What the status says first: how a 文号 not found was looked up, or which authority the query was read as. */
  let note = '';
  let run = 0;
  let wanted: { kind?: RecordKind; year?: string; authority?: string } = {};
  /** The pairs of Chinese characters of the query: a matching record whose title holds more of them comes first. */
  let queryPairs: string[] = [];

  /** The other portals' /lookups.json, once: how their lookups are split, and whether they answer at all. */
  let shardsAsked: Promise<void> | null = null;
  const askShards = (): Promise<void> => {
    shardsAsked ??= Promise.all(SHARDS.map(async (shard) => {
      const lookups = await fetch(`${shard.url}lookups.json`).then((r) => (r.ok ? r.json() as Promise<{ codeDigits: number; docNoDigits: number }> : null), () => null);
      if (lookups) Object.assign(shard, lookups);
      else shard.down = true;
    })).then(() => undefined);
    return shardsAsked;
  };

  /**
   * A key of a static lookup (codes/ or docno/), here and at every other portal that answers: one small request
   * each, in parallel. Here first in the list.
   */
  const lookupEverywhere = async <T>(dir: 'codes' | 'docno', key: string): Promise<{ host: string; region: string; hit: T }[]> => {
    const ask = async (host: string, region: string, digits: number | undefined) => {
      if (digits === undefined) return [];
      const res = await fetch(`${host}/${dir}/${shardOf(key, digits)}.json`).catch(() => null);
      const hits = res?.ok ? ((await res.json()) as Record<string, T[]>)[key] ?? [] : [];
      return hits.map((hit) => ({ host, region, hit }));
    };
    await askShards();
    const all = await Promise.all([
      ask('', REGION, dir === 'codes' ? codeDigits : docNoDigits),
      ...SHARDS.filter((x) => !x.down).map((x) => ask(x.host, x.name, dir === 'codes' ? x.codeDigits : x.docNoDigits)),
    ]);
    return all.flat();
  };

  /** A portal's delta index of subjects changed since its last full build, if any (scripts/search-index.ts). */
  const deltaOf = (site: string): Promise<Delta | null> =>
    fetch(`${site}/pagefind-delta/superseded.json`).then((r) => (r.ok ? r.json() as Promise<Delta> : null), () => null);

  // Start loading Pagefind (script, WebAssembly, language metadata) as soon as the page is open,
  // so that the first query only fetches the index chunks it needs.
  const load = (): Promise<Pagefind> => {
    pagefind ??= (async () => {
      const path = '/pagefind/pagefind.js';
      const pf = (await import(/* @vite-ignore */ path)) as Pagefind;
      // With shards, this portal's stubs carry their region as a filter already (stubs.ts).
      await pf.options({ excerptLength: 16 });
      await pf.init();
      // Subjects changed since the last full build have new pages, and their old pages are superseded
      // (scripts/search-index.ts); so at every other portal searched with this one. The new pages are merged into
      // the index at build time; a portal built before that kept them in a second index (`index: true`).
      const delta = await deltaOf('');
      if (delta?.index) await pf.mergeIndex('/pagefind-delta/', {});
      superseded = new Set(delta?.superseded ?? []);
      await askShards();
      // A portal whose subjects are in this portal's own index (its `data` was given to the build) is not merged.
      await Promise.all(SHARDS.filter((x) => !x.down && !x.combined).map(async (shard) => {
        try {
          const other = { baseUrl: shard.url, mergeFilter: { region: shard.name } };
          const d = await deltaOf(shard.host);
          await pf.mergeIndex(`${shard.url}pagefind/`, other);
          if (d?.index) await pf.mergeIndex(`${shard.url}pagefind-delta/`, other);
          for (const x of d?.superseded ?? []) superseded.add(x);
        } catch {
          shard.down = true;
        }
      }));
      // init() has fetched Pagefind's metadata and WebAssembly while the reader types; no index chunk is
      // fetched ahead (one guessed word's chunk is 16–40 KB the first search rarely needs).
      return pf;
    })();
    return pagefind;
  };

  /** One subject: name, badges, category and code, counts of what is public today, then its matching records. */
  const renderSubject = (d: ResultData, now: string): HTMLLIElement | null => {
    const card = unpackCard(d.anchors, d.meta, KIND_CODES);
    const recs = card.recs;
    const live = liveSummary(recs, now);
    if (live.live.size === 0) return null;
    const li = el('li', { className: 'border border-gray-300 rounded p-3' });
    // Another portal's result carries its host (Pagefind's baseUrl), or, indexed here, the folder that names
    // the portal (shards/K/subject/ID.html); its record pages are there too.
    const indexedHere = /^\/shards\/(\d+)(\/subject\/.*)$/.exec(d.url);
    const portal = indexedHere ? SHARDS[Number(indexedHere[1])] : undefined;
    const host = portal ? portal.host : /^https?:/.test(d.url) ? new URL(d.url).origin : '';
    const href = subjectHref(indexedHere ? `${host}${indexedHere[2]}` : d.url);
    li.dataset.subject = href;
    const head = el('p', { className: 'flex flex-wrap items-center gap-2' },
      el('a', { href, className: 'text-lg font-semibold text-blue-800 underline' }, d.meta.title ?? href));
    const region = portal?.name ?? (host ? SHARDS.find((x) => x.host === host)?.name : REGION);
    if (SHARDS.length && region) head.append(el('span', { className: 'rounded border border-gray-600 px-2 py-0.5 text-sm' }, region));
    if (live.blacklisted) head.append(el('span', { className: 'rounded bg-red-800 px-2 py-0.5 text-sm font-semibold text-white' }, '严重失信主体'));
    if (live.redlisted) head.append(el('span', { className: 'rounded bg-green-800 px-2 py-0.5 text-sm font-semibold text-white' }, '守信激励对象'));
    const counts = (Object.entries(live.counts) as [RecordKind, number][]).filter(([, n]) => n > 0)
      .map(([k, n]) => `${KIND_LABELS[k].replace(/（.*）/, '')} ${n} 条`).join('，');
    li.append(head, el('p', { className: 'text-sm text-gray-800' }, [d.filters?.category?.[0] ?? d.meta.category, card.code, `公示中：${counts}`].filter(Boolean).join(' · ')));
    // Its records: the sections of the stub whose words matched (Pagefind's sub-results) or, when the query
    // matched the subject itself, its latest; only those still public, of the kind and year asked for.
    const byId = new Map(recs.map((r) => [r.id, r]));
    const wantedRec = (r: (typeof recs)[number] | undefined) => !!r && live.live.has(r.id) && (!wanted.kind || r.kind === wanted.kind) && (!wanted.year || r.date.startsWith(wanted.year))
      // An older index's records carry no authority: all of them are shown.
      && (!wanted.authority || r.authority === undefined || r.authority === wanted.authority);
    // Pagefind's sub-results are the sections holding any word asked for, in page order (newest first); those
    // whose title holds more of the query come first (建设工程规划许可证 before 建筑工程施工许可证).
    const held = (r: (typeof recs)[number]) => queryPairs.filter((p) => r.title?.includes(p)).length;
    const matched = d.sub_results.map((x) => byId.get(x.anchor?.id ?? '')).filter(wantedRec)
      .map((r, i) => ({ r: r!, i, n: held(r!) })).sort((a, b) => b.n - a.n || a.i - b.i).map((x) => x.r);
    const shownRecs = matched.length ? matched : recs.filter(wantedRec);
    if (shownRecs.length) {
      const ul = el('ul', { className: 'mt-1 ml-4 list-disc text-sm', ariaLabel: matched.length ? '匹配的信息' : '公示中的信息' });
      for (const r of shownRecs.slice(0, SUB)) ul.append(el('li', {}, el('a', { href: `${host}/record/${r!.id}/`, className: LINK }, [KIND_LABELS[r!.kind], r!.title].filter(Boolean).join(' ')), ` · ${r!.date}`));
      if (shownRecs.length > SUB) ul.append(el('li', {}, el('a', { href, className: LINK }, `另有 ${shownRecs.length - SUB} 条${matched.length ? '匹配的' : ''}信息，见信用档案`)));
      li.append(ul);
    }
    return li;
  };

  const summary = () => {
    const parts = note ? [note] : [];
    if (exact) parts.push(`文号完全匹配 ${exact} 条`);
    if (exactOnly) { status.textContent = `${parts.join('；')}。`; return; }
    parts.push(total === 0 ? '没有找到符合条件的主体' : `找到 ${total - expired} 个主体${shown < total - expired ? `，已显示 ${shown} 个` : ''}`);
    if (expired) parts.push(`另有 ${expired} 个主体的信息公示期已届满，依规不再显示`);
    const down = SHARDS.filter((x) => x.down).map((x) => x.name);
    if (down.length) parts.push(`${down.join('、')}的信用门户暂时无法查询，结果不含这些地区`);
    status.textContent = `${parts.join('；')}。`;
  };

  /** The next page of results: the first few are shown (and counted) as soon as they are loaded, then the rest. */
  const showMore = async (id: number) => {
    const now = today();
    let added = 0;
    while (pending.length && added < PAGE) {
      const batch = pending.splice(0, Math.min(added === 0 ? FIRST : PAGE - added, PAGE - added));
      const data = await Promise.all(batch.map(dataOf));
      if (id !== run) return;
      for (const d of data) {
        const li = renderSubject(d, now);
        if (!li) { expired++; continue; }
        list.append(li);
        added++;
        shown++;
      }
      notFound.hidden = shown + exact > 0 || pending.length > 0;
      summary();
    }
    more.hidden = pending.length === 0;
    notFound.hidden = shown + exact > 0;
    summary();
  };

  /** Records whose 文号 is exactly the query (any bracket style), still public: shown first. */
  const docNoHits = async (q: string, now: string): Promise<HTMLLIElement[]> => {
    const found = await lookupEverywhere<DocNoShard[string][number]>('docno', normalizeDocNo(q));
    return found.filter(({ hit }) => hit.end >= now).map(({ host, region, hit: h }) => {
      const li = el('li', { className: 'border-2 border-blue-800 rounded p-3' },
        el('p', { className: 'text-sm font-semibold text-blue-900' }, '文号完全匹配'),
        el('a', { href: `${host}/record/${h.id}/`, className: 'text-lg font-semibold text-blue-800 underline' }, `${h.name}：${h.title}`),
        el('p', { className: 'text-sm text-gray-800' }, [q.trim(), h.date, ...(SHARDS.length ? [region] : [])].join(' · ')));
      li.dataset.docno = h.id;
      return li;
    });
  };

  const codeLookup = async (id: number, code: string): Promise<boolean> => {
    status.textContent = '正在查找该代码……';
    const found = await lookupEverywhere<CodeShard[string][number]>('codes', code);
    if (id !== run) return true;
    if (found.length === 1) { location.assign(`${found[0]!.host}/subject/${found[0]!.hit[0]}/`); return true; }
    if (found.length > 1) {
      for (const { host, region, hit: [sid, name] } of found) {
        list.append(el('li', { className: 'border border-gray-300 rounded p-3' }, el('a', { href: `${host}/subject/${sid}/`, className: 'text-lg font-semibold text-blue-800 underline' }, name),
          ...(SHARDS.length ? [` · ${region}`] : [])));
      }
      status.textContent = `代码 ${code} 出现在 ${found.length} 个不同主体的记录中（来源单位登记的代码可能有误，或同一主体在多个地区有记录），请按名称核对。`;
      return true;
    }
    const expected = isUsccShape(code) ? usccCheckChar(code) : null;
    if (expected && expected !== code[17]) {
      const fixed = code.slice(0, 17) + expected;
      status.replaceChildren(
        `“${code}”不是有效的统一社会信用代码：第 18 位（校验位）应为 ${expected}，不是 ${code[17]}。是否要查询 `,
        el('a', { href: `/search/?q=${fixed}`, className: LINK }, fixed), '？');
      notFound.hidden = false;
      return true;
    }
    return false;
  };

  /** The authorities of the 认定/处罚机关 filter whose names hold the query (spaces aside). */
  const authoritiesNamed = (q: string): string[] => {
    const wanted = q.replace(/\s+/g, '');
    const select = filters.elements.namedItem('authority') as HTMLSelectElement | null;
    return wanted.length < 2 || !select ? [] : Array.from(select.options).map((o) => o.value).filter((v) => v && v.includes(wanted));
  };

  /**
   * The results list is marked busy (aria-busy) from a search's start until its first page of results is all shown
   * (or the search has ended otherwise): a screen reader waits for it, and so do the benchmarks.
   */
  let busyFor = 0;
  const busy = async (work: () => Promise<void>) => {
    const mine = ++busyFor;
    list.setAttribute('aria-busy', 'true');
    try { await work(); } finally { if (mine === busyFor) list.setAttribute('aria-busy', 'false'); }
  };

  /** `preset`: what the status says first (the authority a query was read as). */
  const search = (preset = '') => busy(() => searchNow(preset));
  const searchNow = async (preset = '') => {
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
    authorityHint.hidden = true;
    exactOnly = false;
    note = preset;
    shown = 0;
    expired = 0;
    exact = 0;
    const active = Object.fromEntries(Object.entries(f).filter(([, v]) => v));
    queryPairs = (q.match(HAN_RUN) ?? []).flatMap(charPairs);
    wanted = { kind: (Object.keys(KIND_LABELS) as RecordKind[]).find((k) => KIND_LABELS[k] === active.kind), year: active.year, authority: active.authority && cardText(active.authority) };
    if (!q && !Object.keys(active).length) { status.textContent = '请输入查询内容或选择筛选条件。'; return; }
    notFound.hidden = true;
    const code = normalizeQueryCode(q);
    if (isCodeLike(code) && !isDocNoLike(q) && (await codeLookup(id, code))) return;
    status.textContent = '正在查询……';
    const now = today();
    // A 文号 is found by the lookup alone, from one small request: the index does not hold 文号, whose words
    // (哈道许, 2026, 号) would match nearly every record. A query that looks like one but is not found is
    // searched as a name too, and the status says how the 文号 was looked for.
    const docNoLike = q !== '' && isDocNoLike(q);
    const first = docNoLike ? await docNoHits(q, now) : [];
    if (id !== run) return;
    if (first.length) {
      list.append(...first);
      exact = first.length;
      exactOnly = true;
      total = 0;
      pending = [];
      summary();
      return;
    }
    if (docNoLike) note = `没有找到文号为“${q}”的在公示期内的信息（括号样式、序号前的 0 和“第”“号”字不影响查找）`;
    const pf = await load();
    // A name fragment by its character pairs. Pagefind leaves out each pair no name holds and returns the names
    // holding the rest, so the first result tells whether any name holds the whole query (holdsAll); when none
    // does, a record's title may (its pairs are tokens of their own), then an authority's name. Failing all
    // three, the names holding part of it are shown, and said to be that.
    const terms = q ? searchTerms(q) : null;
    const hasPairs = terms !== null && /(^| )zz/.test(terms);
    let result = await pf.search(terms, { filters: active });
    const holds = async (r: PagefindResult | undefined, asked: string) => !!r && holdsAll((await dataOf(r)).content ?? '', asked);
    let mode: 'name' | 'title' | 'part' = 'name';
    // A fragment whose pairs other names hold in another order (恒泰鑫源建筑工程 holds 鑫源 恒泰 建筑 工程 too):
    // with more than a page of them, the names that hold the fragment itself, ranked among those by chance, may
    // not be shown. Those holding every adjacent pair of it come first; the index chunks of the pairs between
    // (源恒 泰建 筑工) are fetched only then (asking for them with every search fetched a third more at 100,000
    // subjects, and made later searches slower: 72 ms against 57 ms), and at the same time as the first result.
    const every = q ? searchTerms(q, true) : null;
    const tight = hasPairs && every && every !== terms && result.results.length > PAGE ? pf.search(every, { filters: active }).catch(() => ({ results: [] })) : null;
    // With no second search to reorder them, the first results are those shown first: their fragments are fetched
    // now, beside the first one's (read to tell what matched), not after it. A failure is met where they are shown.
    if (!tight) for (const r of result.results.filter((x) => !superseded.has(x.id)).slice(0, FIRST)) dataOf(r).catch(() => undefined);
    if (hasPairs && !(await holds(result.results[0], terms))) {
      const titleTerms = searchTerms(q, false, 'vz');
      const byTitle = await pf.search(titleTerms, { filters: active });
      if (await holds(byTitle.results[0], titleTerms)) { result = byTitle; mode = 'title'; }
      else mode = 'part';
    }
    if (id !== run) return;
    // A 文号 not found is not looked for in titles or parts of names: what those hold of it would be noise.
    if (docNoLike && mode !== 'name') result = { results: [] };
    else if (q && terms !== q && !result.results.length) result = await pf.search(q, { filters: active });
    // The query may name an authority, which is a filter, not words of the index. Nothing held by a name or a
    // title and one authority so named: it is searched as that filter. Otherwise the few it names are offered.
    const named = q && !docNoLike && !active.authority ? authoritiesNamed(q) : [];
    if (named.length === 1 && (mode === 'part' || !result.results.length)) {
      (filters.elements.namedItem('authority') as HTMLSelectElement).value = named[0]!;
      input.value = '';
      await searchNow(`按认定/处罚机关“${named[0]}”查找`);
      return;
    }
    if (id !== run) return;
    if (named.length && named.length <= 5) {
      authorityHint.replaceChildren(`“${q}”也是${named.length > 1 ? '以下机关' : '该机关'}名称的一部分，按机关查找：`, ...named.flatMap((n, i) => [i ? '、' : '',
        el('a', { href: `/search/?authority=${encodeURIComponent(n)}`, className: LINK }, n)]));
      authorityHint.hidden = false;
    }
    if (mode === 'title') note = `名称中含有“${q}”的主体没有找到，以下主体的信息标题含有“${q}”`;
    if (mode === 'part' && result.results.length) note = `名称中含有“${q}”的主体没有找到，以下主体的名称含有其中的部分文字`;
    // A Chinese character alone is not a pair: the index finds it only where a name begins with it (stubs.ts nameRest).
    const lone = (q.match(HAN_RUN) ?? []).find((run) => run.length === 1);
    if (lone && !note) note = `单个汉字“${lone}”只查找以它开头的名称；要查找名称中任意位置的文字，请输入两个以上连续的汉字`;
    let results = result.results;
    if (mode === 'name' && tight) {
      const held = (await tight).results;
      const ids = new Set(held.map((r) => r.id));
      results = [...held, ...results.filter((r) => !ids.has(r.id))];
    }
    if (id !== run) return;
    pending = results.filter((r) => !superseded.has(r.id));
    total = pending.length;
    await showMore(id);
  };

  searchForm.addEventListener('submit', (e) => { e.preventDefault(); void search(); });
  filters.addEventListener('change', () => void search());
  more.addEventListener('click', () => { const id = run; void busy(() => showMore(id)); });
  if (input.value || params.toString()) void search();
  else void load();
}
