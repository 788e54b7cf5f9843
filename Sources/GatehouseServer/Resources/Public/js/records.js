// The record list: rows open their details; new passages arrive live (server-sent events).
var GatehouseRecords = (function () {
  "use strict";
  function pad(n) { return ("0" + n).slice(-2); }
  function time(iso) {
    var d = new Date(Date.parse(iso) + 8 * 3600 * 1000); // China Standard Time
    return d.getUTCFullYear() + pad(d.getUTCMonth() + 1) + pad(d.getUTCDate()) + " " + pad(d.getUTCHours()) + ":" + pad(d.getUTCMinutes()) + ":" + pad(d.getUTCSeconds());
  }
  function upsert(v, T) {
    var table = document.getElementById("records");
    if (!table) return;
    if (table.getAttribute("data-only-abnormal") === "1" && v.status !== "abnormal") return;
    var body = table.tBodies[0];
    var existing = body.querySelector('tr[data-id="' + v.id + '"]');
    var row = existing || document.createElement("tr");
    row.setAttribute("data-id", v.id);
    row.className = v.status;
    var status = v.awaitingRemeasure ? T.status_remeasure : (v.status === "abnormal" ? T.status_abnormal : T.status_normal);
    var cells = [v.nameMasked, time(v.recordedAt), status, v.temperature.toFixed(1), v.phoneMasked];
    row.innerHTML = "";
    cells.forEach(function (text, i) {
      var td = document.createElement("td");
      if (i === 0) { var a = document.createElement("a"); a.href = "/records/" + v.id; a.textContent = text; td.appendChild(a); }
      else td.textContent = text;
      if (i === 2) td.className = "status";
      row.appendChild(td);
    });
    if (!existing) body.insertBefore(row, body.firstChild);
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
