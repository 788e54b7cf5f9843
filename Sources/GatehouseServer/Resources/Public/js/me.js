// Resident page: a visitor registering for this household or a parcel left at the pickup point shows at once.
(function () {
  "use strict";
  var box = document.getElementById("visits");
  if (!window.EventSource || !box) return;
  var source = new EventSource(box.getAttribute("data-live"));
  var refresh = function () { source.close(); window.location.reload(); };
  source.addEventListener("visitor", refresh);
  source.addEventListener("delivery", refresh);
})();
