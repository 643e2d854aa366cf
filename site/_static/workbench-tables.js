/* Tables that sort and filter: DataTables (from the itables wheel, see
   site/_ext/sortable_tables.py) on each table of the site with more than a few rows.

   - Numbers sort as numbers, read as the page's language writes them (1,234.5 or 1.234,5);
     a cell that begins with a number ("13 (76.5%, 52.7–90.4)") sorts by it. "–" (no value)
     sorts last either way.
   - A table whose rows stand under headings keeps them: rows sort within their heading.
   - The filter box keeps the rows that contain its words.
   - Before printing, every row comes back in the printed order.
   Without this script a table is the escaped HTML table the site writes. */
(function () {
  "use strict";
  var MIN_ROWS = 6;       /* fewer data rows than this: nothing to sort or filter */
  var MISSING = "–";
  var script = document.currentScript;
  var libraryUrl = new URL(script.dataset.library, script.src).href;
  var words = window.workbenchTableWords;   /* workbench-table-words.js, in the edition's language */
  var lang = (document.documentElement.lang || "en").split("-")[0];

  var parts = new Intl.NumberFormat(lang).formatToParts(1234567.5);
  function part(type, fallback) {
    var found = parts.find(function (p) { return p.type === type; });
    return found ? found.value : fallback;
  }
  function escaped(text) { return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"); }
  var group = escaped(part("group", ",")), decimal = escaped(part("decimal", "."));
  /* A number as the page writes it, perhaps after < or ≤, before %, a mark († *) or a
     parenthesis (an interval or a share). */
  var NUMBER = new RegExp("^(?:[<>≤≥]\\s*)?([-−]?(?:\\d{1,3}(?:" + group + "\\d{3})+|\\d+)(?:" + decimal +
                          "\\d+)?)\\s*%?\\s*[†‡*]*(?:\\s*\\(.*\\))?$");

  var decoder = document.createElement("textarea");
  var texts = new Map();
  function text(data) {              /* a cell's text, without the tags DataTables keeps */
    if (texts.has(data)) return texts.get(data);
    decoder.innerHTML = String(data).replace(/<[^>]*>/g, "");
    var value = decoder.value.trim();
    texts.set(data, value);
    return value;
  }
  function isMissing(data) { var t = text(data); return t === "" || t === MISSING; }
  function numberOf(data) {
    var match = NUMBER.exec(text(data));
    if (!match) return null;
    var plain = match[1].split(part("group", ",")).join("").replace(part("decimal", "."), ".").replace("−", "-");
    return parseFloat(plain);
  }
  var collator = new Intl.Collator(lang, {numeric: true, sensitivity: "base"});
  function lastIfMissing(compare) {  /* missing cells last, in either direction */
    return {
      asc: function (a, b) { return isMissing(a) - isMissing(b) || (isMissing(a) ? 0 : compare(a, b)); },
      desc: function (a, b) { return isMissing(a) - isMissing(b) || (isMissing(a) ? 0 : compare(b, a)); }
    };
  }

  function dataRows(table) {
    return Array.prototype.filter.call(table.tBodies[0] ? table.tBodies[0].rows : [], function (row) {
      return !row.classList.contains("group");
    });
  }
  function isNumeric(table, column) {
    var cells = dataRows(table).map(function (row) { return row.cells[column].innerHTML; });
    var given = cells.filter(function (cell) { return !isMissing(cell); });
    return given.length > 0 && given.every(function (cell) { return numberOf(cell) !== null; });
  }

  /* A table with group headings (rows of one cell spanning the table) becomes a table with two
     hidden columns, the heading's place and its text, which RowGroup shows again as headings. */
  function ungroup(table) {
    var body = table.tBodies[0];
    var headings = body.querySelectorAll("tr.group");
    if (!headings.length) return false;
    var place = -1, heading = "";
    Array.prototype.slice.call(body.rows).forEach(function (row) {
      if (row.classList.contains("group")) {
        place += 1;
        heading = row.textContent.trim();
        row.remove();
        return;
      }
      var order = document.createElement("td"), title = document.createElement("td");
      order.textContent = String(place);
      title.textContent = heading;
      row.insertBefore(title, row.firstChild);
      row.insertBefore(order, title);
    });
    var head = table.tHead.rows[0];
    head.insertBefore(document.createElement("th"), head.firstChild);
    head.insertBefore(document.createElement("th"), head.firstChild);
    return true;
  }

  /* The caption shown above the filter box, which DataTables puts before the table; the
     table's own caption stays for screen readers, which then hear it once. */
  function shownCaption(table) {
    if (!table.caption) return null;
    var shown = document.createElement("div");
    shown.className = "table-caption";
    shown.setAttribute("aria-hidden", "true");
    shown.textContent = table.caption.textContent;
    table.caption.classList.add("visually-hidden");
    return shown;
  }

  function enhance(DataTable) {
    DataTable.type("workbench-number", {
      order: lastIfMissing(function (a, b) { return numberOf(a) - numberOf(b); }),
      search: text
    });
    DataTable.type("workbench-text", {
      order: lastIfMissing(function (a, b) { return collator.compare(text(a), text(b)); }),
      search: text
    });
    var tables = [];
    document.querySelectorAll("table.workbench-table").forEach(function (table) {
      if (dataRows(table).length < MIN_ROWS || !table.tHead) return;
      var columns = table.tHead.rows[0].cells.length;
      var types = [];
      for (var k = 0; k < columns; k++) {
        types.push(isNumeric(table, k) ? "workbench-number" : "workbench-text");
        table.tHead.rows[0].cells[k].dataset.sortAs = types[k] === "workbench-number" ? "number" : "text";
      }
      var grouped = ungroup(table);
      var columnDefs = types.map(function (type, k) { return {targets: k + (grouped ? 2 : 0), type: type}; });
      if (grouped) {
        columnDefs.push({targets: 0, type: "num", visible: false, searchable: false});
        columnDefs.push({targets: 1, type: "workbench-text", visible: false});
      }
      var shown = shownCaption(table);
      /* DataTables reads a caption's computed style, which makes the browser recompute the
         style of the whole page once per table (a third of a long report's load): it gets
         the table without its caption, which goes back first once the table is set up. */
      var caption = table.caption;
      if (caption) table.removeChild(caption);
      tables.push(new DataTable(table, {
        paging: false,
        autoWidth: false,
        order: [],
        orderFixed: grouped ? {pre: [[0, "asc"]]} : undefined,
        rowGroup: grouped ? {dataSrc: 1, className: "group"} : undefined,
        columnDefs: columnDefs,
        language: words,
        layout: {top2Start: shown, topStart: "search", topEnd: null, bottomStart: "info", bottomEnd: null}
      }));
      if (caption) table.insertBefore(caption, table.firstChild);
    });
    /* In print, every row in the printed order; the reader's view comes back afterwards. */
    var views = [];
    window.addEventListener("beforeprint", function () {
      views = tables.map(function (t) { return {search: t.search(), order: t.order()}; });
      tables.forEach(function (t) { t.search("").order([]).draw(); });
    });
    window.addEventListener("afterprint", function () {
      tables.forEach(function (t, k) { t.search(views[k].search).order(views[k].order).draw(); });
    });
  }

  function load() {
    var candidates = Array.prototype.filter.call(document.querySelectorAll("table.workbench-table"),
      function (table) { return dataRows(table).length >= MIN_ROWS; });
    if (!candidates.length) return;
    var library = document.createElement("script");
    library.src = libraryUrl;
    library.onload = function () {
      var url = URL.createObjectURL(new Blob([window.workbenchDataTablesModule], {type: "text/javascript"}));
      import(url).then(function (module) {
        URL.revokeObjectURL(url);
        enhance(module.default);
      });
    };
    document.head.appendChild(library);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", load);
  else load();
})();
