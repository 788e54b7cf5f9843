// Resident page: a visitor registering for this household or a parcel left at the pickup point shows at once.
(function () {
  "use strict";
  if (!window.EventSource || !document.getElementById("visits")) return;
  var source = new EventSource("/live/me");
  var refresh = function () { source.close(); window.location.reload(); };
  source.addEventListener("visitor", refresh);
  source.addEventListener("delivery", refresh);
})();
