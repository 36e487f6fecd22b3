// Search, the one feature that needs JavaScript: it runs Pagefind's static index in the browser.
// Without JavaScript the page says so and points to the lists of meetings and indicators.
const form = document.querySelector('[data-search-form]');
const input = form.querySelector('input[name="q"]');
const status = document.querySelector('[data-search-status]');
const results = document.querySelector('[data-search-results]');
document.querySelector('[data-search-needs-js]')?.setAttribute('hidden', '');
form.removeAttribute('hidden');

// The form is usable at once: a search typed while Pagefind loads waits for it, rather than the
// form being submitted to the server or what was typed being cleared when loading ends.
const base = new URL('pagefind/', document.querySelector('link[rel="search-index"]').href).href;
const loaded = (async () => {
  const pagefind = await import(`${base}pagefind.js`);
  await pagefind.options({ basePath: base });
  return pagefind;
})();

function item(result) {
  const li = document.createElement('li');
  const link = document.createElement('a');
  link.href = result.url;
  link.textContent = result.meta.title || result.url;
  const excerpt = document.createElement('p');
  // The excerpt marks matches with <mark>; set it as text, then mark safely.
  excerpt.textContent = result.excerpt.replace(/<\/?mark>/g, '');
  li.append(link, excerpt);
  return li;
}

let searches = 0;
async function search(query) {
  // Only the latest search shows its results, however long an earlier one takes.
  const mine = ++searches;
  results.replaceChildren();
  if (!query.trim()) {
    status.textContent = '';
    return;
  }
  status.textContent = 'Searching…';
  const pagefind = await loaded;
  const found = await pagefind.search(query);
  const top = await Promise.all(found.results.slice(0, 20).map((r) => r.data()));
  if (mine !== searches) return;
  results.replaceChildren(...top.map(item));
  status.textContent = `${found.results.length} result${found.results.length === 1 ? '' : 's'} for “${query}”${found.results.length > 20 ? ', showing the first 20' : ''}.`;
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  history.replaceState(null, '', `?q=${encodeURIComponent(input.value)}`);
  search(input.value);
});
// A link to search/?q=... searches at once.
const initial = new URLSearchParams(location.search).get('q');
if (initial) {
  input.value = initial;
  search(initial);
}
