// Exports: the gate list follows the chosen community; a download shows its progress (rows for CSV, bytes for Excel)
// and is saved from memory. Without script the form downloads directly.
(function () {
  "use strict";
  var form = document.getElementById("export-form");
  if (!form || !window.fetch || !window.ReadableStream || !window.URL) return;
  var community = document.getElementById("export-community");
  var gate = document.getElementById("export-gate");
  var bar = document.getElementById("export-progress");
  var status = document.getElementById("export-status");
  var error = document.getElementById("export-error");
  var filterGates = function () {
    Array.prototype.forEach.call(gate.options, function (o) {
      var mine = !o.getAttribute("data-community") || o.getAttribute("data-community") === community.value;
      o.hidden = !mine;
      if (!mine && o.selected) gate.value = "";
    });
  };
  community.addEventListener("change", filterGates);
  filterGates();

  var download = function (format) {
    var params = new URLSearchParams(new FormData(form));
    params.set("format", format);
    error.textContent = ""; status.textContent = ""; bar.hidden = false; bar.value = 0;
    fetch(form.action + "?" + params.toString(), { credentials: "same-origin" }).then(function (res) {
      if (!res.ok) {
        return res.json().then(function (j) { throw new Error((j.error && j.error.message) || res.statusText); });
      }
      var rows = parseInt(res.headers.get("X-Total-Rows") || "0", 10);
      var bytes = parseInt(res.headers.get("Content-Length") || "0", 10);
      var name = (/filename="?([^";]+)"?/.exec(res.headers.get("Content-Disposition") || "") || [])[1] || ("export." + format);
      var reader = res.body.getReader(), chunks = [], received = 0, lines = 0;
      var pump = function () {
        return reader.read().then(function (step) {
          if (step.done) return;
          chunks.push(step.value);
          received += step.value.length;
          if (format === "csv") {
            for (var i = 0; i < step.value.length; i++) if (step.value[i] === 10) lines++;
            bar.value = rows ? Math.min(100, 100 * (lines - 1) / rows) : 100;
          } else if (bytes) {
            bar.value = 100 * received / bytes;
          }
          status.textContent = (format === "csv" ? Math.max(0, lines - 1) + " / " + rows : Math.round(received / 1024) + " KB");
          return pump();
        });
      };
      return pump().then(function () {
        bar.value = 100;
        // "1 row", "2 rows", "2行": the page gives the unit for one and for more.
        status.textContent = rows + form.getAttribute(String(rows) === "1" ? "data-rows-unit-one" : "data-rows-unit");
        var link = document.createElement("a");
        link.href = URL.createObjectURL(new Blob(chunks, { type: res.headers.get("Content-Type") || "" }));
        link.download = name;
        link.id = "export-file";
        link.textContent = name;
        status.appendChild(document.createTextNode(" · "));
        status.appendChild(link);
        link.click();
      });
    }).catch(function (e) { bar.hidden = true; error.textContent = e.message; });
  };
  document.getElementById("download-xlsx").addEventListener("click", function (e) { e.preventDefault(); download("xlsx"); });
  document.getElementById("download-csv").addEventListener("click", function (e) { e.preventDefault(); download("csv"); });
})();
