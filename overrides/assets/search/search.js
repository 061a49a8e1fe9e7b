/* Help center search: the header's search box (overrides/partials/search.html) answered
   by the page language's Pagefind index (written by generator/search.py), loaded on the
   first focus. Only the latest query is shown: a result that arrives for a query the
   customer has typed past is dropped, so nothing queues up behind fast typing. Text from
   the index is set with textContent (excerpts: only the text and Pagefind's <mark>s). */
(function () {
  "use strict";

  /* Pagefind fetches an index chunk per word it is asked for, chosen by the word's
     letters, so each prefix of a word being typed would fetch one of its own, and each
     list of results the fragments of its pages: for results nobody reads while the keys
     still come. A search starts when the customer pauses for PAUSE_MS (a fast typist
     keys every 60 ms); meanwhile the chunks of the words already complete are fetched.
     A last word of fewer than MIN_PREFIX letters waits for a longer pause (PARTIAL_MS). */
  var PAUSE_MS = 90, PARTIAL_MS = 150, MIN_PREFIX = 2, SHOWN = 5, SECTIONS = 3;

  function el(tag, cls, text) {
    var node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text) node.textContent = text;
    return node;
  }

  /* Pagefind's excerpt is escaped text with <mark> around the words found. */
  function excerpt(html) {
    var template = document.createElement("template"), out = el("p", "hc-search-result__excerpt");
    template.innerHTML = html;
    Array.prototype.forEach.call(template.content.childNodes, function (node) {
      if (node.nodeName === "MARK") out.appendChild(el("mark", "", node.textContent));
      else out.appendChild(document.createTextNode(node.textContent));
    });
    return out;
  }

  /* A troubleshooter step is found at its title (<h2 id="tree--node-title">); the link
     names the step itself, which its page opens with or without JavaScript. */
  function stepUrl(url) {
    return url.replace(/#([^#]+--[^#]+)-title$/, "#$1");
  }

  function setup(root) {
    if (root.hcReady) return;
    root.hcReady = true;
    var data = JSON.parse(root.querySelector(".hc-search__data").textContent);
    var strings = data.strings;
    var toggle = document.getElementById("__search");
    var form = root.querySelector("form"), input = root.querySelector(".md-search__input");
    var meta = root.querySelector(".md-search-result__meta"), list = root.querySelector(".md-search-result__list");
    var plural = window.Intl && Intl.PluralRules ? new Intl.PluralRules(data.lang) : null;
    var pagefind = null, loading = null, latest = 0, timer = 0, running = false, waiting = null;
    var common = new Set();

    /* What Pagefind is asked: the query without the words on most of the language's
       pages, when other words remain. Such a word hardly changes which pages are found
       or their order, but its index chunk is several times the size of another's. */
    function essential(query) {
      var words = query.split(/\s+/), kept = words.filter(function (word) {
        return !common.has(word.toLowerCase().replace(/[^\p{L}\p{N}_]+/gu, ""));
      });
      return kept.length ? kept.join(" ") : query;
    }

    function load() {
      if (!loading) {
        var index = new URL(data.index, location.href).href;
        /* Result URLs are relative to the language's folder. */
        var base = new URL(data.root.replace(/\/?$/, "/") + data.folder, location.href).pathname;
        /* Words on most pages of this language (generator/search_common_words.py):
           without it, every word is searched for. */
        var listed = fetch(new URL("hc-common-words.json", index).href)
          .then(function (r) { return r.ok ? r.json() : []; })
          .catch(function () { return []; });
        loading = Promise.all([import(index).then(function (module) {
          /* noWorker: Pagefind's web worker is one more script to fetch (12 KB) for
             searches that take a few milliseconds on the page's own thread. */
          module.options({ baseUrl: base, excerptLength: 24, noWorker: true });
          return module.init().then(function () { return module; });
        }), listed]).then(function (both) {
          common = new Set(Array.isArray(both[1]) ? both[1] : []);
          pagefind = both[0];
          return pagefind;
        });
      }
      return loading;
    }

    function count(n) {
      if (n === 0) return strings.none;
      var form_ = plural ? plural.select(n) : (n === 1 ? "one" : "other");
      return (form_ === "one" && n === 1 ? strings.one : strings.other).replace("#", String(n));
    }

    function link(url, title, excerptHtml, page) {
      var a = el("a", "md-search-result__link");
      a.href = stepUrl(url);
      var article = el("article", "md-search-result__article md-typeset" + (page ? " md-search-result__article--document" : ""));
      if (page) article.appendChild(el("div", "md-search-result__icon md-icon"));
      article.appendChild(el("p", "hc-search-result__title" + (page ? " hc-search-result__title--page" : ""), title));
      if (excerptHtml) article.appendChild(excerpt(excerptHtml));
      a.appendChild(article);
      return a;
    }

    /* Sections where more of the words searched for stand together (a step whose
       question is the query, before a long step that repeats some of its words) come
       first; then Pagefind's own score. Locations are word positions in the page. */
    function rank(sections) {
      sections.forEach(function (s) {
        var at = (s.locations || []).slice().sort(function (a, b) { return a - b; });
        var run = 0, longest = 0, score = 0;
        at.forEach(function (position, i) {
          run = i > 0 && position === at[i - 1] + 1 ? run + 1 : 1;
          longest = Math.max(longest, run);
        });
        (s.weighted_locations || []).forEach(function (w) { score += w.balanced_score || 0; });
        s.hcRank = [longest, score];
      });
      sections.sort(function (a, b) { return b.hcRank[0] - a.hcRank[0] || b.hcRank[1] - a.hcRank[1]; });
    }

    /* data-query and data-state tell tests (and styles) which query the list shows. */
    function status(text, query, state) {
      meta.textContent = text;
      meta.setAttribute("data-query", query);
      meta.setAttribute("data-state", state);
    }

    function item(page) {
      var entry = el("li", "md-search-result__item");
      var title = page.meta && page.meta.title ? page.meta.title : page.url;
      var sections = (page.sub_results || []).filter(function (s) {
        return s.url !== page.url && s.anchor && s.anchor.element !== "h1" && s.title !== title;
      });
      rank(sections);
      entry.appendChild(link(page.url, title, sections.length ? "" : page.excerpt, true));
      sections.slice(0, SECTIONS).forEach(function (s) { entry.appendChild(link(s.url, s.title, s.excerpt, false)); });
      return entry;
    }

    /* The next SHOWN results behind a button: each result's text is one more file to
       fetch, and the first few are what most searches need. */
    function more(found, shown) {
      if (found.length <= shown || !strings.more) return;
      var entry = el("li", "md-search-result__item hc-search-more");
      var button = el("button", "md-button hc-search-more__button", strings.more);
      button.type = "button";
      button.addEventListener("click", function () {
        var ticket = latest;
        button.disabled = true;
        Promise.all(found.slice(shown, shown + SHOWN).map(function (r) { return r.data(); })).then(function (pages) {
          if (ticket !== latest || !entry.parentNode) return;
          var added = pages.map(item);
          added.forEach(function (node) { list.insertBefore(node, entry); });
          list.removeChild(entry);
          more(found, shown + SHOWN);
          /* Keyboard and screen reader users go on from the first result added. */
          var first = added.length && added[0].querySelector("a");
          if (first) first.focus();
        }).catch(function (error) {
          button.disabled = false;
          console.error("search:", error);
        });
      });
      entry.appendChild(button);
      list.appendChild(entry);
    }

    function render(query, found, pages) {
      list.textContent = "";
      status(count(found.length), query, "done");
      pages.forEach(function (page) { list.appendChild(item(page)); });
      more(found, pages.length);
    }

    /* One search at a time: keys typed while one runs only replace the query that runs
       next, so searches for what is already typed past never queue up. */
    function search(query, ticket) {
      if (running) { waiting = [query, ticket]; return; }
      running = true;
      load().then(function (pf) {
        if (ticket !== latest) return null;
        return pf.search(essential(query)).then(function (found) {
          if (ticket !== latest || !found) return;
          var top = found.results.slice(0, SHOWN);
          return Promise.all(top.map(function (r) { return r.data(); })).then(function (pages) {
            if (ticket === latest) render(query, found.results, pages);
          });
        });
      }).catch(function (error) {
        if (ticket === latest) status(strings.none, query, "done");
        console.error("search:", error);
      }).then(function () {
        running = false;
        var next = waiting;
        waiting = null;
        if (next && next[1] === latest) search(next[0], next[1]);
      });
    }

    function changed() {
      var query = input.value.trim(), ticket = ++latest;
      clearTimeout(timer);
      if (!query) {
        list.textContent = "";
        status(strings.placeholder, "", "done");
        return;
      }
      meta.setAttribute("data-state", "searching");
      var words = query.split(/\s+/), typing = !/\s$/.test(input.value);
      var complete = typing ? words.slice(0, -1).join(" ") : query;
      if (pagefind && complete) pagefind.preload(essential(complete));
      var partial = typing && words[words.length - 1].length < MIN_PREFIX;
      timer = setTimeout(function () { search(query, ticket); }, partial ? PARTIAL_MS : PAUSE_MS);
    }

    function open() {
      if (toggle && !toggle.checked) toggle.checked = true;
      load();
    }
    function close() {
      if (toggle) toggle.checked = false;
      input.blur();
    }

    input.addEventListener("focus", open);
    input.addEventListener("pointerenter", load);
    input.addEventListener("input", changed);
    form.addEventListener("submit", function (ev) {
      ev.preventDefault();
      var first = list.querySelector("a");
      if (first) location.href = first.href;
    });
    form.addEventListener("reset", function () {
      setTimeout(function () { changed(); input.focus(); }, 0);
    });
    root.addEventListener("keydown", function (ev) {
      if (ev.key === "Escape") close();
    });
    if (toggle) {
      toggle.addEventListener("change", function () {
        if (toggle.checked) input.focus();
      });
    }
    /* A result link into this very page (another step) must still close the search. */
    list.addEventListener("click", function (ev) {
      if (ev.target.closest("a")) close();
    });
    root.hidden = false;
    Array.prototype.forEach.call(document.querySelectorAll(".hc-search-toggle"), function (t) { t.hidden = false; });
  }

  function start() {
    Array.prototype.forEach.call(document.querySelectorAll(".hc-search"), setup);
  }
  if (window.document$) window.document$.subscribe(start);
  else document.addEventListener("DOMContentLoaded", start);
})();
