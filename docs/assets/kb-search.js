// Kho chỉ thị dân vận: the search box. Reads our own index (search/kb-index.js, written by
// hooks/kb/search_index.py) through <script> tags: no Worker, no fetch, no module, so it works
// opened from disk (file://) exactly as on a server. No external code.
(function () {
  "use strict";

  // ---- Folding: the same rules as hooks/kb/search_fold.py (tests check that both agree) ----
  var MARKS = /[\u0300-\u036f]/g;
  var SEPARATORS = /[^a-z0-9]+/g;
  var FINAL_Y = /\b(h|k|l|m|s|t|qu)y\b/g;

  function fold(text) {
    var t = String(text).normalize("NFC").normalize("NFD").replace(MARKS, "");
    t = t.replace(/đ/g, "d").replace(/Đ/g, "d").toLowerCase();
    t = t.replace(SEPARATORS, " ").trim();
    return t.replace(FINAL_Y, "$1i");
  }

  // ---- Index loading (once per page, on first use) ----
  var MAX_OCCURRENCES = 20000; // a one-letter prefix needs no exact count
  var MAX_PAGES = 30;
  var MAX_SECTIONS_PER_PAGE = 4;
  var state = { count: 0, shardStarts: null, chunks: [], loaded: 0, shards: {}, requested: {}, loading: false, failed: false };
  var ui = null;

  function baseUrl() {
    var config = document.getElementById("__config");
    var base = config ? JSON.parse(config.textContent).base : ".";
    return (base || ".").replace(/\/$/, "");
  }

  function loadScript(src) {
    var script = document.createElement("script");
    script.src = src;
    script.charset = "utf-8";
    script.onerror = function () { state.failed = true; render(); };
    document.head.appendChild(script);
  }

  function ensureIndex() {
    if (state.count || state.loading) return;
    state.loading = true;
    loadScript(baseUrl() + "/search/kb-index-0.js");
  }

  // Chunk 0 first (results show from it at once), then all the others in parallel.
  window.kbSearchChunk = function (number, chunk) {
    if (number === 0) {
      state.count = chunk.chunks;
      state.shardStarts = chunk.shardStarts;
      for (var n = 1; n < chunk.chunks; n++) loadScript(baseUrl() + "/search/kb-index-" + n + ".js");
    }
    var folded = chunk.folded, starts = [0];
    for (var at = folded.indexOf("\n"); at !== -1; at = folded.indexOf("\n", at + 1)) starts.push(at + 1);
    chunk.starts = Int32Array.from(starts);
    state.chunks[number] = chunk;
    state.loaded++;
    if (state.loaded === state.count) state.loading = false;
    render();
  };

  function ready() { return state.loaded > 0; }

  function chunkOf(number) {
    for (var n = state.chunks.length - 1; n >= 0; n--) {
      var chunk = state.chunks[n];
      if (chunk && chunk.first <= number) return chunk;
    }
    return null;
  }

  function sectionInfo(number) {
    var chunk = chunkOf(number);
    return chunk.sections[number - chunk.first];
  }

  // [url, title] of a page, from the chunk that holds the section
  function pageInfo(sectionNumber, page) {
    var chunk = chunkOf(sectionNumber);
    return chunk.pages[page - chunk.firstPage];
  }

  window.kbSearchText = function (shard, texts) {
    state.shards[shard] = texts;
    render();
  };

  // ---- Matching ----
  function sectionAt(starts, position) {
    var low = 0, high = starts.length - 1;
    while (low < high) {
      var mid = (low + high + 1) >> 1;
      if (starts[mid] <= position) low = mid; else high = mid - 1;
    }
    return low;
  }

  // Count occurrences of `needle` that start a word (and end one, unless it may be a prefix).
  function occurrences(needle, wholeWord, counts) {
    var seen = 0;
    state.chunks.forEach(function (chunk) { if (chunk) seen = occurrencesIn(chunk, needle, wholeWord, counts, seen); });
    return counts;
  }

  function occurrencesIn(chunk, needle, wholeWord, counts, seen) {
    var text = chunk.folded, from = 0, at;
    while ((at = text.indexOf(needle, from)) !== -1 && seen < MAX_OCCURRENCES) {
      from = at + 1;
      var before = at === 0 ? " " : text.charAt(at - 1);
      if (before !== " " && before !== "\n") continue;
      if (wholeWord) {
        var after = text.charAt(at + needle.length);
        if (after && after !== " " && after !== "\n") continue;
      }
      var number = chunk.first + sectionAt(chunk.starts, at);
      counts.set(number, (counts.get(number) || 0) + 1);
      seen++;
    }
    return seen;
  }

  // Phrase first ("ben tre" as neighbours), then the last word as a prefix (typing in progress),
  // then all words anywhere in one section ("CT-TTg 18/2000" in another order).
  function match(tokens, lastComplete) {
    var phrase = tokens.join(" ");
    var hits = occurrences(phrase, true, new Map());
    if (hits.size) return { hits: hits, prefix: false };
    if (!lastComplete) hits = occurrences(phrase, false, new Map());
    if (hits.size || tokens.length < 2) return { hits: hits, prefix: !lastComplete };
    var combined = null;
    tokens.forEach(function (token, i) {
      var found = occurrences(token, lastComplete || i < tokens.length - 1, new Map());
      if (combined === null) { combined = found; return; }
      var next = new Map();
      combined.forEach(function (count, section) {
        if (found.has(section)) next.set(section, count + found.get(section));
      });
      combined = next;
    });
    return { hits: combined || new Map(), prefix: !lastComplete };
  }

  function search(query) {
    var folded = fold(query);
    if (!folded) return null;
    var tokens = folded.split(" ");
    var matched = match(tokens, /\s$/.test(query)), hits = matched.hits;
    var pages = new Map();
    hits.forEach(function (count, number) {
      var section = sectionInfo(number);
      // a match in the title or the properties says what the page is about; elsewhere, sections
      // show in reading order (a table repeating a name ten times is not ten times as relevant)
      var score = 1 + (section[1] === "" || section[1] === "kb-thuoc-tinh" ? 2 : 0);
      var page = pages.get(section[0]);
      if (!page) pages.set(section[0], page = { page: section[0], score: 0, sections: [] });
      page.score = Math.max(page.score, score) + count / 100;
      page.sections.push({ number: number, score: score });
    });
    var ranked = Array.from(pages.values()).sort(function (a, b) { return b.score - a.score || a.page - b.page; });
    ranked.forEach(function (page) {
      page.sections.sort(function (a, b) { return b.score - a.score || a.number - b.number; });
    });
    // whole-word matches found: do not mark "trên" for "ben tre"
    return { tokens: tokens, lastComplete: !matched.prefix, pages: ranked, sectionCount: hits.size };
  }

  // ---- Snippets: the readers' text around the first matching word, matches marked ----
  function sectionText(number) {
    var starts = state.shardStarts, shard = 0;
    while (shard + 1 < starts.length && starts[shard + 1] <= number) shard++;
    var texts = state.shards[shard];
    if (texts) return texts[number - starts[shard]];
    if (!state.requested[shard]) {
      state.requested[shard] = true;
      loadScript(baseUrl() + "/search/kb-text-" + shard + ".js");
    }
    return null;
  }

  function escapeHtml(text) {
    return text.replace(/[&<>"]/g, function (c) { return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" }[c]; });
  }

  function snippet(text, result) {
    var words = [], re = /[\p{L}\p{N}\p{M}]+/gu, m;
    while ((m = re.exec(text))) words.push({ start: m.index, end: m.index + m[0].length, key: fold(m[0]) });
    var last = result.tokens.length - 1;
    function marked(word) {
      return result.tokens.some(function (token, i) {
        return word.key === token || (i === last && !result.lastComplete && word.key.indexOf(token) === 0);
      });
    }
    var first = 0;
    for (var i = 0; i < words.length; i++) if (marked(words[i])) { first = i; break; }
    var from = Math.max(0, first - 12), to = Math.min(words.length - 1, first + 30);
    if (!words.length) return escapeHtml(text.slice(0, 200));
    var out = from > 0 ? "… " : "", cursor = words[from].start;
    for (var j = from; j <= to; j++) {
      out += escapeHtml(text.slice(cursor, words[j].start));
      var word = escapeHtml(text.slice(words[j].start, words[j].end));
      out += marked(words[j]) ? "<mark>" + word + "</mark>" : word;
      cursor = words[j].end;
    }
    return out + (to < words.length - 1 ? " …" : "");
  }

  // ---- Rendering into Material's search markup (its CSS, not its script) ----
  function href(url, anchor) {
    return baseUrl() + "/" + url + (anchor ? "#" + anchor : "");
  }

  function render() {
    if (!ui) return;
    var query = ui.input.value;
    if (state.failed) return show("Không tải được chỉ mục tìm kiếm (thiếu thư mục search/ cạnh trang này).", "");
    if (!fold(query)) return show("Gõ từ cần tìm, có dấu hay không dấu đều được.", "");
    if (!ready()) { ensureIndex(); return show("Đang tải chỉ mục…", ""); }
    var result = search(query);
    var more = state.loading ? " (Đang tải thêm chỉ mục…)" : "";
    if (!result.pages.length) return show((more ? "Chưa thấy kết quả" : "Không tìm thấy văn bản nào.") + more, "");
    var html = result.pages.slice(0, MAX_PAGES).map(function (page) {
      var url = pageInfo(page.sections[0].number, page.page);
      var items = page.sections.slice(0, MAX_SECTIONS_PER_PAGE).map(function (hit) {
        var section = sectionInfo(hit.number);
        var text = sectionText(hit.number);
        return '<a href="' + escapeHtml(href(url[0], section[1])) + '" class="md-search-result__link kb-ket-qua" data-kb-anchor="' +
          escapeHtml(section[1]) + '"><article class="md-search-result__article md-typeset">' +
          (section[2] ? "<h2>" + escapeHtml(section[2]) + "</h2>" : section[1] ? "" : "<h2>Đầu trang</h2>") +
          "<p>" + (text === null ? "…" : snippet(text, result)) + "</p></article></a>";
      }).join("");
      return '<li class="md-search-result__item"><a href="' + escapeHtml(href(url[0], "")) +
        '" class="md-search-result__link kb-ket-qua-trang"><article class="md-search-result__article md-typeset"><h1>' +
        escapeHtml(url[1]) + "</h1></article></a>" + items + "</li>";
    }).join("");
    show(result.pages.length + " văn bản, trang · " + result.sectionCount + " đoạn, khoản có kết quả" + more, html);
  }

  function show(meta, html) {
    ui.meta.textContent = meta;
    ui.list.innerHTML = html;
  }

  // ---- The search box in Material's header ----
  var ICON = '<svg viewBox="0 0 24 24" aria-hidden="true"><circle cx="10" cy="10" r="6" fill="none" stroke="currentColor" stroke-width="2"/><path d="M14.5 14.5 20 20" stroke="currentColor" stroke-width="2" stroke-linecap="round"/></svg>';

  function mount() {
    var header = document.querySelector(".md-header__inner");
    var toggle = document.getElementById("__search");
    if (!header || !toggle || header.querySelector(".kb-search")) return;
    var wrapper = document.createElement("div");
    wrapper.className = "kb-search-dat";
    wrapper.innerHTML =
      '<label class="md-header__button md-icon" for="__search" title="Tìm kiếm">' + ICON + "</label>" +
      '<div class="md-search kb-search" role="dialog" aria-label="Tìm kiếm">' +
      '<label class="md-search__overlay" for="__search"></label>' +
      '<div class="md-search__inner" role="search">' +
      '<form class="md-search__form" name="kb-tim-kiem" autocomplete="off">' +
      '<input type="text" class="md-search__input" name="q" aria-label="Tìm kiếm" placeholder="Tìm kiếm" title="Gõ có dấu hay không dấu đều được; phím tắt: /" autocapitalize="off" autocorrect="off" spellcheck="false">' +
      '<label class="md-search__icon md-icon" for="__search">' + ICON + "</label></form>" +
      '<div class="md-search__output"><div class="md-search__scrollwrap" tabindex="0">' +
      '<div class="md-search-result"><div class="md-search-result__meta"></div>' +
      '<ol class="md-search-result__list" role="presentation"></ol></div></div></div></div></div>';
    var source = header.querySelector(".md-header__source");
    header.insertBefore(wrapper, source);
    ui = {
      input: wrapper.querySelector(".md-search__input"),
      meta: wrapper.querySelector(".md-search-result__meta"),
      list: wrapper.querySelector(".md-search-result__list"),
      toggle: toggle,
    };
    ui.input.addEventListener("focus", function () { toggle.checked = true; ensureIndex(); render(); });
    ui.input.addEventListener("input", render);
    ui.input.addEventListener("keydown", function (event) {
      if (event.key === "Escape") { toggle.checked = false; ui.input.blur(); }
      if (event.key === "Enter") {
        event.preventDefault();
        var first = ui.list.querySelector(".kb-ket-qua, .kb-ket-qua-trang");
        if (first) first.click();
      }
    });
    toggle.addEventListener("change", function () { if (toggle.checked) ui.input.focus(); });
    // a result on the same page only changes the #anchor: close the search so the clause shows
    ui.list.addEventListener("click", function (event) {
      if (event.target.closest("a")) toggle.checked = false;
    });
    document.addEventListener("keydown", function (event) {
      var typing = /^(INPUT|TEXTAREA|SELECT)$/.test(document.activeElement && document.activeElement.tagName);
      if (event.key === "/" && !typing && !event.ctrlKey && !event.metaKey) { event.preventDefault(); ui.input.focus(); }
    });
    var params = new URLSearchParams(location.search);
    if (params.get("q")) { ui.input.value = params.get("q"); ui.input.focus(); }
  }

  window.kbSearch = { fold: fold };
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", mount); else mount();
})();
