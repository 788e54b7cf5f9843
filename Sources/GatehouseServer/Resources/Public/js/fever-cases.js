// Fever case lists and pages follow the cases live: any step taken elsewhere reloads the page (unless the person is
// typing into a step form).
(function () {
  "use strict";
  var box = document.querySelector("[data-live]");
  if (!box || !window.EventSource) return;
  var source = new EventSource(box.getAttribute("data-live"));
  var only = box.getAttribute("data-case");
  var busy = function () {
    var a = document.activeElement;
    return a && a.form && a.value !== "" && a.type !== "submit";
  };
  var sending = false;
  document.addEventListener("submit", function () { sending = true; });
  var refresh = function (e) {
    if (only) {
      try { if (JSON.parse(e.data).feverCaseId !== only) return; } catch (err) { return; }
    }
    if (sending || busy()) return;
    source.close();
    // A GET of the case itself: a page that answered a step's or a reveal's POST must not send it again (and there
    // is no page to GET at /steps or /reveal).
    window.location.replace(window.location.pathname.replace(/\/(steps|reveal)$/, ""));
  };
  source.addEventListener("fever-case", refresh);
  source.addEventListener("alert", refresh);
})();
