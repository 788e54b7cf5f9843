// Fever alerts on the community admins' screens (server-sent events).
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
    link.href = "/records/" + a.passageId;
    link.textContent = box.getAttribute("data-title") + "：" + a.checkpointName + " · " + a.nameMasked + " · " + a.temperature.toFixed(1) + "℃";
    div.appendChild(link);
    box.insertBefore(div, box.firstChild);
  });
})();
