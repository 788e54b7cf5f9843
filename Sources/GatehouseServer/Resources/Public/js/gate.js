// Gate screen: identify (typed/scanned ID number, card reader via server-sent events, or no ID),
// measure, record, re-measure. Talks to /api/v1 with the session cookie and the CSRF header.
(function () {
  "use strict";
  var root = document.getElementById("gate");
  if (!root) return;
  var T = JSON.parse(document.getElementById("i18n").getAttribute("data-strings") || "{}");
  var csrf = document.querySelector('meta[name="csrf-token"]').getAttribute("content");
  var checkpointId = root.getAttribute("data-checkpoint");
  var lang = root.getAttribute("data-lang");
  var $ = function (id) { return document.getElementById(id); };
  var state = null; // {mode: "typed"|"reader"|"noId", idNumber, cardReadId, noId:{name,phone}, photo, known, registered}
  var current = null; // last passage view
  var timer = null;

  function uuid() {
    if (window.crypto && crypto.randomUUID) return crypto.randomUUID();
    var b = new Uint8Array(16);
    crypto.getRandomValues(b);
    b[6] = (b[6] & 15) | 64; b[8] = (b[8] & 63) | 128;
    var h = Array.prototype.map.call(b, function (x) { return (x + 256).toString(16).slice(1); }).join("");
    return h.slice(0, 8) + "-" + h.slice(8, 12) + "-" + h.slice(12, 16) + "-" + h.slice(16, 20) + "-" + h.slice(20);
  }

  function api(method, path, body, contentType) {
    var headers = { "X-CSRF-Token": csrf, "Accept-Language": lang };
    var payload = body;
    if (body && !contentType) { headers["Content-Type"] = "application/json"; payload = JSON.stringify(body); }
    if (contentType) headers["Content-Type"] = contentType;
    return fetch(path, { method: method, headers: headers, body: payload, credentials: "same-origin" }).then(function (r) {
      if (r.status === 204) return { ok: true, status: 204, data: null };
      return r.json().then(function (data) { return { ok: r.ok, status: r.status, data: data }; },
                           function () { return { ok: r.ok, status: r.status, data: null }; });
    });
  }

  function show(el, on) { el.hidden = !on; }
  function error(id, text) { var el = $(id); el.textContent = text || ""; show(el, !!text); }
  function errText(res) { return res.data && res.data.error ? res.data.error.message : T.network_error; }

  function fact(label, value, cls) {
    var dt = document.createElement("dt"); dt.textContent = label;
    var dd = document.createElement("dd"); dd.textContent = value == null ? "" : value;
    if (cls) dd.className = cls;
    $("person-facts").appendChild(dt); $("person-facts").appendChild(dd);
  }

  function reset() {
    state = null; current = null;
    if (timer) { clearInterval(timer); timer = null; }
    ["person", "measure", "result"].forEach(function (id) { show($(id), false); });
    $("person-facts").innerHTML = "";
    ["id-number", "temperature", "person-name", "person-phone", "noid-name", "noid-phone", "remeasure-temperature", "host-pass", "landlord-code"].forEach(function (id) { $(id).value = ""; });
    $("noid-photo").value = "";
    $("mask").checked = true;
    $("register-resident").checked = false;
    // The direction stays as the operator set it: a gate works a stream of people going one way.
    $("pass-quota").textContent = ""; show($("pass-quota"), false); $("pass-warnings").innerHTML = ""; show($("tap-hint"), false);
    Array.prototype.forEach.call(document.querySelectorAll(".temp"), function (b) { b.classList.remove("chosen"); });
    ["id-error", "measure-error", "remeasure-error", "host-error", "landlord-error"].forEach(function (id) { error(id, ""); });
    show($("host-box"), false); show($("landlord-box"), false); $("landlord-proof").value = "";
    $("id-number").focus();
  }

  function showPerson(info) {
    $("person-facts").innerHTML = "";
    var known = info.known;
    $("person-known").textContent = known ? T.known_person : T.new_person;
    var badge = $("person-status");
    badge.textContent = info.registered ? T.registered_badge : T.not_registered_badge;
    badge.className = "badge " + (info.registered ? "open" : "closed");
    var card = info.card || {};
    if (info.name || card.name) fact(T.person_name, card.name || info.name);
    if (info.sexLabel) fact(T.sex, info.sexLabel);
    if (card.ethnicity) fact(T.ethnicity, card.ethnicity);
    if (info.age != null) fact(T.age, info.age);
    if (info.birthDate) fact(T.birth_date, info.birthDate);
    if (card.address) fact(T.card_address, card.address);
    if (card.issuingAuthority) fact(T.issuing_authority, card.issuingAuthority);
    if (card.validFrom || card.validUntil) fact(T.validity, (card.validFrom || "") + " - " + (card.validUntil || "") + (info.expired ? " (" + T.card_expired + ")" : ""), info.expired ? "expired" : "");
    if (info.division) fact(T.division, info.division);
    if (info.phoneMasked) fact(T.phone, info.phoneMasked);
    show($("ask-name"), state.mode === "typed" && !info.name);
    show($("ask-phone"), state.mode !== "noId" && !info.phoneMasked);
    show($("register-box"), !info.registered);
    show($("person"), true);
    show($("measure"), true);
    show($("result"), false);
  }

  var lookupSeq = 0;
  function refuseIdentification(res) {
    state = null;
    ["person", "measure", "result"].forEach(function (id) { show($(id), false); });
    error("id-error", errText(res));
  }
  // The card on screen answers identification number `seq`: the form carries it, so whoever watches the page
  // (a test, an assistive tool) can tell a fresh answer from the one before.
  function asked() { var seq = ++lookupSeq; $("id-form").setAttribute("data-asked", String(seq)); return seq; }
  function answered(seq) { if (seq === lookupSeq) $("id-form").setAttribute("data-answered", String(seq)); }

  function lookup(idNumber) {
    // A wedge reader types 18 characters and then Enter: both may start a lookup, and only the latest may answer.
    var seq = asked();
    error("id-error", "");
    api("POST", "/api/v1/people/lookup", { checkpointId: checkpointId, idNumber: idNumber }).then(function (res) {
      if (seq !== lookupSeq) return;
      if (!res.ok) { refuseIdentification(res); return; }
      var d = res.data;
      state = { mode: "typed", idNumber: d.idNumber, known: d.known, registered: d.registered };
      showPerson({ known: d.known, registered: d.registered, name: d.name, sexLabel: d.sexLabel, age: d.age,
                   birthDate: d.birthDate, division: d.division, phoneMasked: d.phoneMasked, card: d.card,
                   expired: d.cardExpired });
      var warn = $("pass-warnings"); warn.innerHTML = "";
      if (d.quarantineNotice) { var q = document.createElement("li"); q.className = "field-error"; q.textContent = d.quarantineNotice; q.setAttribute("data-code", "home_quarantine"); warn.appendChild(q); }
    }, function () { if (seq === lookupSeq) error("id-error", T.network_error); }).then(function () { answered(seq); });
  }

  // A pass: the signed token from its QR (GH1.…), or the 8-character code printed under it.
  // (Checked after isRegistration: a 6-digit registration code is never a pass.)
  function isPass(v) { return v.indexOf("GH1.") === 0 || v.replace(/[-\s]/g, "").length === 8; }

  function scanPass(code) {
    var seq = asked();
    error("id-error", "");
    api("POST", "/api/v1/passes/scan", { checkpointId: checkpointId, code: code }).then(function (res) {
      if (seq !== lookupSeq) return;
      if (!res.ok) { refuseIdentification(res); return; }
      var d = res.data;
      state = { mode: "pass", passCode: code, registered: true };
      showPerson({ known: true, registered: d.valid, name: d.holderName });
      $("person-known").textContent = d.pass ? d.pass.kindLabel + " · " + d.pass.shortCode : "";
      if (d.householdLabel) fact(T.household, d.householdLabel + (d.memberCount ? " · " + d.memberCount + T.persons_unit : ""));
      if (d.holderCategory) fact(T.category, d.holderCategory);
      if (d.pass) fact(T.valid_until, d.pass.expiresText + " · " + d.pass.statusLabel);
      var warn = $("pass-warnings"); warn.innerHTML = "";
      var add = function (r) { var li = document.createElement("li"); li.className = "field-error"; li.textContent = r.message; li.setAttribute("data-code", r.code); warn.appendChild(li); };
      if (d.refusal) add(d.refusal);
      if (d.homeQuarantine) add({ code: "home_quarantine", message: d.quarantineNotice || T.quarantine });
      if (d.quota) { $("pass-quota").textContent = d.quota.text; show($("pass-quota"), true); if (d.quota.refusal) add(d.quota.refusal); }
      show($("ask-name"), false); show($("ask-phone"), false); show($("register-box"), false);
      show($("tap-hint"), true);
    }, function () { if (seq === lookupSeq) error("id-error", T.network_error); }).then(function () { answered(seq); });
  }

  // A self-registration: the 6 digits in the QR on the person's phone (or read out).
  function isRegistration(v) { return /^[0-9]{6}$/.test(v.replace(/\s/g, "")); }

  function showRegistration(d) {
    var admitted = d.standing === "registered" || d.standing === "visitorEscorted";
    state = { mode: "registration", registrationCode: d.code, registrationId: d.id, registered: admitted };
    showPerson({ known: true, registered: admitted, name: d.name, phoneMasked: d.phoneMasked });
    if (d.standing === "visitorEscorted") $("person-status").textContent = T.vouched;
    if (d.standing === "courier") { $("person-status").textContent = d.categoryLabel; $("person-status").className = "badge closed"; }
    $("person-known").textContent = d.categoryLabel + " · " + T.registration_code + " " + d.code;
    if (d.householdLabel) fact(T.household, d.householdLabel);
    d.facts.forEach(function (f) { fact(f.label, f.value); });
    var warn = $("pass-warnings"); warn.innerHTML = "";
    if (d.instruction) {
      var li = document.createElement("li"); li.textContent = d.instruction.message; li.setAttribute("data-code", d.instruction.code);
      li.className = d.standing === "visitorEscorted" ? "warning-text" : "field-error"; warn.appendChild(li);
    }
    if (d.homeQuarantine) { var q = document.createElement("li"); q.className = "field-error"; q.textContent = d.quarantineNotice || T.quarantine; q.setAttribute("data-code", "home_quarantine"); warn.appendChild(q); }
    show($("ask-name"), false); show($("ask-phone"), false); show($("register-box"), false);
    show($("host-box"), d.needsHost); error("host-error", "");
    show($("landlord-box"), d.needsLandlord); error("landlord-error", "");
    show($("tap-hint"), true);
    if (d.needsHost) $("host-pass").focus();
  }

  function scanRegistration(code) {
    var seq = asked();
    error("id-error", "");
    api("POST", "/api/v1/registrations/scan", { checkpointId: checkpointId, code: code }).then(function (res) {
      if (seq !== lookupSeq) return;
      if (!res.ok) { refuseIdentification(res); return; }
      showRegistration(res.data);
    }, function () { if (seq === lookupSeq) error("id-error", T.network_error); }).then(function () { answered(seq); });
  }

  function vouch() {
    var code = $("host-pass").value.trim();
    if (!state || state.mode !== "registration" || !code) return;
    error("host-error", "");
    api("POST", "/api/v1/registrations/" + state.registrationId + "/vouch", { checkpointId: checkpointId, passCode: code }).then(function (res) {
      if (!res.ok) { error("host-error", errText(res)); $("host-pass").select(); return; }
      showRegistration(res.data);
    }, function () { error("host-error", T.network_error); });
  }
  $("host-vouch").addEventListener("click", vouch);

  // A tenant's landlord at the gate: their code scanned, the lease photographed.
  $("landlord-confirm").addEventListener("click", function () {
    var code = $("landlord-code").value.trim();
    var file = $("landlord-proof").files[0];
    if (!state || state.mode !== "registration") return;
    if (!code || !file) { error("landlord-error", T.landlord_needs_both); return; }
    error("landlord-error", "");
    var path = "/api/v1/registrations/" + state.registrationId + "/landlord-confirmation?checkpointId=" + encodeURIComponent(checkpointId) +
      "&landlordCode=" + encodeURIComponent(code);
    api("POST", path, file, file.type || "image/jpeg").then(function (res) {
      if (!res.ok) { error("landlord-error", errText(res)); return; }
      showRegistration(res.data);
    }, function () { error("landlord-error", T.network_error); });
  });
  $("host-pass").addEventListener("keydown", function (e) { if (e.key === "Enter") { e.preventDefault(); vouch(); } });

  function identify(v) {
    if (isRegistration(v)) scanRegistration(v.replace(/\s/g, ""));
    else if (isPass(v)) scanPass(v.trim()); else lookup(v);
  }

  $("id-form").addEventListener("submit", function (e) {
    e.preventDefault();
    var v = $("id-number").value.trim();
    if (v) identify(v);
  });
  $("id-number").addEventListener("input", function () {
    var v = this.value.replace(/\s/g, "");
    if (v.length === 18 && /^[0-9]{17}[0-9Xx]$/.test(v)) lookup(v);
  });

  // Camera scanning where the browser has a QR detector (Chrome on Android); otherwise the scanner or the code.
  $("camera-scan").addEventListener("click", function () {
    var video = $("camera");
    if (!("BarcodeDetector" in window) || !navigator.mediaDevices) { error("id-error", T.camera_unsupported); return; }
    var detector = new window.BarcodeDetector({ formats: ["qr_code"] });
    navigator.mediaDevices.getUserMedia({ video: { facingMode: "environment" } }).then(function (stream) {
      video.srcObject = stream; show(video, true); video.play();
      var stop = function () { stream.getTracks().forEach(function (t) { t.stop(); }); show(video, false); };
      var look = function () {
        if (video.hidden) return;
        detector.detect(video).then(function (codes) {
          if (codes.length) { stop(); $("id-number").value = codes[0].rawValue; identify(codes[0].rawValue); }
          else setTimeout(look, 200);
        }, function () { setTimeout(look, 400); });
      };
      look();
    }, function () { error("id-error", T.camera_unsupported); });
  });

  $("tab-id").addEventListener("click", function () {
    $("tab-id").classList.add("active"); $("tab-noid").classList.remove("active");
    show($("id-form"), true); show($("noid-form"), false); reset();
  });
  $("tab-noid").addEventListener("click", function () {
    $("tab-noid").classList.add("active"); $("tab-id").classList.remove("active");
    show($("id-form"), false); show($("noid-form"), true); reset(); $("noid-name").focus();
  });
  $("noid-form").addEventListener("submit", function (e) {
    e.preventDefault();
    var file = $("noid-photo").files[0] || null;
    state = { mode: "noId", noId: { name: $("noid-name").value.trim(), phone: $("noid-phone").value.trim() }, photo: file, registered: false };
    showPerson({ known: false, registered: false, name: state.noId.name });
  });

  Array.prototype.forEach.call(document.querySelectorAll(".temp"), function (b) {
    b.addEventListener("click", function () {
      Array.prototype.forEach.call(document.querySelectorAll(".temp"), function (x) { x.classList.remove("chosen"); });
      b.classList.add("chosen");
      $("temperature").value = b.getAttribute("data-value");
      // A pass-holder: the tap is the confirmation (scan + tap = two actions).
      if (state && (state.mode === "pass" || state.mode === "registration")) $("confirm").click();
    });
  });

  $("confirm").addEventListener("click", function () {
    if (!state) return;
    error("measure-error", "");
    var t = parseFloat($("temperature").value);
    if (isNaN(t)) { error("measure-error", T.temperature); return; }
    var body = {
      checkpointId: checkpointId, temperature: t, mask: $("mask").checked,
      direction: document.querySelector('input[name="direction"]:checked').value,
      clientRequestId: uuid(), clientTime: new Date().toISOString().replace(/\.\d+Z$/, "Z"),
      registerAsResident: $("register-resident").checked
    };
    if (state.mode === "typed") { body.idNumber = state.idNumber; }
    if (state.mode === "reader") { body.cardReadId = state.cardReadId; }
    if (state.mode === "noId") { body.noId = state.noId; }
    if (state.mode === "pass") { body.passCode = state.passCode; delete body.registerAsResident; }
    if (state.mode === "registration") { body.registrationCode = state.registrationCode; delete body.registerAsResident; }
    if ($("person-name").value.trim()) body.name = $("person-name").value.trim();
    if ($("person-phone").value.trim()) body.phone = $("person-phone").value.trim();
    $("confirm").disabled = true;
    api("POST", "/api/v1/passages", body).then(function (res) {
      $("confirm").disabled = false;
      if (!res.ok) { error("measure-error", errText(res)); return; }
      current = res.data;
      if (state.mode === "noId" && state.photo) {
        api("POST", "/api/v1/passages/" + current.id + "/photo", state.photo, state.photo.type || "image/jpeg").then(function (p) {
          if (!p.ok) error("measure-error", errText(p));
        });
      }
      showResult(current);
    }, function () { $("confirm").disabled = false; error("measure-error", T.network_error); });
  });

  function showResult(v) {
    show($("measure"), false);
    show($("result"), true);
    var d = $("decision");
    d.className = "decision " + v.decision;
    d.textContent = { allow: "放行 ✓", deny: "不予放行 ✕", refer: "转交处置 !" }[v.decision] || v.decision;
    if (lang === "en") d.textContent = { allow: "Allow ✓", deny: "Deny ✕", refer: "Refer !" }[v.decision] || v.decision;
    if (v.awaitingRemeasure) d.textContent = T.status_remeasure + " …";
    d.setAttribute("data-decision", v.decision);
    var ul = $("reasons"); ul.innerHTML = "";
    v.reasons.forEach(function (r) {
      var li = document.createElement("li"); li.textContent = r.message; li.setAttribute("data-code", r.code);
      if (r.warning) li.className = "warning-text";
      ul.appendChild(li);
    });
    show($("remeasure-box"), v.awaitingRemeasure);
    if (timer) { clearInterval(timer); timer = null; }
    if (v.awaitingRemeasure && v.remeasureAfter) {
      var due = Date.parse(v.remeasureAfter);
      var tick = function () {
        var left = Math.max(0, Math.ceil((due - Date.now()) / 1000));
        $("countdown").textContent = left > 0 ? Math.floor(left / 60) + ":" + ("0" + (left % 60)).slice(-2) : T.remeasure_now;
        if (left === 0 && timer) { clearInterval(timer); timer = null; }
      };
      tick(); timer = setInterval(tick, 1000);
    }
    $("next-person").focus();
  }

  $("remeasure").addEventListener("click", function () {
    if (!current) return;
    error("remeasure-error", "");
    var t = parseFloat($("remeasure-temperature").value);
    if (isNaN(t)) { error("remeasure-error", T.temperature); return; }
    api("POST", "/api/v1/passages/" + current.id + "/remeasure", { temperature: t }).then(function (res) {
      if (!res.ok) { error("remeasure-error", errText(res)); return; }
      current = res.data; showResult(current);
    }, function () { error("remeasure-error", T.network_error); });
  });
  $("next-person").addEventListener("click", reset);

  // Live: card reads for this checkpoint, and every passage recorded here (from any screen).
  if (window.EventSource) {
    var source = new EventSource("/live/checkpoints/" + checkpointId);
    source.addEventListener("card", function (e) {
      var ev = JSON.parse(e.data);
      $("tab-id").click();
      state = { mode: "reader", cardReadId: ev.cardReadId, registered: false };
      api("POST", "/api/v1/people/lookup", { checkpointId: checkpointId, idNumber: ev.card.idNumber }).then(function (res) {
        var d = res.ok ? res.data : {};
        state.registered = !!d.registered;
        showPerson({ known: !!d.known, registered: !!d.registered, name: ev.card.name, sexLabel: ev.sexLabel, age: ev.age,
                     birthDate: ev.card.birthDate, division: ev.division, phoneMasked: d.phoneMasked, card: ev.card,
                     expired: ev.expired });
      });
    });
    source.addEventListener("passage", function (e) { GatehouseRecords.upsert(JSON.parse(e.data), T); });
  }
})();
