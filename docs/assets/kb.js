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

  function init() {
    document.querySelectorAll(".kb-bang-sap-xep table").forEach(makeSortable);
    document.querySelectorAll(".kb-dia-chi").forEach(function (el) { el.textContent = location.href.split("#")[0]; });
  }

  if (window.document$) window.document$.subscribe(init); else document.addEventListener("DOMContentLoaded", init);
})();
