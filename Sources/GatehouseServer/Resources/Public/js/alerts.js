// Fever alerts and fever case steps on the community admins' screens (server-sent events).
(function () {
  "use strict";
  var box = document.getElementById("alerts");
  if (!box || !window.EventSource) return;
  // The page gives each address as a pattern from SiteURL (`/fever-cases/:caseID`); the script fills in the values.
  var fill = function (pattern, values) {
    return pattern.replace(/:(\w+)/g, function (_, key) { return encodeURIComponent(values[key]); });
  };
  var source = new EventSource(box.getAttribute("data-live"));
  source.addEventListener("alert", function (e) {
    var a = JSON.parse(e.data);
    var div = document.createElement("div");
    div.className = "alert";
    div.setAttribute("role", "alert");
    var link = document.createElement("a");
    link.href = fill(box.getAttribute("data-case-url"), { caseID: a.feverCaseId });
    link.textContent = box.getAttribute("data-title") + "：" + a.checkpointName + " · " + a.nameMasked + " · " + a.temperature.toFixed(1) + "℃";
    div.appendChild(link);
    box.insertBefore(div, box.firstChild);
  });
  // A passage let through offline that the rules at sync would have refused: the office reviews it (no name here).
  source.addEventListener("offline-review", function () {
    if (document.getElementById("offline-review-notice")) return;
    var div = document.createElement("div");
    div.className = "alert";
    div.id = "offline-review-notice";
    div.setAttribute("role", "alert");
    var link = document.createElement("a");
    link.href = box.getAttribute("data-review-url");
    link.textContent = box.getAttribute("data-review-title");
    link.addEventListener("click", function () { window.location.reload(); });
    div.appendChild(link);
    box.insertBefore(div, box.firstChild);
  });
  // A step taken on a case (observation room, report, decision, disinfection, closed).
  source.addEventListener("fever-case", function (e) {
    var a = JSON.parse(e.data);
    var div = document.createElement("div");
    div.className = "notice";
    div.setAttribute("role", "status");
    var link = document.createElement("a");
    link.href = fill(box.getAttribute("data-case-url"), { caseID: a.feverCaseId });
    link.textContent = a.nameMasked + " · " + a.stageLabel + " · " + a.by;
    div.appendChild(link);
    box.insertBefore(div, box.firstChild);
  });
})();
