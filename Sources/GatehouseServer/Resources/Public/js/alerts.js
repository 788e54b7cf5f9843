// Fever alerts and fever case steps on the community admins' screens (server-sent events).
(function () {
  "use strict";
  var box = document.getElementById("alerts");
  if (!box || !window.EventSource) return;
  var source = new EventSource("/live/communities/" + box.getAttribute("data-community"));
  source.addEventListener("alert", function (e) {
    var a = JSON.parse(e.data);
    var div = document.createElement("div");
    div.className = "alert";
    div.setAttribute("role", "alert");
    var link = document.createElement("a");
    link.href = "/fever-cases/" + a.feverCaseId;
    link.textContent = box.getAttribute("data-title") + "：" + a.checkpointName + " · " + a.nameMasked + " · " + a.temperature.toFixed(1) + "℃";
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
    link.href = "/fever-cases/" + a.feverCaseId;
    link.textContent = a.nameMasked + " · " + a.stageLabel + " · " + a.by;
    div.appendChild(link);
    box.insertBefore(div, box.firstChild);
  });
})();
