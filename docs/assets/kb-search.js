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
  var TYPING_PAUSE_MS = 120; // a word being typed: its results' text waits until the keys pause this long
  var DRAW_BUDGET_MS = 12; // a render task draws results until it has run this long, then yields (the page never freezes)
  var MAX_SECTIONS_PER_PAGE = 3;
  var state = { lastInput: -1e9, arrivals: 0, meta: null, vocab: null, files: {}, shards: {}, pages: {}, decoded: new Map(), filter: null, failed: false, shown: PAGE_STEP, lastQuery: null };
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
    // a bitset of the sections in each page's head (title, properties: up to three per page)
    var heads = new Int32Array((firsts[kinds.length] + 31) >> 5);
    for (var p = 0; p < kinds.length; p++) {
      for (var t = firsts[p], end = Math.min(firsts[p + 1], t + (kinds.charCodeAt(p) - 48 & 3)); t < end; t++) heads[t >> 5] |= 1 << (t & 31);
    }
    meta.heads = heads;
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
  window.kbSearchPage = function (number, page) { page.parts = [page.s]; state.pages[number] = page; schedule(); };
  window.kbSearchPagePart = function (number, k, sections) { state.pages[number].parts[k] = sections; schedule(); };

  // a section of a loaded page: its text may be in a part of its own (t/<page>-<k>.js), requested
  // here; null until that part has loaded
  function sectionOf(number, index) {
    var page = state.pages[number], starts = page.c || [], k = 0;
    while (k < starts.length && starts[k] <= index) k++;
    var part = page.parts[k];
    if (!part) { load("t/" + number + "-" + k + ".js"); return null; }
    return part[index - (k ? starts[k - 1] : 0)] || ["", "", ""];
  }
  // kb-loc.js (read when the reader opens «Lọc»): per filter the names and each page's values
  window.kbSearchFilters = function (filters) {
    Object.keys(filters).forEach(function (name) {
      var flat = decodeNumbers(filters[name].pages), starts = [0], values = new Int32Array(flat.length), at = 0, count = 0;
      while (at < flat.length) {
        var k = flat[at++];
        for (var j = 0; j < k; j++) values[count++] = flat[at++];
        starts.push(count);
      }
      filters[name].starts = starts;
      filters[name].values = values;
    });
    state.filters = filters;
    fillFilters();
    if (state.linkedFilters) chooseLinkedFilters();
    schedule();
  };

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

  // A section list (kb.search_index.encode_list): gaps, or "!" + a base64 bitmap of all sections.
  // Either way it becomes a set of sections: positions (short lists) or a bitset (long ones),
  // kept for the next query.
  function decodeList(text, total) {
    if (text.charCodeAt(0) === 33) {
      var bytes = atob(text.slice(1)), bits = new Int32Array((total + 31) >> 5);
      for (var b = 0, w = 0; b < bytes.length; b += 4, w++) {
        bits[w] = bytes.charCodeAt(b) | bytes.charCodeAt(b + 1) << 8 | bytes.charCodeAt(b + 2) << 16 | bytes.charCodeAt(b + 3) << 24;
      }
      return { bits: bits };
    }
    var positions = new Int32Array(text.length), count = 0, value = 0, previous = -1;
    for (var i = 0; i < text.length; i++) {
      var code = text.charCodeAt(i);
      if (code >= 93) value = value * 32 + code - 93;
      else { value = value * 32 + code - 35; previous = previous < 0 ? value : previous + value + 1; positions[count++] = previous; value = 0; }
    }
    return { positions: positions.subarray(0, count) };
  }

  // set the sections of `list` in the bitset `into`
  function addTo(into, list) {
    if (list.bits) { var bits = list.bits; for (var w = 0; w < bits.length; w++) into[w] |= bits[w]; return; }
    var positions = list.positions;
    for (var i = 0; i < positions.length; i++) into[positions[i] >> 5] |= 1 << (positions[i] & 31);
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
    if (!list) { list = decodeList(text, state.meta.sections); state.decoded.set(cacheKey, list); }
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
      if (completions.length) return { tokens: completions, corrected: null, completing: true };
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

    // one bitset per query word (sections with it, any accents), per word with the reader's
    // accents, per neighbouring pair: a query is a few ANDs and ORs a machine word at a time
    var total = meta.sections, size = (total + 31) >> 5, n = Math.min(words.length, 24);
    var found = [], exact = [], paired = [];
    words.slice(0, n).forEach(function (word, i) {
      var any = found[i] = bitset("f" + i, size), same = exact[i] = bitset("e" + i, size);
      alts[i].tokens.forEach(function (token) {
        var value = entry(token);
        if (!value) return;
        if (typeof value === "string") value = { plain: value };
        Object.keys(value).forEach(function (variant) {
          var list = sectionsOf(token + "|" + variant, value[variant]);
          addTo(any, list);
          if (word.accent !== null && (variant === word.accent || (variant === "plain" && word.accent === token + "0"))) addTo(same, list);
        });
      });
    });
    var pairsPending = false;
    for (var i = 0; i + 1 < n; i++) {
      var pair = paired[i] = bitset("p" + i, size);
      // a word still being typed stands for several completions: its pairs wait for the next key
      if (alts[i].tokens.length > 1 || alts[i + 1].tokens.length > 1) continue;
      alts[i].tokens.forEach(function (a) {
        alts[i + 1].tokens.forEach(function (b) {
          var value = entry(a + " " + b);
          if (value === undefined) { pairsPending = true; return; }
          if (value) addTo(pair, sectionsOf(a + " " + b, value));
        });
      });
    }
    if (pairsPending) return { pending: true };

    // the sections to rank: those with every word; if none has them all, those with the most
    // the sections to rank: those with every word; if none has them all, those with the most.
    // Kept by the result (its best sections are found when a page is shown), so not a shared buffer.
    var chosen = new Int32Array(size), best = n;
    for (var w = 0; w < size; w++) {
      var all = -1;
      for (var i = 0; i < n; i++) all &= found[i][w];
      chosen[w] = all;
    }
    if (!chosen.some(function (v) { return v !== 0; })) best = mostWords(found, chosen, size);
    // chosen sections with the whole phrase (every neighbouring pair), and with a word in the reader's accents
    var phrased = new Int32Array(size), accented = new Int32Array(size);
    for (var w = 0; w < size; w++) {
      var c = chosen[w];
      if (!c) continue;
      var whole = best === n ? c : 0;
      for (var i = 0; whole && i + 1 < n; i++) whole &= paired[i][w];
      phrased[w] = whole;
      var any = 0;
      for (var i = 0; i < n; i++) any |= exact[i][w];
      accented[w] = any & c;
    }

    // Pages are scored a machine word (32 sections) at a time, not a section at a time: the
    // commonest words are in most of the 300,000 sections of 10,000 documents. Per page: phrase
    // (bit 6), most words with the reader's accents in one section (bits 1-5), a match in the
    // head (bit 0); how many sections match; which query words it has.
    var pageCount = meta.kinds.length, firsts = meta.firsts, kinds = meta.kinds, heads = meta.heads, allow = state.filter;
    var score = buffer("score", pageCount), count = buffer("count", pageCount), bitsOf = buffer("bits", pageCount);
    var touched = [], p = 0, everyBits = 0;
    for (var w = 0; w < size; w++) {
      var c = chosen[w];
      if (!c) continue;
      var start = w << 5;
      while (firsts[p + 1] <= start) p++;
      for (;;) {
        var from = firsts[p] - start, to = firsts[p + 1] - start;
        var mask = (to >= 32 ? -1 : (1 << to) - 1) & (from <= 0 ? -1 : ~((1 << from) - 1));
        var bits = c & mask;
        if (bits && !(allow && !allow(p))) {
          if (!count[p]) touched.push(p);
          count[p] += popcount(bits);
          var s = score[p] | (phrased[w] & mask ? 64 : 0) | (heads[w] & bits ? 1 : 0);
          var marked = accented[w] & mask;
          while (marked) {
            var low = marked & -marked, exactCount = 0;
            marked ^= low;
            for (var i = 0; i < n; i++) if (exact[i][w] & low) exactCount++;
            if (exactCount > (s >> 1 & 31)) s = s & ~62 | exactCount << 1;
          }
          score[p] = s;
          for (var i = 0; i < n; i++) if (found[i][w] & bits) bitsOf[p] |= 1 << i;
        }
        if (to >= 32 || p + 1 >= pageCount) break;
        p++;
      }
    }
    touched.forEach(function (page) { everyBits |= bitsOf[page]; });
    var numberedPages = new Set();
    if (number && numbered) {
      numbered.forEach(function (item) {
        var codes = item[2] ? item[2].split(" ") : [];
        if (number.year && item[1] !== number.year) return;
        if (!number.codes.every(function (code) { return codes.indexOf(code) !== -1; })) return;
        if (allow && !allow(item[0])) return;
        if (!count[item[0]] && !numberedPages.has(item[0])) touched.push(item[0]);
        numberedPages.add(item[0]);
      });
    }
    // one number per page orders them all: number asked for, phrase, accents, kind, head, sections
    var keys = new Float64Array(touched.length);
    touched.forEach(function (page, k) {
      var s = score[page], kind = kinds.charCodeAt(page) - 48 >> 2;
      var rank = ((((numberedPages.has(page) ? 1 : 0) * 2 + (s >> 6 & 1)) * 32 + (s >> 1 & 31)) * 4 + (3 - kind)) * 2 + (s & 1);
      keys[k] = (rank * 1048576 + Math.min(count[page], 1048575)) * 1048576 + (1048575 - page);
    });
    keys.sort();
    var ranked = new Int32Array(touched.length);
    for (var k = 0; k < touched.length; k++) ranked[k] = 1048575 - keys[touched.length - 1 - k] % 1048576;
    var sectionCount = 0;
    touched.forEach(function (page) { sectionCount += count[page]; });
    var missing = best < n ? words.slice(0, n).filter(function (w, i) { return !(everyBits & (1 << i)); }) : [];
    var materialized = [];
    return {
      words: words, alts: alts, lastComplete: lastComplete, all: best >= n, missing: missing, total: ranked.length,
      completing: alts.some(function (alt) { return alt.completing; }),
      corrected: corrected ? words.map(function (w, i) { return alts[i].corrected || w.token; }).join(" ") : null,
      sectionCount: sectionCount,
      // the first k pages of the results, each with its best sections (reading order on a tie)
      top: function (k) {
        for (var i = materialized.length; i < Math.min(k, ranked.length); i++) {
          var page = ranked[i], hits = bestSections(page, chosen, phrased, accented);
          hits.sort(function (a, b) { return b - a; });
          var sections = hits.map(function (packed) { return { index: 65535 - (packed % 65536) }; });
          if (!sections.length) sections.push({ index: 0 });
          materialized.push({ page: page, sections: sections, bits: bitsOf[page], count: count[page] });
        }
        return materialized.slice(0, k);
      },
    };
  }

  // sections with the most query words, when none has them all (a few words typed apart)
  function mostWords(found, chosen, size) {
    var counts = buffer("most", size * 32), best = 0;
    for (var w = 0; w < size; w++) {
      for (var i = 0; i < found.length; i++) {
        var v = found[i][w];
        while (v) { var low = v & -v; v ^= low; var c = ++counts[(w << 5) + 31 - Math.clz32(low)]; if (c > best) best = c; }
      }
    }
    for (var w = 0; w < size; w++) {
      var bits = 0;
      for (var b = 0; b < 32; b++) if (best && counts[(w << 5) + b] === best) bits |= 1 << b;
      chosen[w] = bits;
    }
    return best;
  }

  // The MAX_SECTIONS_PER_PAGE best chosen sections of a page shown, each packed as
  // score * 65536 + 65535 - index: whole phrase, in the head, a word in the reader's accents;
  // on a tie the earlier section (a larger number is better).
  function bestSections(page, chosen, phrased, accented) {
    var meta = state.meta, first = meta.firsts[page], heads = meta.kinds.charCodeAt(page) - 48 & 3, kept = [];
    for (var t = first; t < meta.firsts[page + 1]; t++) {
      var w = t >> 5, bit = 1 << (t & 31);
      if (!(chosen[w] & bit)) continue;
      var index = t - first;
      var packed = ((phrased[w] & bit ? 4 : 0) + (index < heads ? 2 : 0) + (accented[w] & bit ? 1 : 0)) * 65536 + 65535 - Math.min(index, 65535);
      if (kept.length < MAX_SECTIONS_PER_PAGE) { kept.push(packed); continue; }
      var worst = 0;
      for (var j = 1; j < kept.length; j++) if (kept[j] < kept[worst]) worst = j;
      if (packed > kept[worst]) kept[worst] = packed;
    }
    return kept;
  }

  function popcount(v) {
    v = v - (v >>> 1 & 0x55555555);
    v = (v & 0x33333333) + (v >>> 2 & 0x33333333);
    return Math.imul(v + (v >>> 4) & 0x0f0f0f0f, 0x01010101) >>> 24;
  }

  // typed arrays kept between queries (no garbage per query), emptied for each
  var buffers = {};
  function buffer(name, size) {
    var b = buffers[name];
    if (!b || b.length !== size) b = buffers[name] = new Int32Array(size); else b.fill(0);
    return b;
  }
  function bitset(name, size) { return buffer(name, size); }


  // ---- Snippets: the readers' text around the first matching word, matches marked ----
  function escapeHtml(text) {
    return String(text).replace(/[&<>"]/g, function (c) { return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" }[c]; });
  }

  // words; characters searched for a match (the index keeps no more of a section: kb.search_index.SNIPPET_CHARS)
  var SNIPPET_BEFORE = 10, SNIPPET_AFTER = 24, SNIPPET_SCAN = 20000;

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
    setTimeout(function () {
      scheduled = false;
      var started = state.taskStarted = performance.now();
      render();
      state.longestRender = Math.max(state.longestRender || 0, performance.now() - started);
    }, 0);
  }

  function render() {
    if (!ui) return;
    var query = ui.input.value;
    if (query !== state.lastQuery) { state.lastQuery = query; state.shown = PAGE_STEP; }
    if (state.failed) return show("Không tải được chỉ mục tìm kiếm (thiếu thư mục search/ cạnh trang này).", "", "done");
    if (!fold(query)) return show("Gõ từ cần tìm, có dấu hay không dấu đều được.", "", "done");
    if (!state.meta) { load("kb-meta.js"); return show("Đang tải chỉ mục…", "", "loading"); }
    if (state.linkedFilters) return show("Đang tải bộ lọc…", null, "loading");
    // the same query over the same files gives the same result: not computed twice
    var cached = state.cached, result;
    if (cached && cached.query === query && cached.arrivals === state.arrivals && cached.filter === state.filter) result = cached.result;
    else {
      var started = performance.now();
      result = search(query);
      state.spent = performance.now() - started;
      state.cached = { query: query, arrivals: state.arrivals, filter: state.filter, result: result };
    }
    if (!result) return show("Gõ từ cần tìm, có dấu hay không dấu đều được.", "", "done");
    if (result.pending) return ui.state === "done" && ui.query === query ? null : show("Đang tìm…", null, "loading");
    if (!result.total) return show(state.filter ? "Không có văn bản nào khớp bộ lọc." : "Không tìm thấy văn bản nào.", "", "done");
    var shown = result.top(state.shown), waiting = false;
    // A word still being typed ("dân v") stands for its commonest completions: the text of their
    // pages is read only once the reader pauses, not for every letter on the way.
    var typing = TYPING_PAUSE_MS - (performance.now() - state.lastInput);
    if (result.completing && typing > 0 && shown.some(function (page) { return !state.pages[page.page]; })) {
      clearTimeout(state.pauseTimer);
      state.pauseTimer = setTimeout(schedule, typing + 1);
      return show("Đang tìm…", null, "loading");
    }
    shown.forEach(function (page) { if (!state.pages[page.page]) { load("t/" + page.page + ".js"); waiting = true; } });
    if (!waiting) shown.forEach(function (page) {
      page.sections.slice(0, MAX_SECTIONS_PER_PAGE).forEach(function (hit) { if (!sectionOf(page.page, hit.index)) waiting = true; });
    });
    if (waiting) return show("Đang tìm…", null, "loading");
    var signature = query + "\u0000" + state.shown + "\u0000" + shown.map(function (page) {
      return page.page + ":" + page.sections.slice(0, MAX_SECTIONS_PER_PAGE).map(function (h) { return h.index; }).join(",");
    }).join(" ") + "\u0000" + result.total + "\u0000" + result.sectionCount;
    if (signature === state.signature && ui.state === "done") return;
    // Results are drawn best first, as many as fit in DRAW_BUDGET_MS of this task (at least one);
    // the rest in the next task, so the best show first and no task runs long. «Xem thêm» keeps
    // what is drawn and adds to it.
    var progress = state.progress;
    if (!progress || progress.signature !== signature) {
      // what is drawn stays if the new list begins with it (a shorter list is drawn afresh)
      var keep = progress && progress.query === query && shown.length >= progress.drawn &&
        shown.slice(0, progress.drawn).every(function (page, i) { return page.page === progress.pages[i]; }) ? progress.drawn : 0;
      if (keep) ui.list.querySelectorAll(".kb-xem-them").forEach(function (item) { item.remove(); });
      progress = state.progress = { signature: signature, query: query, drawn: keep, fresh: !keep, pages: shown.map(function (page) { return page.page; }) };
    }
    var to = progress.drawn, html = "";
    while (to < shown.length && (to === progress.drawn || performance.now() - state.taskStarted < DRAW_BUDGET_MS)) html += renderPage(shown[to++], result);
    if (progress.fresh) { progress.fresh = false; ui.list.innerHTML = html; } else ui.list.insertAdjacentHTML("beforeend", html);
    progress.drawn = to;
    if (to < shown.length) {
      setStatus("partial");
      schedule();
      return;
    }
    if (result.total > shown.length) {
      ui.list.insertAdjacentHTML("beforeend", '<li class="md-search-result__item kb-xem-them"><button type="button" class="md-button kb-xem-them__nut">Xem thêm ' +
        Math.min(PAGE_STEP, result.total - shown.length) + " kết quả</button></li>");
    }
    var meta = result.total + " văn bản, trang · " + result.sectionCount + " đoạn, khoản có kết quả" + (state.filter ? " (đã lọc)" : "");
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
      var section = sectionOf(page.page, hit.index);
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
    var line = escapeHtml(meta) + (notes ? " · " + notes : "");
    if (line !== ui.line) ui.meta.innerHTML = ui.line = line;  // a live region: announced only when it changes
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

  // «Lọc»: native selects with labels (keyboard and screen readers need nothing more)
  var FILTER_LABELS = { type: "Loại văn bản", year: "Năm ban hành", issuer: "Cơ quan ban hành" };
  // in a shared link (?q=…&loai=Chỉ thị&nam=2019): values by name, so a link outlives new documents
  var FILTER_PARAMS = { type: "loai", year: "nam", issuer: "co-quan" };
  var FILTERS = '<div class="kb-loc"><button type="button" class="kb-loc__mo" aria-expanded="false" aria-controls="kb-loc-chon">Lọc kết quả</button>' +
    '<div class="kb-loc__chon" id="kb-loc-chon" role="group" aria-label="Lọc kết quả" hidden>' +
    Object.keys(FILTER_LABELS).map(function (name) {
      return '<label class="kb-loc__muc"><span>' + FILTER_LABELS[name] + '</span><select data-kb-loc="' + name + '"><option value="">Tất cả</option></select></label>';
    }).join("") + '<button type="button" class="kb-loc__bo md-button">Bỏ lọc</button></div></div>';

  function fillFilters() {
    if (!ui || !state.filters) return;
    ui.box.querySelectorAll("select[data-kb-loc]").forEach(function (select) {
      var filter = state.filters[select.getAttribute("data-kb-loc")];
      if (!filter || select.options.length > 1) return;
      select.insertAdjacentHTML("beforeend", filter.names.map(function (name, i) {
        return '<option value="' + i + '">' + escapeHtml(name) + "</option>";
      }).join(""));
    });
  }

  // a shared link's filters, chosen once kb-loc.js has loaded (a name it no longer has is dropped)
  function chooseLinkedFilters() {
    var wanted = state.linkedFilters;
    state.linkedFilters = null;
    ui.box.querySelectorAll("select[data-kb-loc]").forEach(function (select) {
      var name = wanted[select.getAttribute("data-kb-loc")];
      if (!name) return;
      var option = Array.prototype.find.call(select.options, function (o) { return o.value !== "" && o.textContent === name; });
      if (option) select.value = option.value;
    });
    applyFilters();
  }

  // the pages the chosen values allow (null: every page)
  function applyFilters() {
    var chosen = [];
    ui.box.querySelectorAll("select[data-kb-loc]").forEach(function (select) {
      var filter = state.filters && state.filters[select.getAttribute("data-kb-loc")];
      if (filter && select.value !== "") chosen.push({ filter: filter, value: +select.value });
    });
    state.filter = !chosen.length ? null : function (p) {
      return chosen.every(function (c) {
        for (var i = c.filter.starts[p]; i < c.filter.starts[p + 1]; i++) if (c.filter.values[i] === c.value) return true;
        return false;
      });
    };
    ui.box.classList.toggle("kb-dang-loc", !!state.filter);
    // the results on screen are not final for the new choice until it has run
    state.signature = null;
    setStatus("loading");
    schedule();
    rememberQuery();
  }

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
      '<div class="md-search-result"><div class="md-search-result__meta" aria-live="polite"></div>' + FILTERS +
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
    ui.input.addEventListener("input", function () { state.lastInput = performance.now(); schedule(); rememberQuery(); });
    ui.input.addEventListener("keydown", function (event) {
      if (event.key === "Escape") { close(); ui.input.blur(); }
      if (event.key === "Enter") {
        event.preventDefault();
        if (ui.state === "done" && ui.query === ui.input.value) openBest(); else state.pendingEnter = true;
      }
    });
    wrapper.querySelector(".kb-dong-tim").addEventListener("click", function () { close(); ui.input.blur(); });
    var opener = wrapper.querySelector(".kb-loc__mo"), panel = wrapper.querySelector(".kb-loc__chon");
    opener.addEventListener("click", function () {
      var open = opener.getAttribute("aria-expanded") !== "true";
      opener.setAttribute("aria-expanded", String(open));
      panel.hidden = !open;
      if (open && !state.filters) load("kb-loc.js");
    });
    panel.addEventListener("change", applyFilters);
    panel.querySelector(".kb-loc__bo").addEventListener("click", function () {
      panel.querySelectorAll("select").forEach(function (select) { select.value = ""; });
      applyFilters();
    });
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
    var params = new URLSearchParams(location.search), linked = {}, anyLinked = false;
    Object.keys(FILTER_PARAMS).forEach(function (name) {
      var value = params.get(FILTER_PARAMS[name]);
      if (value) { linked[name] = value; anyLinked = true; }
    });
    if (anyLinked) {
      // the reader sees what the link filters by: the panel opens with those values chosen
      state.linkedFilters = linked;
      opener.setAttribute("aria-expanded", "true");
      panel.hidden = false;
      load("kb-loc.js");
    }
    if (params.get("q")) { ui.input.value = params.get("q"); ui.input.focus(); }
  }

  // The address bar carries the query and its filters (?q=…&loai=…), so a search can be shared as a link.
  var rememberTimer = null;
  function rememberQuery() {
    clearTimeout(rememberTimer);
    rememberTimer = setTimeout(function () {
      try {
        var url = new URL(location.href), searching = !!fold(ui.input.value);
        if (searching) url.searchParams.set("q", ui.input.value); else url.searchParams.delete("q");
        ui.box.querySelectorAll("select[data-kb-loc]").forEach(function (select) {
          var param = FILTER_PARAMS[select.getAttribute("data-kb-loc")], option = select.options[select.selectedIndex];
          if (searching && option && option.value !== "") url.searchParams.set(param, option.textContent); else url.searchParams.delete(param);
        });
        history.replaceState(history.state, "", url.href);
      } catch (error) { /* some browsers refuse replaceState on file:// */ }
    }, 400);
  }

  // fold/accentKey/crc32: tests check them against the build's; files: what search has read, spent:
  // ms of the last search computed and of the longest render task (measurements)
  window.kbSearch = { fold: fold, accentKey: accentKey, crc32: crc32, files: function () { return Object.keys(state.files); }, spent: function () { return { search: state.spent, longestRender: state.longestRender }; } };
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", mount); else mount();
})();
