// Kho chỉ thị dân vận: the search box. Reads our own index (written by hooks/kb/search_index.py)
// through <script> tags: no Worker, no fetch, no module, so it works opened from disk (file://)
// exactly as on a server. No external code. A query reads the small metadata file, one shard per
// word and per pair of neighbouring words, and the text of the pages it shows.
(function () {
  "use strict";

  // ---- Folding: the same rules as hooks/kb/search_fold.py (tests check that both agree) ----
  var MARKS = /[\u0300-\u036f]/g;
  var SEPARATORS = /[^a-z0-9]+/g;
  var FINAL_Y = /\b(h|k|l|m|s|t|qu)y\b/g;
  var TONES = { "\u0300": "1", "\u0301": "2", "\u0303": "3", "\u0309": "4", "\u0323": "5" };
  var TONE_MARKS = /[\u0300\u0301\u0303\u0309\u0323]/g;
  var FINAL_Y_WORD = /^(h|k|l|m|s|t|qu)y$/;
  var WORD = /[\p{L}\p{N}]+/gu;

  function fold(text) {
    var t = String(text).normalize("NFC").normalize("NFD").replace(MARKS, "");
    t = t.replace(/đ/g, "d").replace(/Đ/g, "d").toLowerCase();
    t = t.replace(SEPARATORS, " ").trim();
    return t.replace(FINAL_Y, "$1i");
  }

  // snippets fold every word they show: the same few thousand words again and again
  var foldedWords = new Map();
  function foldWord(word) {
    var folded = foldedWords.get(word);
    if (folded === undefined) { folded = fold(word); if (foldedWords.size < 50000) foldedWords.set(word, folded); }
    return folded;
  }

  var accentKeys = new Map();
  function accentKeyOf(word) {
    var key = accentKeys.get(word);
    if (key === undefined) { key = accentKey(word); if (accentKeys.size < 50000) accentKeys.set(word, key); }
    return key;
  }

  // "Đảng" → "đang4", "hoá"/"hóa" → "hoa2" (kb.search_fold.accent_key)
  function accentKey(word) {
    var decomposed = word.toLowerCase().normalize("NFD"), tone = "0";
    for (var i = 0; i < decomposed.length; i++) if (TONES[decomposed[i]]) { tone = TONES[decomposed[i]]; break; }
    var base = decomposed.replace(TONE_MARKS, "").normalize("NFC");
    if (FINAL_Y_WORD.test(base)) base = base.slice(0, -1) + "i";
    return base + tone;
  }

  // ---- Files of the index, loaded once each through <script> tags ----
  var PAGE_STEP = 10; // pages shown at first, and added by «Xem thêm»
  var DRAW_STEP = 3; // pages drawn per task
  var MAX_SECTIONS_PER_PAGE = 3;
  var state = { arrivals: 0, meta: null, vocab: null, files: {}, shards: {}, pages: {}, decoded: new Map(), failed: false, shown: PAGE_STEP, lastQuery: null };
  var ui = null;

  var base = null;
  function baseUrl() {
    if (base === null) {
      var config = document.getElementById("__config");
      base = ((config ? JSON.parse(config.textContent).base : ".") || ".").replace(/\/$/, "");
    }
    return base;
  }

  // A busy server may refuse a few of many requests at once: try a file three times before
  // telling the reader the index is missing.
  function load(path, attempt) {
    if (state.files[path] && !attempt) return;
    state.files[path] = true;
    var script = document.createElement("script");
    script.src = baseUrl() + "/search/" + path;
    script.charset = "utf-8";
    script.onerror = function () {
      script.remove();
      if ((attempt || 0) < 2) setTimeout(function () { load(path, (attempt || 0) + 1); }, 150 * ((attempt || 0) + 1));
      else { state.failed = true; schedule(); }
    };
    document.head.appendChild(script);
  }

  window.kbSearchMeta = function (meta) {
    var kinds = meta.kinds, counts = decodeNumbers(meta.counts);
    var firsts = new Int32Array(kinds.length + 1);
    for (var p = 0; p < kinds.length; p++) firsts[p + 1] = firsts[p] + counts[p];
    meta.firsts = firsts;
    state.meta = meta;
    state.arrivals++;
    schedule();
  };
  window.kbSearchShard = function (id, entries) { state.shards[id] = entries; state.arrivals++; schedule(); };
  window.kbSearchVocab = function (vocab) {
    var words = vocab.words ? vocab.words.split(" ") : [];
    var df = decodeNumbers(vocab.df), set = new Map();
    words.forEach(function (w, i) { set.set(w, df[i]); });
    state.vocab = { words: words, df: set };
    state.arrivals++;
    schedule();
  };
  window.kbSearchPage = function (number, page) { state.pages[number] = page; schedule(); };

  // gaps as written by kb.search_index.encode: digits "]".."|" then a last digit "#".."B"
  function decodeNumbers(text) {
    var out = [], value = 0;
    for (var i = 0; i < text.length; i++) {
      var code = text.charCodeAt(i);
      if (code >= 93) value = value * 32 + code - 93;
      else { out.push(value * 32 + code - 35); value = 0; }
    }
    return out;
  }

  function decodeSections(text) {
    var gaps = decodeNumbers(text), out = new Int32Array(gaps.length), previous = -1;
    for (var i = 0; i < gaps.length; i++) out[i] = previous = (i === 0 ? gaps[0] : previous + gaps[i] + 1);
    return out;
  }

  function crc32(text) {
    var table = crc32.table;
    if (!table) {
      table = crc32.table = new Int32Array(256);
      for (var n = 0; n < 256; n++) {
        var c = n;
        for (var k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
        table[n] = c;
      }
    }
    var bytes = new TextEncoder().encode(text), crc = -1;
    for (var i = 0; i < bytes.length; i++) crc = table[(crc ^ bytes[i]) & 255] ^ (crc >>> 8);
    return (crc ^ -1) >>> 0;
  }

  // The value stored for `key`, undefined while its file loads (the file is requested), null if absent.
  function entry(key) {
    var meta = state.meta, id, file;
    if (Object.prototype.hasOwnProperty.call(meta.big, key)) { id = "b" + meta.big[key]; file = "b/" + meta.big[key] + ".js"; }
    else { var n = crc32(key) % meta.shards; id = "s" + n; file = "s/" + n + ".js"; }
    var shard = state.shards[id];
    if (!shard) { load(file); return undefined; }
    return Object.prototype.hasOwnProperty.call(shard, key) ? shard[key] : null;
  }

  function sectionsOf(cacheKey, text) {
    var list = state.decoded.get(cacheKey);
    if (!list) { list = decodeSections(text); state.decoded.set(cacheKey, list); }
    return list;
  }

  // ---- The query: words, accents the reader typed, a document number ----
  function parseQuery(query) {
    var words = [], m;
    WORD.lastIndex = 0;
    var text = String(query).normalize("NFC");
    while ((m = WORD.exec(text))) {
      var word = m[0], folded = fold(word);
      if (!folded) continue;
      var parts = folded.split(" ");
      var accented = parts.length === 1 && word.toLowerCase() !== folded ? accentKey(word) : null;
      parts.forEach(function (token) { words.push({ token: token, written: word, accent: accented }); });
    }
    return words;
  }

  // "CT 18", "chỉ thị số 18", "18/2000/CT-TTg", "số 18-CT/TU", "NĐ 29": {number, year, codes}
  function parseNumber(tokens) {
    var types = state.meta.types, codes = [], i = 0, hint = false;
    while (i < tokens.length && !/^\d+$/.test(tokens[i])) {
      var two = i + 1 < tokens.length ? types[tokens[i] + " " + tokens[i + 1]] : undefined;
      if (two) { codes.push(two); i += 2; hint = true; }
      else if (types[tokens[i]]) { codes.push(types[tokens[i]]); i++; hint = true; }
      else if (tokens[i] === "so") { i++; hint = true; }
      else return null;
    }
    if (i >= tokens.length) return null;
    var number = tokens[i].replace(/^0+(?=\d)/, ""), year = "";
    i++;
    if (i < tokens.length && /^(19|20)\d\d$/.test(tokens[i])) { year = tokens[i]; i++; hint = true; }
    for (; i < tokens.length; i++) {
      if (!/^[a-z]{1,6}$/.test(tokens[i])) return null;
      codes.push(types[tokens[i]] || tokens[i]);
      hint = true;
    }
    return hint ? { number: number, year: year, codes: codes } : null;
  }

  // Alternatives for a word: itself if the index has it; while typing, the words it begins;
  // a word of 5+ letters missing from the index: the known words one edit away ("Có phải bạn tìm").
  function alternatives(word, isLast, lastComplete, pending) {
    var value = entry(word.token);
    if (value === undefined) { pending.push(word.token); return null; }
    if (value !== null) return { tokens: [word.token], corrected: null };
    var needsVocab = (isLast && !lastComplete) || word.token.length >= 5;
    if (!needsVocab) return { tokens: [], corrected: null };
    if (!state.vocab) { load("kb-vocab.js"); pending.push("vocab"); return null; }
    if (isLast && !lastComplete) {
      var completions = completionsOf(word.token);
      if (completions.length) return { tokens: completions, corrected: null };
    }
    if (word.token.length >= 5) {
      var near = nearest(word.token);
      if (near) return { tokens: [near], corrected: near };
    }
    return { tokens: [], corrected: null };
  }

  function completionsOf(prefix) {
    var words = state.vocab.words, low = 0, high = words.length;
    while (low < high) { var mid = (low + high) >> 1; if (words[mid] < prefix) low = mid + 1; else high = mid; }
    // words with long lists of their own (the commonest: "cua", "cac") would cost megabytes for a
    // word the reader has not finished typing: completions come from the ordinary shards
    var found = [], big = state.meta.big;
    for (var i = low; i < words.length && words[i].lastIndexOf(prefix, 0) === 0 && found.length < 200; i++) {
      if (!Object.prototype.hasOwnProperty.call(big, words[i])) found.push(words[i]);
    }
    found.sort(function (a, b) { return state.vocab.df.get(b) - state.vocab.df.get(a); });
    return found.slice(0, 4);
  }

  function nearest(token) {
    var letters = "abcdefghijklmnopqrstuvwxyz0123456789", best = null, bestDf = -1, df = state.vocab.df;
    function consider(candidate) {
      var count = df.get(candidate);
      if (count !== undefined && count > bestDf) { best = candidate; bestDf = count; }
    }
    for (var i = 0; i <= token.length; i++) {
      if (i < token.length) consider(token.slice(0, i) + token.slice(i + 1));
      if (i + 1 < token.length) consider(token.slice(0, i) + token[i + 1] + token[i] + token.slice(i + 2));
      for (var j = 0; j < letters.length; j++) {
        if (i < token.length) consider(token.slice(0, i) + letters[j] + token.slice(i + 1));
        consider(token.slice(0, i) + letters[j] + token.slice(i));
      }
    }
    return best;
  }

  // ---- Matching and ranking ----
  // Sections get one bit per query word found (any accents), one per word found with the
  // reader's accents, one per neighbouring pair found. Pages rank by: document number asked
  // for; whole phrase; more words with the reader's accents; documents before cited documents
  // before other pages; a match in the title or properties; how many sections match.
  function search(query) {
    var meta = state.meta, words = parseQuery(query);
    if (!words.length) return null;
    var lastComplete = /[\s.,;:!?)»"']$/.test(query), pending = [], corrected = false;
    var alts = words.map(function (word, i) {
      var alt = alternatives(word, i === words.length - 1, lastComplete, pending);
      if (alt && alt.corrected) corrected = true;
      return alt;
    });
    var number = parseNumber(words.map(function (w) { return w.token; }));
    var numbered = number ? entry("#" + number.number) : null;
    if (numbered === undefined) pending.push("#");
    if (pending.length) return { pending: true };

    // completions and corrections live in shards of their own: wait for them, or a first query
    // would end as "not found" while they load
    alts.forEach(function (alt) {
      alt.tokens.forEach(function (token) { if (entry(token) === undefined) pending.push(token); });
    });
    if (pending.length) return { pending: true };

    var total = meta.sections, found = buffer("found", total), exact = buffer("exact", total), paired = buffer("paired", total);
    words.forEach(function (word, i) {
      alts[i].tokens.forEach(function (token) {
        var value = entry(token);
        if (!value) return;
        if (typeof value === "string") value = { plain: value };
        Object.keys(value).forEach(function (variant) {
          var list = sectionsOf(token + "|" + variant, value[variant]);
          var bit = 1 << i, same = word.accent !== null && (variant === word.accent || (variant === "plain" && word.accent === token + "0"));
          for (var k = 0; k < list.length; k++) { found[list[k]] |= bit; if (same) exact[list[k]] |= bit; }
        });
      });
    });
    var pairsPending = false;
    for (var i = 0; i + 1 < words.length; i++) {
      // a word still being typed stands for several completions: its pairs wait for the next key
      if (alts[i].tokens.length > 1 || alts[i + 1].tokens.length > 1) continue;
      alts[i].tokens.forEach(function (a) {
        alts[i + 1].tokens.forEach(function (b) {
          var value = entry(a + " " + b);
          if (value === undefined) { pairsPending = true; return; }
          if (!value) return;
          var list = sectionsOf(a + " " + b, value);
          for (var k = 0; k < list.length; k++) paired[list[k]] |= 1 << i;
        });
      });
    }
    if (pairsPending) return { pending: true };

    var n = Math.min(words.length, 31), allBits = (1 << n) - 1, allPairs = n > 1 ? (1 << (n - 1)) - 1 : 0;
    var best = 0;
    for (var s = 0; s < total; s++) if (found[s]) { var c = popcount(found[s]); if (c > best) best = c; }
    var pages = new Map(), firsts = meta.firsts, kinds = meta.kinds;
    function pageEntry(p) {
      var page = pages.get(p);
      if (!page) {
        var code = kinds.charCodeAt(p) - 48;
        page = { page: p, kind: code >> 2, heads: code & 3, number: 0, phrase: 0, exact: 0, head: 0, count: 0, bits: 0, sections: [] };
        pages.set(p, page);
      }
      return page;
    }
    if (best > 0) {
      // sections are numbered page by page: walk pages alongside; keep each page's best few sections only
      for (var t = 0, p = 0; t < total; t++) {
        if (!found[t] || popcount(found[t]) < best) continue;
        while (firsts[p + 1] <= t) p++;
        var page = pageEntry(p);
        var phrase = (found[t] & allBits) === allBits && (paired[t] & allPairs) === allPairs ? 1 : 0;
        var exactCount = popcount(exact[t]), head = t - firsts[p] < page.heads ? 1 : 0;
        if (phrase > page.phrase) page.phrase = phrase;
        if (exactCount > page.exact) page.exact = exactCount;
        if (head > page.head) page.head = head;
        page.count++;
        page.bits |= found[t];
        keepBest(page.sections, { index: t - firsts[p], score: phrase * 4 + head * 2 + (exactCount ? 1 : 0) });
      }
    }
    if (number && numbered) {
      numbered.forEach(function (item) {
        var codes = item[2] ? item[2].split(" ") : [];
        if (number.year && item[1] !== number.year) return;
        if (!number.codes.every(function (code) { return codes.indexOf(code) !== -1; })) return;
        var page = pageEntry(item[0]);
        page.number = 1;
        if (!page.sections.length) page.sections.push({ index: 0, score: 0 });
      });
    }
    var ranked = Array.from(pages.values()).sort(function (a, b) {
      return b.number - a.number || b.phrase - a.phrase || b.exact - a.exact || a.kind - b.kind ||
        b.head - a.head || b.count - a.count || a.page - b.page;
    });
    ranked.forEach(function (page) {
      page.sections.sort(function (a, b) { return b.score - a.score || a.index - b.index; });
    });
    var missing = best < n ? words.filter(function (w, i) { return !ranked.some(function (page) { return page.bits & (1 << i); }); }) : [];
    return {
      words: words, alts: alts, lastComplete: lastComplete, pages: ranked, all: best >= n, missing: missing,
      corrected: corrected ? words.map(function (w, i) { return alts[i].corrected || w.token; }).join(" ") : null,
      sectionCount: ranked.reduce(function (sum, page) { return sum + page.count; }, 0),
    };
  }

  // the MAX_SECTIONS_PER_PAGE best sections of a page, met in reading order (earlier wins a tie)
  function keepBest(list, hit) {
    if (list.length < MAX_SECTIONS_PER_PAGE) { list.push(hit); return; }
    var worst = 0;
    for (var i = 1; i < list.length; i++) if (list[i].score < list[worst].score || (list[i].score === list[worst].score && list[i].index > list[worst].index)) worst = i;
    if (hit.score > list[worst].score) list[worst] = hit;
  }

  // one bit per query word for every section: kept between queries, cleared for each
  var buffers = {};
  function buffer(name, size) {
    var b = buffers[name];
    if (!b || b.length !== size) b = buffers[name] = new Uint32Array(size); else b.fill(0);
    return b;
  }

  function popcount(v) {
    v = v - ((v >>> 1) & 0x55555555);
    v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
    return (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
  }

  // ---- Snippets: the readers' text around the first matching word, matches marked ----
  function escapeHtml(text) {
    return String(text).replace(/[&<>"]/g, function (c) { return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" }[c]; });
  }

  var SNIPPET_BEFORE = 10, SNIPPET_AFTER = 24, SNIPPET_SCAN = 20000; // words; characters searched for a match

  // Words are read only up to the first match and a little after it: sections can be long.
  function snippet(text, result) {
    // a word the reader typed with accents is marked where it is written so; others wherever they fold alike
    var wanted = new Map();
    result.alts.forEach(function (alt, i) {
      alt.tokens.forEach(function (token) {
        var accent = alt.corrected || token !== result.words[i].token ? null : result.words[i].accent;
        if (!wanted.has(token) || accent === null) wanted.set(token, accent);
      });
    });
    function marked(word) {
      var key = foldWord(word.text);
      if (!wanted.has(key)) return false;
      var accent = wanted.get(key);
      return accent === null || accentKeyOf(word.text) === accent;
    }
    var re = /[\p{L}\p{N}\p{M}]+/gu, m, words = [], first = -1;
    while ((m = re.exec(text))) {
      var word = { start: m.index, end: m.index + m[0].length, text: m[0] };
      word.marked = marked(word);
      words.push(word);
      if (first < 0) {
        if (word.marked) first = words.length - 1;
        else if (words.length > SNIPPET_BEFORE + SNIPPET_AFTER && m.index > SNIPPET_SCAN) break;
        else if (words.length > SNIPPET_BEFORE) words.shift();
      } else if (words.length - first > SNIPPET_AFTER) break;
    }
    if (!words.length) return escapeHtml(text.slice(0, 200));
    if (first < 0) words = words.slice(0, SNIPPET_BEFORE + SNIPPET_AFTER);
    var out = words[0].start > 0 ? "… " : "", cursor = words[0].start;
    words.forEach(function (w) {
      out += escapeHtml(text.slice(cursor, w.start));
      var shown = escapeHtml(w.text);
      out += w.marked ? "<mark>" + shown + "</mark>" : shown;
      cursor = w.end;
    });
    return out + (cursor < text.length && /[\p{L}\p{N}]/u.test(text.slice(cursor)) ? " …" : escapeHtml(text.slice(cursor)));
  }

  // ---- Rendering into Material's search markup (its CSS, not its script) ----
  function href(url, anchor) {
    return baseUrl() + "/" + url + (anchor ? "#" + anchor : "");
  }

  var scheduled = false;
  function schedule() {
    if (scheduled) return;
    scheduled = true;
    setTimeout(function () { scheduled = false; render(); }, 0);
  }

  function render() {
    if (!ui) return;
    var query = ui.input.value;
    if (query !== state.lastQuery) { state.lastQuery = query; state.shown = PAGE_STEP; }
    if (state.failed) return show("Không tải được chỉ mục tìm kiếm (thiếu thư mục search/ cạnh trang này).", "", "done");
    if (!fold(query)) return show("Gõ từ cần tìm, có dấu hay không dấu đều được.", "", "done");
    if (!state.meta) { load("kb-meta.js"); return show("Đang tải chỉ mục…", "", "loading"); }
    // the same query over the same files gives the same result: not computed twice
    var cached = state.cached, result;
    if (cached && cached.query === query && cached.arrivals === state.arrivals) result = cached.result;
    else { result = search(query); state.cached = { query: query, arrivals: state.arrivals, result: result }; }
    if (!result) return show("Gõ từ cần tìm, có dấu hay không dấu đều được.", "", "done");
    if (result.pending) return ui.state === "done" && ui.query === query ? null : show("Đang tìm…", null, "loading");
    if (!result.pages.length) return show("Không tìm thấy văn bản nào.", "", "done");
    var shown = result.pages.slice(0, state.shown), waiting = false;
    shown.forEach(function (page) { if (!state.pages[page.page]) { load("t/" + page.page + ".js"); waiting = true; } });
    if (waiting) return show("Đang tìm…", null, "loading");
    var signature = query + "\u0000" + state.shown + "\u0000" + shown.map(function (page) {
      return page.page + ":" + page.sections.slice(0, MAX_SECTIONS_PER_PAGE).map(function (h) { return h.index; }).join(",");
    }).join(" ") + "\u0000" + result.pages.length + "\u0000" + result.sectionCount;
    if (signature === state.signature && ui.state === "done") return;
    // Results are drawn a few pages per task, so no task (and no layout after it) grows long and
    // the best result shows first. «Xem thêm» keeps what is drawn and adds to it.
    var progress = state.progress;
    if (!progress || progress.signature !== signature) {
      var keep = progress && progress.query === query && shown.slice(0, progress.drawn).every(function (page, i) { return page.page === progress.pages[i]; }) ? progress.drawn : 0;
      if (keep) ui.list.querySelectorAll(".kb-xem-them").forEach(function (item) { item.remove(); });
      progress = state.progress = { signature: signature, query: query, drawn: keep, fresh: !keep, pages: shown.map(function (page) { return page.page; }) };
    }
    var to = Math.min(shown.length, progress.drawn + DRAW_STEP);
    var html = shown.slice(progress.drawn, to).map(function (page) { return renderPage(page, result); }).join("");
    if (progress.fresh) { progress.fresh = false; ui.list.innerHTML = html; } else ui.list.insertAdjacentHTML("beforeend", html);
    progress.drawn = to;
    if (to < shown.length) {
      setStatus("partial");
      schedule();
      return;
    }
    if (result.pages.length > shown.length) {
      ui.list.insertAdjacentHTML("beforeend", '<li class="md-search-result__item kb-xem-them"><button type="button" class="md-button kb-xem-them__nut">Xem thêm ' +
        Math.min(PAGE_STEP, result.pages.length - shown.length) + " kết quả</button></li>");
    }
    var meta = result.pages.length + " văn bản, trang · " + result.sectionCount + " đoạn, khoản có kết quả";
    var notes = [];
    if (result.corrected) notes.push('Có phải bạn tìm <a href="?q=' + encodeURIComponent(result.corrected) + '" class="kb-goi-y">' + escapeHtml(result.corrected) + "</a>?");
    if (!result.all && result.missing.length) {
      notes.push("Không có kết quả chứa đủ các từ; đang hiện kết quả thiếu: " + result.missing.map(function (w) { return "<s>" + escapeHtml(w.written) + "</s>"; }).join(", "));
    }
    show(meta, null, "done", notes.join(" "));
    state.signature = signature;
    if (state.pendingEnter) { state.pendingEnter = false; openBest(); }
  }

  function renderPage(page, result) {
    var data = state.pages[page.page];
    var items = page.sections.slice(0, MAX_SECTIONS_PER_PAGE).map(function (hit) {
      var section = data.s[hit.index] || ["", "", ""];
      var label = section[1] || (section[0] === "" ? "Đầu trang" : "");
      return '<a href="' + escapeHtml(href(data.u, section[0])) + '" class="md-search-result__link kb-ket-qua" data-kb-anchor="' +
        escapeHtml(section[0]) + '"><article class="md-search-result__article md-typeset">' +
        (label ? "<h2>" + escapeHtml(label) + "</h2>" : "") + "<p>" + snippet(section[2], result) + "</p></article></a>";
    }).join("");
    var missing = result.all ? "" : result.words.filter(function (w, i) { return !(page.bits & (1 << i)); });
    var note = missing && missing.length ? '<p class="kb-thieu-tu">Thiếu: ' + missing.map(function (w) { return "<s>" + escapeHtml(w.written) + "</s>"; }).join(", ") + "</p>" : "";
    return '<li class="md-search-result__item"><a href="' + escapeHtml(href(data.u, "")) +
      '" class="md-search-result__link kb-ket-qua-trang"><article class="md-search-result__article md-typeset"><h1>' +
      escapeHtml(data.t) + "</h1>" + note + "</article></a>" + items + "</li>";
  }

  function show(meta, html, status, notes) {
    state.signature = null;
    ui.meta.innerHTML = escapeHtml(meta) + (notes ? " · " + notes : "");
    if (html !== null) { ui.list.innerHTML = html; state.progress = null; }
    setStatus(status);
  }

  function setStatus(status) {
    ui.state = status;
    ui.query = ui.input.value;
    ui.box.setAttribute("data-kb-state", status);
    ui.box.setAttribute("data-kb-query", ui.input.value);
  }

  // Enter opens the best clause of the first result (when it has loaded)
  function openBest() {
    var first = ui.list.querySelector(".md-search-result__item .kb-ket-qua") || ui.list.querySelector(".kb-ket-qua-trang");
    if (first) first.click();
  }

  // ---- The search box in Material's header ----
  var ICON = '<svg viewBox="0 0 24 24" aria-hidden="true"><circle cx="10" cy="10" r="6" fill="none" stroke="currentColor" stroke-width="2"/><path d="M14.5 14.5 20 20" stroke="currentColor" stroke-width="2" stroke-linecap="round"/></svg>';
  var CLOSE = '<svg viewBox="0 0 24 24" aria-hidden="true"><path d="M6 6 18 18M18 6 6 18" stroke="currentColor" stroke-width="2" stroke-linecap="round"/></svg>';

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
      '<label class="md-search__icon md-icon" for="__search">' + ICON + "</label>" +
      '<button type="button" class="kb-dong-tim md-icon" aria-label="Đóng tìm kiếm" title="Đóng tìm kiếm">' + CLOSE + "</button></form>" +
      '<div class="md-search__output"><div class="md-search__scrollwrap" tabindex="0">' +
      '<div class="md-search-result"><div class="md-search-result__meta" aria-live="polite"></div>' +
      '<ol class="md-search-result__list" role="presentation"></ol></div></div></div></div></div>';
    var source = header.querySelector(".md-header__source");
    header.insertBefore(wrapper, source);
    ui = {
      box: wrapper.querySelector(".kb-search"),
      input: wrapper.querySelector(".md-search__input"),
      meta: wrapper.querySelector(".md-search-result__meta"),
      list: wrapper.querySelector(".md-search-result__list"),
      toggle: toggle,
    };
    function close() { toggle.checked = false; }
    // the small metadata file loads as soon as the reader is in the box, before the first letter
    ui.input.addEventListener("focus", function () { toggle.checked = true; load("kb-meta.js"); schedule(); });
    ui.input.addEventListener("input", function () { schedule(); rememberQuery(); });
    ui.input.addEventListener("keydown", function (event) {
      if (event.key === "Escape") { close(); ui.input.blur(); }
      if (event.key === "Enter") {
        event.preventDefault();
        if (ui.state === "done" && ui.query === ui.input.value) openBest(); else state.pendingEnter = true;
      }
    });
    wrapper.querySelector(".kb-dong-tim").addEventListener("click", function () { close(); ui.input.blur(); });
    // the overlay closes when focus moves outside it (Tab past the results, a click elsewhere)
    ui.box.addEventListener("focusout", function (event) {
      if (!event.relatedTarget || !ui.box.contains(event.relatedTarget)) {
        setTimeout(function () { if (!ui.box.contains(document.activeElement)) close(); }, 0);
      }
    });
    toggle.addEventListener("change", function () { if (toggle.checked) ui.input.focus(); });
    // a result on the same page only changes the #anchor: close the search so the clause shows
    ui.list.addEventListener("click", function (event) {
      var more = event.target.closest(".kb-xem-them__nut");
      if (more) { state.shown += PAGE_STEP; schedule(); return; }
      if (event.target.closest("a")) close();
    });
    ui.meta.addEventListener("click", function (event) {
      var suggestion = event.target.closest(".kb-goi-y");
      if (suggestion) {
        event.preventDefault();
        ui.input.value = new URLSearchParams(suggestion.getAttribute("href").slice(1)).get("q");
        ui.input.focus();
        rememberQuery();
        schedule();
      }
    });
    document.addEventListener("keydown", function (event) {
      var typing = /^(INPUT|TEXTAREA|SELECT)$/.test(document.activeElement && document.activeElement.tagName);
      if (event.key === "/" && !typing && !event.ctrlKey && !event.metaKey) { event.preventDefault(); ui.input.focus(); }
    });
    var params = new URLSearchParams(location.search);
    if (params.get("q")) { ui.input.value = params.get("q"); ui.input.focus(); }
  }

  // The address bar carries the query (?q=…), so a search can be shared as a link.
  var rememberTimer = null;
  function rememberQuery() {
    clearTimeout(rememberTimer);
    rememberTimer = setTimeout(function () {
      try {
        var url = new URL(location.href);
        if (fold(ui.input.value)) url.searchParams.set("q", ui.input.value); else url.searchParams.delete("q");
        history.replaceState(history.state, "", url.href);
      } catch (error) { /* some browsers refuse replaceState on file:// */ }
    }, 400);
  }

  // fold/accentKey/crc32: tests check them against the build's; files: what search has read (measurements)
  window.kbSearch = { fold: fold, accentKey: accentKey, crc32: crc32, files: function () { return Object.keys(state.files); } };
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", mount); else mount();
})();
