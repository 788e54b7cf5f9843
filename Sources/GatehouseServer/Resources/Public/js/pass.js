// A resident's pass opens without network: the worker at /me/sw.js keeps the pass pages it has shown.
(function () {
  "use strict";
  var box = document.getElementById("pass-show");
  if (!box || !("serviceWorker" in navigator)) return;
  navigator.serviceWorker.register(box.getAttribute("data-worker"), { scope: box.getAttribute("data-scope") }).catch(function () {});
})();
