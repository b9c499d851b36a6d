// Kho chỉ thị dân vận: small behaviours of generated pages. No external code.
(function () {
  "use strict";

  // Sort a table by the clicked column; cells may carry data-sort with a sortable key.
  function cellKey(row, index) {
    var cell = row.cells[index];
    if (!cell) return "";
    var marked = cell.querySelector("[data-sort]");
    return (marked ? marked.getAttribute("data-sort") : cell.textContent).trim();
  }

  function makeSortable(table) {
    var headers = table.tHead ? table.tHead.rows[0].cells : [];
    Array.prototype.forEach.call(headers, function (th, index) {
      th.setAttribute("tabindex", "0");
      th.title = "Bấm để sắp xếp";
      function sort() {
        var ascending = th.getAttribute("aria-sort") !== "ascending";
        Array.prototype.forEach.call(headers, function (h) { h.removeAttribute("aria-sort"); });
        th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
        var body = table.tBodies[0];
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (a, b) {
          var result = cellKey(a, index).localeCompare(cellKey(b, index), "vi", { numeric: true });
          return ascending ? result : -result;
        });
        rows.forEach(function (row) { body.appendChild(row); });
      }
      th.addEventListener("click", sort);
      th.addEventListener("keydown", function (event) { if (event.key === "Enter") sort(); });
    });
  }

  // ---- Clause links for trainers: permalink, copy link, citation, print this clause ----
  var CLAUSES = ".md-typeset .kb-khoan[id], .md-typeset .kb-muc[id], .md-typeset .kb-doan[id]";

  function pageUrl() { return location.href.split("#")[0]; }

  function clauseUrl(el) { return pageUrl() + "#" + el.id; }

  // "Điểm b khoản 3 Chỉ thị … của Ủy ban nhân dân tỉnh Bến Tre": the heading text is the clause's
  // citation label; the document's citation name comes from <meta name="kb-trich-dan">.
  function citation(el) {
    var meta = document.querySelector('meta[name="kb-trich-dan"]');
    var name = meta ? meta.content : document.title;
    var label;
    if (el.classList.contains("kb-doan")) {
      var words = ownText(el).split(/\s+/).slice(0, 10).join(" ");
      label = "Đoạn “" + words + "…” trong";
    } else if (el.classList.contains("kb-muc")) {
      label = "Phần “" + ownText(el) + "”";
    } else {
      label = ownText(el);
    }
    return label + " " + name;
  }

  // Text of a heading or paragraph without our controls and the ¶ permalink.
  function ownText(el) {
    var copy = el.cloneNode(true);
    copy.querySelectorAll(".headerlink, .kb-dieu-khien").forEach(function (x) { x.remove(); });
    return copy.textContent.replace(/\s+/g, " ").trim();
  }

  function copyText(text, done) {
    function fallback() {
      var area = document.createElement("textarea");
      area.value = text;
      area.setAttribute("readonly", "");
      area.style.position = "fixed";
      area.style.opacity = "0";
      document.body.appendChild(area);
      area.select();
      var ok = false;
      try { ok = document.execCommand("copy"); } catch (e) { ok = false; }
      area.remove();
      done(ok);
    }
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text).then(function () { done(true); }, fallback);
    } else {
      fallback();
    }
  }

  function flash(button, ok) {
    var label = button.getAttribute("data-nhan");
    button.textContent = ok ? "Đã chép" : "Không chép được";
    setTimeout(function () { button.textContent = label; }, 1500);
  }

  // The clause's own elements: its heading and everything up to the next heading of the same or
  // a higher level (its points included); an anchored paragraph is just itself.
  function clauseElements(el) {
    var out = [el];
    if (!/^H[1-6]$/.test(el.tagName)) return out;
    var level = Number(el.tagName.charAt(1));
    for (var next = el.nextElementSibling; next; next = next.nextElementSibling) {
      if (/^H[1-6]$/.test(next.tagName) && Number(next.tagName.charAt(1)) <= level) break;
      if (next.classList.contains("kb-chi-in")) break;
      out.push(next);
    }
    return out;
  }

  // Mark one clause for printing (print CSS hides the rest); cleared after printing.
  function selectForPrint(el) {
    clearPrint();
    clauseElements(el).forEach(function (x) { x.classList.add("kb-in-chon"); });
    document.body.classList.add("kb-in-mot-phan");
    var note = document.querySelector(".kb-chi-in");
    if (note) {
      var cite = document.createElement("span");
      cite.className = "kb-in-trich-dan";
      cite.textContent = "Trích dẫn: " + citation(el) + ". ";
      note.insertBefore(cite, note.firstChild);
    }
    document.querySelectorAll(".kb-dia-chi").forEach(function (x) { x.textContent = clauseUrl(el); });
  }

  function clearPrint() {
    document.body.classList.remove("kb-in-mot-phan");
    document.querySelectorAll(".kb-in-chon").forEach(function (x) { x.classList.remove("kb-in-chon"); });
    document.querySelectorAll(".kb-in-trich-dan").forEach(function (x) { x.remove(); });
    document.querySelectorAll(".kb-dia-chi").forEach(function (x) { x.textContent = pageUrl(); });
  }

  function button(text, title, action) {
    var b = document.createElement("button");
    b.type = "button";
    b.className = "kb-nut";
    b.textContent = text;
    b.title = title;
    b.setAttribute("data-nhan", text);
    b.addEventListener("click", function (event) { event.preventDefault(); action(b); });
    return b;
  }

  function addClauseControls(el) {
    if (el.querySelector(".kb-dieu-khien")) return;
    var bar = document.createElement("span");
    bar.className = "kb-dieu-khien";
    bar.appendChild(button("Chép liên kết", "Chép địa chỉ tới đúng phần này", function (b) {
      history.replaceState(null, "", "#" + el.id);
      copyText(clauseUrl(el), function (ok) { flash(b, ok); });
    }));
    bar.appendChild(button("Trích dẫn", "Chép câu trích dẫn kèm địa chỉ", function (b) {
      copyText(citation(el) + " (" + clauseUrl(el) + ")", function (ok) { flash(b, ok); });
    }));
    bar.appendChild(button("In phần này", "In riêng phần này (kèm nguồn và địa chỉ)", function () {
      selectForPrint(el);
      window.print();
    }));
    if (!el.querySelector(".headerlink")) {
      var link = document.createElement("a");
      link.className = "headerlink";
      link.href = "#" + el.id;
      link.textContent = "¶";
      link.title = "Liên kết cố định tới phần này";
      el.appendChild(link);
    }
    el.appendChild(bar);
  }

  function init() {
    document.querySelectorAll(".kb-bang-sap-xep table").forEach(makeSortable);
    document.querySelectorAll(".kb-dia-chi").forEach(function (el) { el.textContent = pageUrl(); });
    document.querySelectorAll(CLAUSES).forEach(addClauseControls);
  }

  window.addEventListener("afterprint", clearPrint);
  window.kb = { citation: citation, selectForPrint: function (id) { selectForPrint(document.getElementById(id)); }, clearPrint: clearPrint };

  if (window.document$) window.document$.subscribe(init); else document.addEventListener("DOMContentLoaded", init);
})();
