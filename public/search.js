// Search, the one feature that needs JavaScript: it runs Pagefind's static index in the browser.
// Without JavaScript the page says so and points to the lists of meetings and indicators.
const form = document.querySelector('[data-search-form]');
const input = form.querySelector('input[name="q"]');
const status = document.querySelector('[data-search-status]');
const results = document.querySelector('[data-search-results]');
document.querySelector('[data-search-needs-js]')?.setAttribute('hidden', '');
form.removeAttribute('hidden');

const base = new URL('pagefind/', document.querySelector('link[rel="search-index"]').href).href;
const pagefind = await import(`${base}pagefind.js`);
await pagefind.options({ basePath: base });

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

async function search(query) {
  results.replaceChildren();
  if (!query.trim()) {
    status.textContent = '';
    return;
  }
  status.textContent = 'Searching…';
  const found = await pagefind.search(query);
  const top = await Promise.all(found.results.slice(0, 20).map((r) => r.data()));
  results.replaceChildren(...top.map(item));
  status.textContent = `${found.results.length} result${found.results.length === 1 ? '' : 's'} for “${query}”${found.results.length > 20 ? ', showing the first 20' : ''}.`;
}

const initial = new URLSearchParams(location.search).get('q') ?? '';
input.value = initial;
form.addEventListener('submit', (event) => {
  event.preventDefault();
  history.replaceState(null, '', `?q=${encodeURIComponent(input.value)}`);
  search(input.value);
});
search(initial);
