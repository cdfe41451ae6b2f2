/**
 * The static list page's search (issue 15.1), run by the visitor's browser: the markup is
 * src/components/StaticSearch.astro; the index is the build's Pagefind index
 * (src/lib/search/static-index.ts), one bundle per locale. The locale's Pagefind JS API
 * (`data-index`: `/pagefind/{locale}/pagefind.js`, its wasm and the index chunks) is loaded on the
 * first search only, with the locale's further shards merged into it (their list is the bundle's
 * `shards.json`, see static-index.ts); its result URLs are relative to the locale's folder (`data-base` in front). Results are links to the practices with an excerpt; a live region says
 * how many matched. Pagefind's own UI is not used: its smallest bundle is 30 KB compressed, and
 * this file has to stay under 20 KB (tests check it).
 */

interface Text {
  text: string;
  lang?: string;
  dir?: string;
}

/** The parts of Pagefind's JS API this script uses (pagefind.js has no types of its own). */
interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
}
interface Pagefind {
  options(options: Record<string, unknown>): Promise<void>;
  mergeIndex(path: string): Promise<void>;
  search(term: string, options: { filters: Record<string, string> }): Promise<{ results: { data(): Promise<PagefindResultData> }[] } | null>;
}

/** Results rendered at a time: each needs its own fragment request. */
const PAGE_SIZE = 10;

const fill = (template: string, vars: Record<string, string>) => template.replace(/\{(\w+)\}/g, (whole, name: string) => vars[name] ?? whole);

/** `lang`/`dir` of an element: set to a text's language, or removed when it is the page's. */
function setLanguage(element: HTMLElement, lang: string | undefined, dir: string | undefined): void {
  for (const [name, value] of [['lang', lang], ['dir', dir]] as const) {
    if (value) element.setAttribute(name, value);
    else element.removeAttribute(name);
  }
}

/**
 * Pagefind's excerpt is the page's text with `<mark>` around the matches. Only text and those
 * marks are kept, from an inert parsed document: nothing of it runs or loads.
 */
function excerptNodes(html: string): Node[] {
  const parsed = new DOMParser().parseFromString(`<p>${html}</p>`, 'text/html').body.firstElementChild;
  return [...(parsed?.childNodes ?? [])].map((node) => {
    if (node.nodeName !== 'MARK') return document.createTextNode(node.textContent ?? '');
    const mark = document.createElement('mark');
    mark.textContent = node.textContent;
    return mark;
  });
}

function resultItem(data: PagefindResultData, pageLang: string, base: string): HTMLLIElement {
  const item = document.createElement('li');
  const lang = data.meta.lang;
  if (lang && lang !== pageLang) setLanguage(item, lang, data.meta.dir);
  const link = document.createElement('a');
  link.href = `${base}${data.url}`;
  link.textContent = data.meta.title ?? data.url;
  const excerpt = document.createElement('p');
  excerpt.append(...excerptNodes(data.excerpt));
  item.append(link, excerpt);
  return item;
}

function setUp(root: HTMLElement): void {
  const form = root.querySelector('form');
  const input = form?.querySelector('input');
  const status = root.querySelector<HTMLElement>('[role="status"]');
  const region = root.querySelector<HTMLElement>('[data-search-results]');
  const list = region?.querySelector('ol');
  const more = region?.querySelector<HTMLButtonElement>('[data-search-more]');
  if (!form || !input || !status || !region || !list || !more) return;
  const texts = JSON.parse(root.dataset.texts ?? '{}') as Record<string, Text>;
  const filters = JSON.parse(root.dataset.filters ?? '{}') as Record<string, string>;
  const indexModule = root.dataset.index ?? '';
  const base = root.dataset.base ?? '';
  const pageLang = document.documentElement.lang;

  let pagefind: Promise<Pagefind> | undefined;
  const load = () =>
    (pagefind ??= (import(/* @vite-ignore */ indexModule) as Promise<Pagefind>).then(async (api) => {
      await api.options({ excerptLength: 24 });
      const listed = await fetch(new URL('shards.json', new URL(indexModule, location.href)));
      if (!listed.ok) throw new Error(`shards.json: ${listed.status}`);
      const { shards } = (await listed.json()) as { shards: string[] };
      // Side by side: Pagefind adds each shard's instance when called, so results keep this order.
      await Promise.all(shards.map((shard) => api.mergeIndex(shard)));
      return api;
    }));
  let results: { data(): Promise<PagefindResultData> }[] = [];
  let shown = 0;
  /** The search under way: an answer to an older one is dropped. */
  let current = 0;

  const say = (key: string, vars: Record<string, string> = {}) => {
    const text = texts[key];
    status.textContent = text ? fill(text.text, vars) : '';
    setLanguage(status, text?.lang, text?.dir);
  };

  async function showMore(search: number): Promise<HTMLAnchorElement | null> {
    const next = await Promise.all(results.slice(shown, shown + PAGE_SIZE).map((result) => result.data()));
    if (search !== current) return null;
    const items = next.map((data) => resultItem(data, pageLang, base));
    list!.append(...items);
    shown += items.length;
    more!.hidden = shown >= results.length;
    return items[0]?.querySelector('a') ?? null;
  }

  async function search(query: string): Promise<void> {
    const search = ++current;
    list!.replaceChildren();
    results = [];
    shown = 0;
    more!.hidden = true;
    region!.hidden = true;
    if (query === '') return say('');
    say('searching');
    try {
      const api = await load();
      const answer = await api.search(query, { filters });
      if (search !== current) return;
      results = answer?.results ?? [];
      await showMore(search);
      if (search !== current) return;
      region!.hidden = results.length === 0;
      const key = results.length === 0 ? 'none' : results.length === 1 ? 'resultsOne' : 'results';
      say(key, { count: String(results.length), query });
    } catch {
      if (search === current) say('failed');
    }
  }

  // The page's URL keeps the query (`?q=`), so a search can be reloaded, shared and gone back to.
  const remember = (query: string) => history.replaceState(history.state, '', query ? `?q=${encodeURIComponent(query)}` : location.pathname);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const query = input.value.trim();
    remember(query);
    void search(query);
  });
  form.addEventListener('reset', () => {
    remember('');
    void search('');
  });
  more.addEventListener('click', () => {
    // One batch at a time: a second click before the first answered would render it twice.
    if (more.disabled) return;
    more.disabled = true;
    void showMore(current)
      .then((first) => first?.focus())
      .catch(() => say('failed'))
      .finally(() => (more.disabled = false));
  });

  root.querySelector('[data-search-no-script]')?.remove();
  form.hidden = false;
  const initial = new URLSearchParams(location.search).get('q')?.trim().slice(0, 200);
  if (initial) {
    input.value = initial;
    void search(initial);
  }
}

const root = document.querySelector<HTMLElement>('[data-static-search]');
if (root) setUp(root);
