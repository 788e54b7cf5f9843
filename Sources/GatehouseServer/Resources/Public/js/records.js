// The record list: rows open their details; new passages arrive live (server-sent events).
var GatehouseRecords = (function () {
  "use strict";
  function pad(n) { return ("0" + n).slice(-2); }
  // China Standard Time, as the rendered rows: `12-03 14:33:59`, the year only when it is not this year's.
  function time(iso) {
    var d = new Date(Date.parse(iso) + 8 * 3600 * 1000);
    var thisYear = new Date(Date.now() + 8 * 3600 * 1000).getUTCFullYear();
    var day = pad(d.getUTCMonth() + 1) + "-" + pad(d.getUTCDate());
    return (d.getUTCFullYear() === thisYear ? "" : d.getUTCFullYear() + "-") + day + " " +
      pad(d.getUTCHours()) + ":" + pad(d.getUTCMinutes()) + ":" + pad(d.getUTCSeconds());
  }
  function cell(row, text, cls, hint) {
    var td = document.createElement("td");
    if (cls) td.className = cls;
    td.appendChild(text.nodeType ? text : document.createTextNode(text));
    if (hint) { var h = document.createElement("div"); h.className = "hint"; h.textContent = hint; td.appendChild(h); }
    row.appendChild(td);
  }
  // The table gives the record page's address as a pattern from SiteURL (`/records/:passageID`).
  function recordURL(table, id) { return table.getAttribute("data-url-record").replace(/:\w+/, encodeURIComponent(id)); }

  // A passage that arrived live, drawn as the server draws its rows (record-rows.leaf).
  function upsert(v, T) {
    var table = document.getElementById("records");
    if (!table) return;
    if (table.getAttribute("data-only-abnormal") === "1" && v.status !== "abnormal") return;
    var body = table.tBodies[0];
    var existing = body.querySelector('tr[data-id="' + v.id + '"]');
    var row = existing || document.createElement("tr");
    var decision = v.awaitingRemeasure ? "remeasure" : v.decision;
    row.setAttribute("data-id", v.id);
    row.setAttribute("data-remeasure", v.awaitingRemeasure ? "true" : "false");
    row.setAttribute("data-href", v.awaitingRemeasure && table.getAttribute("data-can-remeasure") === "1"
      ? table.getAttribute("data-url-gate") + "?checkpoint=" + encodeURIComponent(v.checkpointId) + "&remeasure=" + encodeURIComponent(v.id)
      : recordURL(table, v.id));
    row.className = v.status + " d-" + decision;
    row.innerHTML = "";
    var a = document.createElement("a"); a.href = recordURL(table, v.id); a.textContent = v.nameMasked && v.nameMasked !== "—" ? v.nameMasked : T.name_not_given;
    cell(row, a, "", v.phoneMasked);
    cell(row, v.direction === "out" ? T.direction_out : T.direction_in);
    cell(row, time(v.recordedAt), "time");
    var label = v.awaitingRemeasure ? T.status_remeasure : ({ allow: T.decision_allow, deny: T.decision_deny, refer: T.decision_refer }[v.decision] || "");
    var span = document.createElement("span"); span.className = "outcome " + decision; span.textContent = label;
    cell(row, span, "status");
    cell(row, v.temperature.toFixed(1));
    cell(row, v.operatorName || "", "who", v.checkpointName || "");
    if (!existing) {
      body.insertBefore(row, body.firstChild);
      // The gate's own list stays short: the last 20 (the whole list is on /records).
      var max = parseInt(table.getAttribute("data-max") || "0", 10);
      while (max && body.rows.length > max) body.deleteRow(body.rows.length - 1);
    }
  }
  document.addEventListener("click", function (e) {
    var tr = e.target.closest ? e.target.closest("tr[data-href]") : null;
    if (tr && e.target.tagName !== "A") window.location = tr.getAttribute("data-href");
  });
  var list = document.getElementById("records-live");
  if (list && window.EventSource && list.getAttribute("data-channel")) {
    var T = JSON.parse(list.getAttribute("data-strings") || "{}");
    var source = new EventSource(list.getAttribute("data-channel"));
    source.addEventListener("passage", function (e) { upsert(JSON.parse(e.data), T); });
  }
  return { upsert: upsert };
})();
