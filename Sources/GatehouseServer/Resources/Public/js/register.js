// Self-registration form: province → city → county selects fill the hidden division code. Without script the code
// box stays visible and can be typed.
(function () {
  "use strict";
  var box = document.querySelector(".origin");
  if (!box) return;
  document.documentElement.className += " js";
  var code = document.getElementById("origin");
  var province = document.getElementById("origin-province");
  var city = document.getElementById("origin-city");
  var county = document.getElementById("origin-county");
  var selected = box.getAttribute("data-selected") || "";

  function fill(select, items, want) {
    var first = select.options[0];
    select.innerHTML = ""; select.appendChild(first);
    items.forEach(function (d) {
      var o = document.createElement("option"); o.value = d.code; o.textContent = d.name;
      if (want && d.code === want) o.selected = true;
      select.appendChild(o);
    });
    select.disabled = items.length === 0;
  }
  function load(parent, select, want, then) {
    fetch(box.getAttribute("data-url") + "?parent=" + encodeURIComponent(parent)).then(function (r) { return r.json(); }).then(function (items) {
      fill(select, items, want); if (then) then(items);
    });
  }
  function update() { code.value = county.value || (county.disabled ? city.value : ""); }

  province.addEventListener("change", function () {
    fill(city, [], null); fill(county, [], null); update();
    if (province.value) load(province.value, city, null);
  });
  city.addEventListener("change", function () {
    fill(county, [], null); update();
    if (city.value) load(city.value, county, null, update);
  });
  county.addEventListener("change", update);

  if (selected.length === 6 && province.value) {
    load(province.value, city, selected.slice(0, 4) + "00", function () {
      if (city.value) load(city.value, county, selected, update);
    });
  }
})();
