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

  // A table with more than one row sorts by a column when its header button is pressed.
  function makeSortable(table) {
    var body = table.tBodies[0];
    if (!table.tHead || !body || body.rows.length < 2) return;
    var headers = table.tHead.rows[0].cells;
    Array.prototype.forEach.call(headers, function (th, index) {
      if (th.querySelector("a, button")) return;  // a header that is a link (matrix columns) stays a link
      var b = document.createElement("button");
      b.type = "button";
      b.className = "kb-sap-xep";
      while (th.firstChild) b.appendChild(th.firstChild);
      th.appendChild(b);
      b.title = "Sắp xếp theo cột này";
      b.addEventListener("click", function () {
        var ascending = th.getAttribute("aria-sort") !== "ascending";
        Array.prototype.forEach.call(headers, function (h) { h.removeAttribute("aria-sort"); });
        th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (a, c) {
          var result = cellKey(a, index).localeCompare(cellKey(c, index), "vi", { numeric: true });
          return ascending ? result : -result;
        });
        rows.forEach(function (row) { body.appendChild(row); });
      });
      // the whole header cell is the target (taller than its text when other headers wrap)
      th.addEventListener("click", function (event) { if (event.target === th) b.click(); });
    });
  }

  // Phones show each row as a card: every cell carries its column's name (CSS prints it before
  // the value), and explicit roles keep the table a table for screen readers when CSS lays it
  // out as blocks.
  function labelCells(table) {
    if (!table.tHead) return;
    var names = Array.prototype.map.call(table.tHead.rows[0].cells, function (th) { return th.textContent.trim(); });
    table.setAttribute("role", "table");
    Array.prototype.forEach.call(table.rows, function (row) {
      row.setAttribute("role", "row");
      Array.prototype.forEach.call(row.cells, function (cell, index) {
        if (cell.tagName === "TH") { cell.setAttribute("role", "columnheader"); return; }
        cell.setAttribute("role", "cell");
        if (names[index]) cell.setAttribute("data-cot", names[index]);
      });
    });
    Array.prototype.forEach.call(table.querySelectorAll("thead, tbody"), function (group) { group.setAttribute("role", "rowgroup"); });
  }

  // ---- Clause links for trainers: permalink, copy link, citation, print this clause ----
  var CLAUSES = ".md-typeset .kb-khoan[id], .md-typeset .kb-muc[id], .md-typeset .kb-doan[id]";

  function pageUrl() { return location.href.split("#")[0]; }

  function clauseUrl(el) { return pageUrl() + "#" + el.id; }

  // "Điểm b khoản 3 Chỉ thị … của Ủy ban nhân dân tỉnh Bến Tre": the heading text is the clause's
  // citation label; the document's citation name comes from <meta name="kb-trich-dan">.
  function citation(el) {
    var name = documentCitation();
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
    document.querySelectorAll(".kb-in-trich-dan").forEach(function (x) { x.textContent = citation(el); });
    document.querySelectorAll(".kb-dia-chi").forEach(function (x) { x.textContent = clauseUrl(el); });
    printFooter(citation(el) + " · " + clauseUrl(el));
  }

  function clearPrint() {
    document.body.classList.remove("kb-in-mot-phan");
    document.querySelectorAll(".kb-in-chon").forEach(function (x) { x.classList.remove("kb-in-chon"); });
    document.querySelectorAll(".kb-in-trich-dan").forEach(function (x) { x.textContent = documentCitation(); });
    document.querySelectorAll(".kb-dia-chi").forEach(function (x) { x.textContent = pageUrl(); });
    printFooter(documentCitation() + " · " + pageUrl());
  }

  // A document's citation; any other page is named by its title.
  function documentCitation() {
    var meta = document.querySelector('meta[name="kb-trich-dan"]');
    return meta ? meta.content : document.title;
  }

  // ---- One compact control per clause: a small button beside the text (never inside the
  // heading, so it is not part of the heading's name nor of a text selection) opening a panel
  // with the clause's label, its permanent link and the copy, cite and print actions. ----
  var panel = null;  // one panel for the whole page, moved to the clause whose button was pressed
  var openButton = null;

  function clauseLabel(el) {
    if (el.classList.contains("kb-doan")) return "Đoạn này";
    return ownText(el);
  }

  function actionButton(text, action) {
    var b = document.createElement("button");
    b.type = "button";
    b.className = "kb-nut";
    b.textContent = text;
    b.setAttribute("data-nhan", text);
    b.addEventListener("click", function (event) { event.preventDefault(); action(b); });
    return b;
  }

  function buildPanel() {
    panel = document.createElement("div");
    panel.className = "kb-cc-bang";
    panel.id = "kb-cc-bang";
    panel.hidden = true;
    panel.setAttribute("role", "group");
    var title = document.createElement("p");
    title.className = "kb-cc-tieu-de";
    title.id = "kb-cc-tieu-de";
    panel.setAttribute("aria-labelledby", title.id);
    panel.appendChild(title);
    var link = document.createElement("a");
    link.className = "kb-cc-lien-ket";
    link.textContent = "Liên kết cố định";
    panel.appendChild(link);
    panel.appendChild(actionButton("Chép liên kết", function (b) {
      var el = panel.clause;
      history.replaceState(null, "", "#" + el.id);
      copyText(clauseUrl(el), function (ok) { flash(b, ok); });
    }));
    panel.appendChild(actionButton("Trích dẫn", function (b) {
      var el = panel.clause;
      copyText(citation(el) + " (" + clauseUrl(el) + ")", function (ok) { flash(b, ok); });
    }));
    panel.appendChild(actionButton("In phần này", function () {
      var el = panel.clause;
      closePanel(false);
      selectForPrint(el);
      window.print();
    }));
    panel.addEventListener("keydown", function (event) {
      if (event.key === "Escape") { event.preventDefault(); closePanel(true); }
    });
    panel.addEventListener("focusout", function (event) {
      if (!panel.contains(event.relatedTarget) && event.relatedTarget !== openButton && event.relatedTarget) closePanel(false);
    });
    document.addEventListener("click", function (event) {
      if (!panel.hidden && !panel.contains(event.target) && event.target.closest(".kb-cc") !== openButton) closePanel(false);
    });
  }

  function openPanel(control, el) {
    if (!panel) buildPanel();
    if (openButton) openButton.setAttribute("aria-expanded", "false");
    openButton = control;
    panel.clause = el;
    panel.querySelector(".kb-cc-tieu-de").textContent = clauseLabel(el);
    panel.querySelector(".kb-cc-lien-ket").href = "#" + el.id;
    control.before(panel);  // the control stays right before its clause
    panel.hidden = false;
    control.setAttribute("aria-expanded", "true");
    panel.querySelector(".kb-cc-lien-ket").focus();
  }

  function closePanel(refocus) {
    if (!panel || panel.hidden) return;
    panel.hidden = true;
    if (openButton) {
      openButton.setAttribute("aria-expanded", "false");
      if (refocus) openButton.focus();
    }
    openButton = null;
  }

  var DOTS = '<svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true" focusable="false">' +
    '<circle cx="5" cy="12" r="2"/><circle cx="12" cy="12" r="2"/><circle cx="19" cy="12" r="2"/></svg>';

  function addClauseControl(el) {
    if (el.previousElementSibling && el.previousElementSibling.classList.contains("kb-cc")) return;
    // the ¶ permalink moves into the panel: inside a heading it would be read as part of its name
    el.querySelectorAll(".headerlink").forEach(function (x) { x.remove(); });
    var control = document.createElement("button");
    control.type = "button";
    control.className = "kb-cc";
    control.innerHTML = DOTS;
    control.setAttribute("aria-expanded", "false");
    control.setAttribute("aria-controls", "kb-cc-bang");
    control.setAttribute("aria-label", "Liên kết, trích dẫn, in: " + clauseLabel(el).toLowerCase());
    control.title = "Liên kết, trích dẫn, in phần này";
    control.addEventListener("click", function () {
      if (openButton === control) closePanel(false); else openPanel(control, el);
    });
    el.before(control);
  }

  // On paper every page carries the citation and the address (Chromium prints @page margin boxes).
  function printFooter(text) {
    var style = document.getElementById("kb-chan-trang-in");
    if (!style) {
      style = document.createElement("style");
      style.id = "kb-chan-trang-in";
      document.head.appendChild(style);
    }
    style.textContent = "@page { @bottom-left { content: " + cssString(text) + "; } }";
  }

  // A CSS string literal: every character that could end it is written as a hex escape.
  function cssString(text) {
    return '"' + text.replace(/[\\"\n\r\f]/g, function (c) { return "\\" + c.charCodeAt(0).toString(16) + " "; }) + '"';
  }

  // A table wider than the page scrolls sideways in its wrapper: keyboard users must reach it.
  function scrollableByKeyboard(wrapper) {
    if (wrapper.scrollWidth <= wrapper.clientWidth + 1) return;
    wrapper.setAttribute("tabindex", "0");
    wrapper.setAttribute("role", "region");
    wrapper.setAttribute("aria-label", "Bảng rộng, cuộn ngang để xem hết");
  }

  function init() {
    document.querySelectorAll(".kb-bang-sap-xep table").forEach(function (table) {
      labelCells(table);
      makeSortable(table);
    });
    document.querySelectorAll(".kb-dia-chi").forEach(function (el) { el.textContent = pageUrl(); });
    document.querySelectorAll(CLAUSES).forEach(addClauseControl);
    document.querySelectorAll(".md-typeset__scrollwrap").forEach(scrollableByKeyboard);
    clearPrint();
  }

  window.addEventListener("afterprint", clearPrint);
  window.kb = { citation: citation, selectForPrint: function (id) { selectForPrint(document.getElementById(id)); }, clearPrint: clearPrint };

  if (window.document$) window.document$.subscribe(init); else document.addEventListener("DOMContentLoaded", init);
})();
