// Evaluated by BrowserFilterRunner in an empty page at the snapshot's location: parses the
// snapshot without scripting, imports the declaration's filters module, runs the declared
// filters in order on that document, and returns the resulting HTML.
async (json) => {
  const { html, source, location, filters, select, remove, node22UrlSearchParams } = JSON.parse(json);
  if (node22UrlSearchParams && !globalThis.URLSearchParams.node22) {
    // Node 22 and older read `new URLSearchParams(null)` as empty, browsers as "null"
    const Standard = globalThis.URLSearchParams;
    globalThis.URLSearchParams = class extends Standard {
      constructor(init) { super(init === null ? undefined : init); }
    };
    globalThis.URLSearchParams.node22 = true;
  }
  const document = new DOMParser().parseFromString(html, 'text/html');
  // a parsed document has no window (document.location is null, document.URL is right);
  // filters written for jsdom may reach for its window
  Object.defineProperty(document, 'defaultView', { get: () => window });

  function removeQueryParams(document, params = []) {
    const names = Array.isArray(params) ? params : [params];
    if (!names.length) return;
    for (const element of document.querySelectorAll('a[href], img[src]')) {
      try {
        const url = new URL(element.href || element.src);
        if (names.some(name => url.searchParams.has(name))) {
          names.forEach(name => url.searchParams.delete(name));
          element[element.tagName === 'A' ? 'href' : 'src'] = url.toString();
        }
      } catch {
        // a URL that does not parse is left as it is
      }
    }
  }
  const builtIns = { removeQueryParams };

  let module = {};
  if (source) {
    const blob = new Blob([source], { type: 'text/javascript' });
    const url = URL.createObjectURL(blob);
    try {
      module = await import(url);
    } catch (error) {
      return 'error:The filters module does not load: ' + error;
    } finally {
      URL.revokeObjectURL(url);
    }
  }

  const context = {
    fetch: location,
    select,
    remove,
    filter: filters.map(f => f.name),
  };
  for (const { name, params } of filters) {
    const fn = builtIns[name] || module[name];
    if (typeof fn !== 'function') return 'error:The filter "' + name + '" is not defined';
    try {
      if (params === undefined) await fn(document, context);
      else await fn(document, params, context);
    } catch (error) {
      return 'error:The filter function "' + name + '" failed: ' + error;
    }
  }
  const doctype = document.doctype ? new XMLSerializer().serializeToString(document.doctype) : '';
  return 'html:' + doctype + document.documentElement.outerHTML;
}
