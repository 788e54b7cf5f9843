// Household import: sends the CSV, draws the progress from the streamed answer, lists every problem by line.
(function () {
  "use strict";
  var form = document.getElementById("import-form");
  if (!form) return;
  var T = JSON.parse(form.getAttribute("data-strings") || "{}");
  var csrf = document.querySelector('meta[name="csrf-token"]').getAttribute("content");
  var bar = document.getElementById("import-progress");
  var status = document.getElementById("import-status");
  var box = document.getElementById("import-problems-box");
  var body = document.querySelector("#import-problems tbody");

  function showProblems(problems) {
    body.innerHTML = "";
    problems.forEach(function (p) {
      var tr = document.createElement("tr");
      [p.line, p.column || "", p.message].forEach(function (v) {
        var td = document.createElement("td"); td.textContent = v; tr.appendChild(td);
      });
      body.appendChild(tr);
    });
    box.hidden = problems.length === 0;
  }

  function finish(result) {
    if (result.ok) {
      bar.value = 100;
      status.textContent = T.import_done + "：" + result.rows + " · +" + result.householdsCreated + " " + T.household + " · +" +
        result.residentsCreated + " / ~" + result.residentsUpdated + " " + T.members;
      var summary = [result.rows, result.householdsCreated, result.residentsCreated, result.residentsUpdated].join("-");
      var warnings = result.warnings || [];
      if (warnings.length) {
        // Imported, with rows to check (an ID number whose division code exists in no year): the office reads them
        // before the list is read again.
        showProblems(warnings);
        status.textContent += " · " + T.import_warnings;
        var again = document.createElement("a");
        again.href = location.pathname + "?imported=" + summary;
        again.className = "button small secondary";
        again.id = "import-reload";
        again.textContent = T.import_show_list;
        status.appendChild(document.createTextNode(" "));
        status.appendChild(again);
        return;
      }
      showProblems([]);
      // The list is read again; what the import did is said there until the office dismisses it.
      setTimeout(function () { location.replace(location.pathname + "?imported=" + summary); }, 1500);
    } else {
      bar.hidden = true;
      status.textContent = T.import_failed;
      showProblems(result.problems || []);
    }
  }

  form.addEventListener("submit", function (e) {
    e.preventDefault();
    var file = document.getElementById("import-file").files[0];
    if (!file) return;
    bar.hidden = false; bar.value = 0; status.textContent = ""; showProblems([]);
    var url = form.getAttribute("data-url") + "?progress=1";
    fetch(url, { method: "POST", body: file, credentials: "same-origin",
                 headers: { "Content-Type": "text/csv", "X-CSRF-Token": csrf, "Accept-Language": document.documentElement.lang } })
      .then(function (res) {
        if (!res.ok || !res.body) {
          // A sheet that cannot be read is answered at once (422 with its problems), not streamed.
          return res.json().then(function (d) {
            if (d && d.problems) { finish(d); return; }
            throw new Error(d.error ? d.error.message : T.network_error);
          });
        }
        var reader = res.body.getReader();
        var decoder = new TextDecoder();
        var buffer = "";
        function pump() {
          return reader.read().then(function (chunk) {
            if (chunk.done) return;
            buffer += decoder.decode(chunk.value, { stream: true });
            var lines = buffer.split("\n");
            buffer = lines.pop();
            lines.forEach(function (line) {
              if (!line) return;
              var msg = JSON.parse(line);
              if (msg.result) finish(msg.result);
              else if (msg.total) bar.value = Math.round(msg.done * 100 / msg.total);
            });
            return pump();
          });
        }
        return pump();
      })
      .catch(function (err) { bar.hidden = true; status.textContent = err.message || T.network_error; });
  });
})();
