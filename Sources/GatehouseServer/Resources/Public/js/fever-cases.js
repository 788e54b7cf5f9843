// Fever case lists and pages follow the cases live: any step taken elsewhere reloads the page, unless the person is
// typing into a step form or reading data shown after a stated reason (then the page links to the news instead).
(function () {
  "use strict";
  var box = document.querySelector("[data-live]");
  if (!box || !window.EventSource) return;
  var source = new EventSource(box.getAttribute("data-live"));
  var only = box.getAttribute("data-case");
  // A case's page names its own address: a page that answered a step's or a reveal's POST must not send it again,
  // and there is no page to GET at the address it was posted to. A list reloads where it is.
  var page = box.getAttribute("data-case-url") || window.location.pathname;
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
    // Data shown after a stated reason is not taken off the screen by someone else's step: the page says there is
    // news and the reader reloads when done.
    var revealed = document.getElementById("revealed");
    if (revealed) {
      if (!document.getElementById("case-news")) {
        var news = document.createElement("p");
        news.id = "case-news";
        news.className = "notice";
        news.setAttribute("role", "status");
        var link = document.createElement("a");
        link.href = page;
        link.textContent = box.getAttribute("data-news");
        news.appendChild(link);
        revealed.parentNode.insertBefore(news, revealed);
      }
      return;
    }
    source.close();
    window.location.replace(page);
  };
  source.addEventListener("fever-case", refresh);
  source.addEventListener("alert", refresh);
})();
