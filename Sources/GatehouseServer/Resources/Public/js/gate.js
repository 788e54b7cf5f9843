// Gate screen: identify (typed/scanned ID number, pass, registration code, card reader via server-sent events, or
// no ID), measure, record, re-measure. Talks to /api/v1 with the session cookie and the CSRF header.
//
// Without the network (or when a request gets no answer in time) the gate goes on: a pass is checked here against
// the kept snapshot (gate-rules.js), what cannot be checked is recorded with the guard's decision, and every passage
// goes to the outbox that gate-offline.js sends once the server answers again.
//
// The scan field owns the focus whenever the guard is not typing somewhere else: a USB scanner types its characters
// and Enter at whatever has focus, so a scan at any moment starts the next person. Every request says at once that
// it is under way, and a slow or lost answer is said too; a late answer is shown against the person it was for.
(function () {
  "use strict";
  var root = document.getElementById("gate");
  if (!root) return;
  var T = JSON.parse(document.getElementById("i18n").getAttribute("data-strings") || "{}");
  var csrf = document.querySelector('meta[name="csrf-token"]').getAttribute("content");
  var checkpointId = root.getAttribute("data-checkpoint");
  var lang = root.getAttribute("data-lang");
  var $ = function (id) { return document.getElementById(id); };
  var state = null; // {mode, idNumber|cardReadId|noId|passCode|registrationCode, label, registered}
  var current = null; // the passage on screen
  var timer = null;
  var SLOW_MS = 3000;
  // A request unanswered this long is taken as lost: the gate decides offline rather than keep the person waiting.
  var ANSWER_MS = 10000;
  var PHOTO_MS = 60000;
  var PENDING_KEY = "gatehouse.gate.pending." + checkpointId;
  var off = null;
  // The page gives each address as a pattern from SiteURL (`/api/v1/passages/:passageID/photo`); url() fills it in.
  function url(name, values) {
    return root.getAttribute("data-url-" + name).replace(/:(\w+)/g, function (_, key) { return encodeURIComponent(values[key]); });
  }

  function uuid() {
    if (window.crypto && crypto.randomUUID) return crypto.randomUUID();
    var b = new Uint8Array(16);
    crypto.getRandomValues(b);
    b[6] = (b[6] & 15) | 64; b[8] = (b[8] & 63) | 128;
    var h = Array.prototype.map.call(b, function (x) { return (x + 256).toString(16).slice(1); }).join("");
    return h.slice(0, 8) + "-" + h.slice(8, 12) + "-" + h.slice(12, 16) + "-" + h.slice(16, 20) + "-" + h.slice(20);
  }

  function show(el, on) { el.hidden = !on; }
  function error(id, text) { var el = $(id); el.textContent = text || ""; show(el, !!text); }
  function errText(res) { return res.data && res.data.error ? res.data.error.message : T.network_error; }

  // --- Requests: one way to ask, with "正在提交…" at once and "网络慢，仍在提交" after 3 s -----------------
  var inFlight = 0;
  var retryLast = null;
  function status(text, canRetry) {
    $("gate-status-text").textContent = text || "";
    show($("gate-status"), !!text);
    show($("gate-retry"), !!canRetry);
    $("gate-status").className = "gate-status" + (canRetry ? " failed" : "");
  }
  $("gate-retry").addEventListener("click", function () { if (retryLast) retryLast(); focusScan(); });

  function request(method, path, body, contentType) {
    var headers = { "X-CSRF-Token": csrf, "Accept-Language": lang };
    var payload = body;
    if (body && !contentType) { headers["Content-Type"] = "application/json"; payload = JSON.stringify(body); }
    if (contentType) headers["Content-Type"] = contentType;
    var controller = window.AbortController ? new AbortController() : null;
    var timer = controller ? setTimeout(function () { controller.abort(); }, contentType ? PHOTO_MS : ANSWER_MS) : null;
    var init = { method: method, headers: headers, body: payload, credentials: "same-origin" };
    if (controller) init.signal = controller.signal;
    return fetch(path, init).then(function (r) {
      clearTimeout(timer);
      if (r.status === 204) return { ok: true, status: 204, data: null };
      return r.json().then(function (data) { return { ok: r.ok, status: r.status, data: data }; },
                           function () { return { ok: r.ok, status: r.status, data: null }; });
    });
  }

  // Sends, says so at once and again when slow; `onAnswer(res)` gets every answer the server gave (ok or refused),
  // `onLost()` a request that got none (the tap is kept: 重试 sends the same request again, same clientRequestId).
  function ask(method, path, body, onAnswer, onLost, contentType) {
    var done = false;
    inFlight++;
    status(T.submitting);
    var slow = setTimeout(function () { if (!done) status(T.network_slow_still_submitting); }, SLOW_MS);
    var finish = function () { done = true; clearTimeout(slow); inFlight--; if (inFlight === 0) status(""); };
    request(method, path, body, contentType).then(function (res) { finish(); onAnswer(res); }, function () {
      finish();
      // Taken over by the offline gate: nothing to retry by hand.
      if (onLost && onLost() === true) return;
      retryLast = function () { ask(method, path, body, onAnswer, onLost, contentType); };
      status(T.network_error_kept, true);
    });
  }

  // A request about the person on screen: a refusal or a lost answer is said under the field it came from
  // (`errorId`), `onOk(data)` gets every accepted answer. Options: `stillHere()` — whether the person is still on
  // screen (a refusal for someone gone is not shown), `onRefused(res)` before the refusal is shown, `settled()` after
  // any outcome, `contentType` for a photo body, `onLost()` for a request that got no answer (true: handled).
  function step(path, body, errorId, onOk, options) {
    var o = options || {};
    var here = o.stillHere || function () { return true; };
    var settled = o.settled || function () {};
    error(errorId, "");
    ask("POST", path, body, function (res) {
      if (res.ok) onOk(res.data);
      else { if (o.onRefused) o.onRefused(res); if (here()) error(errorId, errText(res)); }
      settled();
    }, function () {
      var handled = o.onLost ? o.onLost() === true : false;
      if (!handled && here()) error(errorId, T.network_error);
      settled();
      return handled;
    }, o.contentType);
  }

  function fact(label, value, cls) {
    var dt = document.createElement("dt"); dt.textContent = label;
    var dd = document.createElement("dd"); dd.textContent = value == null ? "" : value;
    if (cls) dd.className = cls;
    $("person-facts").appendChild(dt); $("person-facts").appendChild(dd);
  }

  function warning(code, message, cls) {
    var li = document.createElement("li"); li.className = cls || "field-error"; li.textContent = message;
    li.setAttribute("data-code", code); $("pass-warnings").appendChild(li);
  }

  // The scan field takes the next scan; the screen of the person before stays until then.
  function focusScan() {
    if ($("id-form").hidden) return;
    var f = $("id-number");
    if (document.activeElement !== f) f.focus();
  }

  // While a person is on screen the scan field's long hint folds away, so the temperatures stay above the fold.
  function busy(on) { root.classList.toggle("busy", on); }

  function clearCard() {
    // A re-measure left waiting offline is sent as it stands once the guard moves on.
    if (current && current.local && off) off.release(current.id);
    state = null; current = null;
    busy(false);
    if (timer) { clearInterval(timer); timer = null; }
    ["person", "measure", "result"].forEach(function (id) { show($(id), false); });
    $("person-facts").innerHTML = "";
    ["temperature", "person-name", "person-phone", "remeasure-temperature", "host-pass", "landlord-code"].forEach(function (id) { $(id).value = ""; });
    $("mask").checked = true;
    $("register-resident").checked = false;
    // The direction stays as the operator set it: a gate works a stream of people going one way.
    $("pass-quota").textContent = ""; show($("pass-quota"), false); $("pass-warnings").innerHTML = ""; show($("tap-hint"), false);
    Array.prototype.forEach.call(document.querySelectorAll(".temp"), function (b) { b.classList.remove("chosen"); });
    ["id-error", "measure-error", "remeasure-error", "host-error", "landlord-error"].forEach(function (id) { error(id, ""); });
    show($("host-box"), false); show($("landlord-box"), false); $("landlord-proof").value = "";
    show($("card-photo-box"), false); $("card-photo").removeAttribute("src");
  }

  function reset() {
    clearCard();
    $("id-number").value = ""; $("noid-name").value = ""; $("noid-phone").value = ""; $("noid-photo").value = "";
    focusScan();
  }

  // The facts a card or the register gives of a person, in the order a guard reads them; empty ones are left out.
  function personFacts(p) {
    var card = p.card || {};
    var validity = card.validFrom || card.validUntil
      ? (card.validFrom || "") + " - " + (card.validUntil || "") + (p.expired ? " (" + T.card_expired + ")" : "") : null;
    return [[T.person_name, card.name || p.name], [T.sex, p.sexLabel], [T.ethnicity, card.ethnicity], [T.age, p.age],
            [T.birth_date, p.birthDate], [T.card_address, card.address], [T.issuing_authority, card.issuingAuthority],
            [T.validity, validity, p.expired ? "expired" : ""], [T.division, p.division], [T.phone, p.phoneMasked]];
  }

  function standing(registered) {
    return { text: registered ? T.registered_badge : T.not_registered_badge, open: registered };
  }

  // The one person card, whichever way the person was identified (ID number, card read, pass, registration code,
  // no ID): `c` says what the guard sees — badge, the line under it, facts, quota, warnings, which questions and
  // boxes are open, the card's photo — and what it leaves out stays hidden. Answers whether a pending re-measure took
  // the card over.
  function showCard(c) {
    $("person-facts").innerHTML = "";
    $("pass-warnings").innerHTML = "";
    $("person-known").textContent = c.line || "";
    var badge = $("person-status");
    badge.textContent = c.badge.text;
    badge.className = "badge " + (c.badge.open ? "open" : "closed");
    (c.facts || []).forEach(function (f) { if (f[1] != null && f[1] !== "") fact(f[0], f[1], f[2]); });
    if (c.quota) { $("pass-quota").textContent = c.quota; show($("pass-quota"), true); }
    (c.warnings || []).forEach(function (w) { if (w) warning(w[0], w[1], w[2]); });
    show($("ask-name"), !!c.askName);
    show($("ask-phone"), !!c.askPhone);
    show($("register-box"), !!c.register);
    show($("host-box"), !!c.host); error("host-error", "");
    show($("landlord-box"), !!c.landlord); error("landlord-error", "");
    show($("tap-hint"), !!c.tapHint);
    // The card's own photo, for comparing face and card: shown from this read only, never stored.
    if (c.photo) { $("card-photo").src = c.photo; show($("card-photo-box"), true); }
    show($("person"), true);
    show($("measure"), true);
    show($("result"), false);
    busy(true);
    return showPending(c.pending);
  }

  // A person whose first high reading waits for its re-measure: the card takes the re-measure, never a new passage.
  function showPending(pending) {
    if (!pending) return false;
    show($("measure"), false);
    openRemeasure(pending.passageId);
    return true;
  }

  function openRemeasure(passageId) {
    request("GET", url("passage", { passageID: passageId })).then(function (res) {
      if (!res.ok || !res.data) { forgetPending(passageId); return; }
      if (!res.data.awaitingRemeasure) { forgetPending(passageId); showResult(res.data); return; }
      showResult(res.data);
    }, function () { if (!off || !off.isOffline()) error("id-error", T.network_error); });
  }

  function rememberPending(v) {
    try { if (v.awaitingRemeasure) localStorage.setItem(PENDING_KEY, v.id); else forgetPending(v.id); } catch (e) { /* private mode */ }
  }
  function forgetPending(id) {
    try { if (!id || localStorage.getItem(PENDING_KEY) === id) localStorage.removeItem(PENDING_KEY); } catch (e) { /* private mode */ }
  }

  var lookupSeq = 0;
  // The card on screen answers identification number `seq`: the form carries it, so whoever watches the page
  // (a test, an assistive tool) can tell a fresh answer from the one before.
  function asked() {
    var seq = ++lookupSeq;
    $("id-form").setAttribute("data-asked", String(seq));
    clearCard();
    return seq;
  }
  function answered(seq) { if (seq === lookupSeq) $("id-form").setAttribute("data-answered", String(seq)); }

  // An identification: `onOk(data)` for the latest one only; a refusal empties the card and is said in the scan field.
  // Offline, or when the server does not answer, `value` is identified here instead.
  function identifyWith(path, body, onOk, value) {
    if (off && off.isOffline()) { offlineIdentify(value); return; }
    var seq = asked();
    var latest = function () { return seq === lookupSeq; };
    step(path, body, "id-error", function (d) { if (latest()) onOk(d); }, {
      stillHere: latest,
      onRefused: function () { if (latest()) clearCard(); },
      settled: function () { answered(seq); },
      onLost: function () {
        if (!off) return false;
        off.wentOffline();
        if (latest()) offlineIdentify(value);
        return true;
      }
    });
  }

  function lookup(idNumber) {
    // A wedge reader types 18 characters and then Enter: both may start a lookup, and only the latest may answer.
    identifyWith(url("lookup"), { checkpointId: checkpointId, idNumber: idNumber }, function (d) {
      state = { mode: "typed", idNumber: d.idNumber, known: d.known, registered: d.registered, label: d.nameMasked || d.idNumber.slice(0, 4) + "…" };
      // The look-up gives the name masked and never a card's stored details: those come from a live read only.
      showCard({
        line: d.known ? T.known_person : T.new_person, badge: standing(d.registered),
        facts: personFacts({ name: d.nameMasked, sexLabel: d.sexLabel, age: d.age, birthDate: d.birthDate, division: d.division,
                             phoneMasked: d.phoneMasked, expired: d.cardExpired }).concat([[T.household, d.householdLabel]]),
        warnings: [d.registrationProposed && ["registration_proposed", T.registration_proposed_badge, "warning-text"],
                   d.quarantineNotice && ["home_quarantine", d.quarantineNotice],
                   // A typing mistake or a forged number: the first six digits name no area in any year.
                   d.documentKind === "residentIdentityCard" && !d.divisionKnown && ["division_unknown", T.division_unknown_card, "warning-text"]],
        askName: !d.nameMasked, askPhone: !d.phoneMasked, register: !d.registered && !d.registrationProposed,
        pending: d.pendingRemeasure
      });
    }, idNumber);
  }

  // A pass: the signed token from its QR (GH1.…), or the 8-character code printed under it.
  // (Checked after isRegistration: a 6-digit registration code is never a pass.)
  function isPass(v) { return v.indexOf("GH1.") === 0 || v.replace(/[-\s]/g, "").length === 8; }

  function scanPass(code) {
    identifyWith(url("pass-scan"), { checkpointId: checkpointId, code: code }, function (d) {
      state = { mode: "pass", passCode: code, registered: true, label: d.holderName || d.householdLabel || "" };
      var quota = d.quota || {};
      showCard({
        line: d.pass ? d.pass.kindLabel + " · " + d.pass.shortCode : "", badge: standing(d.valid),
        facts: [[T.person_name, d.holderName],
                [T.household, d.householdLabel && d.householdLabel + (d.memberCount ? " · " + d.memberCount + T.persons_unit : "")],
                [T.category, d.holderCategory], [T.valid_until, d.pass && d.pass.expiresText + " · " + d.pass.statusLabel]],
        quota: quota.text,
        warnings: [d.refusal && [d.refusal.code, d.refusal.message], d.homeQuarantine && ["home_quarantine", d.quarantineNotice || T.quarantine],
                   quota.refusal && [quota.refusal.code, quota.refusal.message]],
        tapHint: true, pending: d.pendingRemeasure
      });
    }, code);
  }

  // A self-registration: the 6 digits in the QR on the person's phone (or read out).
  function isRegistration(v) { return /^[0-9]{6}$/.test(v.replace(/\s/g, "")); }

  function direction() { return document.querySelector('input[name="direction"]:checked').value; }

  function showRegistration(d) {
    var admitted = d.standing === "registered" || d.standing === "visitorEscorted";
    state = { mode: "registration", registrationCode: d.code, registrationId: d.id, registered: admitted, label: d.name };
    var badge = d.standing === "visitorEscorted" ? { text: T.vouched, open: true }
      : d.standing === "courier" ? { text: d.categoryLabel, open: false } : standing(admitted);
    var pending = showCard({
      line: d.categoryLabel + " · " + T.registration_code + " " + d.code, badge: badge,
      facts: [[T.person_name, d.name], [T.phone, d.phoneMasked], [T.household, d.householdLabel]]
        .concat(d.facts.map(function (f) { return [f.label, f.value]; })),
      warnings: [d.instruction && [d.instruction.code, d.instruction.message, d.instruction.warning ? "warning-text" : "field-error"],
                 d.homeQuarantine && ["home_quarantine", d.quarantineNotice || T.quarantine]],
      host: d.needsHost, landlord: d.needsLandlord, tapHint: true, pending: d.pendingRemeasure
    });
    if (!pending && d.needsHost) $("host-pass").focus();
  }

  function scanRegistration(code) {
    identifyWith(url("registration-scan"), { checkpointId: checkpointId, code: code, direction: direction() }, showRegistration, code);
  }

  function vouch() {
    var code = $("host-pass").value.trim();
    if (!state || state.mode !== "registration" || !code) return;
    step(url("vouch", { registrationID: state.registrationId }), { checkpointId: checkpointId, passCode: code }, "host-error", function (d) {
      showRegistration(d);
      focusScan();
    }, { onRefused: function () { $("host-pass").select(); } });
  }
  $("host-vouch").addEventListener("click", vouch);

  // A tenant's landlord at the gate: their code scanned, the lease photographed.
  $("landlord-confirm").addEventListener("click", function () {
    var code = $("landlord-code").value.trim();
    var file = $("landlord-proof").files[0];
    if (!state || state.mode !== "registration") return;
    if (!code || !file) { error("landlord-error", T.landlord_needs_both); return; }
    var path = url("landlord", { registrationID: state.registrationId }) + "?checkpointId=" + encodeURIComponent(checkpointId) +
      "&landlordCode=" + encodeURIComponent(code);
    step(path, file, "landlord-error", showRegistration, { contentType: file.type || "image/jpeg" });
  });
  $("host-pass").addEventListener("keydown", function (e) { if (e.key === "Enter") { e.preventDefault(); vouch(); } });

  function identify(v) {
    if (isRegistration(v)) scanRegistration(v.replace(/\s/g, ""));
    else if (isPass(v)) scanPass(v.trim()); else lookup(v);
  }

  $("id-form").addEventListener("submit", function (e) {
    e.preventDefault();
    var v = $("id-number").value.trim();
    if (!v) return;
    // The field is emptied for the next scan at once; the person's card holds what was scanned.
    $("id-number").value = "";
    identify(v);
  });
  // A wedge reader types 18 characters and then Enter: the number is looked up at once, and the Enter that follows
  // finds the field empty.
  $("id-number").addEventListener("input", function () {
    var v = this.value.replace(/\s/g, "");
    if (v.length === 18 && /^[0-9]{17}[0-9Xx]$/.test(v)) { this.value = ""; lookup(v); }
  });

  // Keystrokes that land outside a text field (on a button, on the page) belong to the scanner: they go to the
  // scan field, so a scan right after a result starts the next person instead of pressing a button.
  document.addEventListener("keydown", function (e) {
    var el = document.activeElement;
    var typing = el && (el.tagName === "INPUT" && !/^(checkbox|radio|button|submit|file)$/i.test(el.type) || el.tagName === "TEXTAREA" || el.tagName === "SELECT");
    if (typing || e.ctrlKey || e.metaKey || e.altKey || $("id-form").hidden) return;
    if (e.key.length === 1) {
      e.preventDefault();
      var f = $("id-number");
      f.focus();
      f.value += e.key;
      f.dispatchEvent(new Event("input", { bubbles: true }));
    } else if (e.key === "Enter" && $("id-number").value) {
      e.preventDefault();
      $("id-form").requestSubmit ? $("id-form").requestSubmit() : $("lookup").click();
    }
  }, true);

  // Camera scanning: the browser's own QR detector where it has one, otherwise the bundled decoder (loaded only now).
  var cameraStop = null;
  function scanned(text) {
    if (cameraStop) cameraStop();
    identify(text);
  }
  function loadDecoder(then) {
    if (window.Html5Qrcode) { then(); return; }
    var s = document.createElement("script");
    s.src = root.getAttribute("data-decoder");
    s.onload = then;
    s.onerror = function () { error("id-error", T.camera_unsupported); };
    document.head.appendChild(s);
  }
  $("camera-scan").addEventListener("click", function () {
    if (cameraStop) { cameraStop(); return; }
    if (!navigator.mediaDevices || !navigator.mediaDevices.getUserMedia) { error("id-error", T.camera_unsupported); return; }
    error("id-error", "");
    if ("BarcodeDetector" in window) {
      var video = $("camera");
      var detector = new window.BarcodeDetector({ formats: ["qr_code"] });
      navigator.mediaDevices.getUserMedia({ video: { facingMode: "environment" } }).then(function (stream) {
        video.srcObject = stream; show(video, true); video.play();
        cameraStop = function () { stream.getTracks().forEach(function (t) { t.stop(); }); show(video, false); cameraStop = null; focusScan(); };
        var look = function () {
          if (!cameraStop) return;
          detector.detect(video).then(function (codes) {
            if (codes.length) scanned(codes[0].rawValue); else setTimeout(look, 200);
          }, function () { setTimeout(look, 400); });
        };
        look();
      }, function () { error("id-error", T.camera_denied); });
      return;
    }
    loadDecoder(function () {
      var box = $("camera-box");
      show(box, true);
      var reader = new window.Html5Qrcode("camera-box");
      var stopped = false;
      cameraStop = function () {
        if (stopped) return; stopped = true; cameraStop = null;
        reader.stop().then(function () { reader.clear(); show(box, false); }, function () { show(box, false); });
        focusScan();
      };
      reader.start({ facingMode: "environment" }, { fps: 8, qrbox: 240 }, function (text) { scanned(text); }, function () { /* no code in this frame */ })
        .catch(function () { stopped = true; cameraStop = null; show(box, false); error("id-error", T.camera_denied); });
    });
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
    clearCard();
    state = { mode: "noId", noId: { name: $("noid-name").value.trim(), phone: $("noid-phone").value.trim() }, photo: file, registered: false, label: $("noid-name").value.trim() };
    showCard({ line: T.new_person, badge: standing(false), facts: [[T.person_name, state.noId.name]], register: true });
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

  // A late answer for a person the guard has already moved on from: said in one line under the scan field.
  function lateResult(label, v) {
    var el = $("late-result");
    el.textContent = T.late_result_for + " " + (label || v.nameMasked) + "：" + decisionText(v);
    el.setAttribute("data-decision", v.awaitingRemeasure ? "remeasure" : v.decision);
    el.setAttribute("data-passage", v.id);
    show(el, true);
  }

  $("confirm").addEventListener("click", function () {
    if (!state) return;
    error("measure-error", "");
    var t = parseFloat($("temperature").value);
    if (isNaN(t)) { error("measure-error", T.temperature); return; }
    var body = {
      checkpointId: checkpointId, temperature: t, mask: $("mask").checked,
      direction: direction(),
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
    var mine = state;
    var seq = lookupSeq;
    // The moment of the tap, on the server's clock: a passage sent later keeps it.
    var tappedAt = off ? off.now() : Date.now();
    if (off && (mine.offline || off.isOffline())) {
      if (!readingBelievable(t, "measure-error")) return;
      $("id-number").value = "";
      recordOffline(body, mine, seq, tappedAt);
      focusScan();
      return;
    }
    $("confirm").disabled = true;
    $("id-number").value = "";
    focusScan();
    ask("POST", url("passages"), body, function (res) {
      $("confirm").disabled = false;
      var here = seq === lookupSeq && state === mine;
      if (!res.ok) {
        if (res.data && res.data.error && res.data.error.code === "remeasure_pending" && res.data.error.passageId) {
          if (here) { error("measure-error", errText(res)); openRemeasure(res.data.error.passageId); }
          return;
        }
        if (here) error("measure-error", errText(res)); else status(T.late_result_for + " " + (mine.label || "") + "：" + errText(res));
        return;
      }
      var v = res.data;
      if (mine.mode === "noId" && mine.photo) {
        request("POST", url("photo", { passageID: v.id }), mine.photo, mine.photo.type || "image/jpeg").then(function (p) {
          if (!p.ok) error("measure-error", errText(p));
        }, function () { error("measure-error", T.network_error); });
      }
      rememberPending(v);
      if (here) showResult(v); else lateResult(mine.label, v);
    }, function () {
      $("confirm").disabled = false;
      if (!off) return false;
      // No answer: the passage goes to the outbox under the same clientRequestId (stored once, whichever arrives).
      off.wentOffline();
      recordOffline(body, mine, seq, tappedAt);
      return true;
    });
  });

  // --- Offline: identify, decide and keep -------------------------------------------------------------------
  function reasonCard(code) { var r = off.reason(code); return [code, r.message, r.warning ? "warning-text" : "field-error"]; }
  var UNVERIFIED = function () { return { text: off.reason("offline_unverified").message, open: true }; };

  // Identifies `v` with what the phone knows: a pass by its signature and the snapshot; anything else is recorded
  // for the server to check once it answers again. A person whose re-measure waits offline is taken to it.
  function offlineIdentify(v) {
    var seq = asked();
    var value = (v || "").trim();
    var waiting = off.waitingFor(value);
    if (waiting) { waiting.held = true; off.update(waiting); showResult(waiting.view); answered(seq); return; }
    if (isRegistration(value)) {
      var code = value.replace(/\s/g, "");
      state = { mode: "registration", registrationCode: code, offline: true, unverified: true, label: T.registration_code + " " + code };
      showCard({ line: T.registration_code + " " + code, badge: UNVERIFIED(), warnings: [reasonCard("offline_unverified")], tapHint: true });
      answered(seq);
      return;
    }
    if (!isPass(value)) {
      // A typed ID number: the register is the server's; its check digit is the phone's.
      if (!idNumberValid(value)) { error("id-error", T.offline_id_invalid); answered(seq); return; }
      state = { mode: "typed", idNumber: value.toUpperCase(), offline: true, unverified: true, label: value.slice(0, 4) + "…" + value.slice(-2) };
      showCard({ line: T.offline_label, badge: UNVERIFIED(), facts: [[T.id_number, state.label]],
                 warnings: [reasonCard("offline_unverified")], askName: true, askPhone: true });
      answered(seq);
      return;
    }
    state = { mode: "pass", passCode: value, offline: true, label: T.offline_pass_label };
    var mine = state;
    judge(mine, direction(), off.now()).then(function (j) {
      if (seq !== lookupSeq || state !== mine) return;
      mine.judged = j;
      var quota = (off.rules() || {}).outingQuota;
      showCard({
        line: T.offline_pass_label + " · " + (j.unverified ? T.offline_label : T.offline_checked),
        badge: j.unverified ? UNVERIFIED() : standing(!j.refusal),
        quota: quota && j.remaining != null ? T.offline_quota_left + " " + j.remaining : null,
        warnings: [j.unverified && reasonCard("offline_unverified"), j.refusal && reasonCard(j.refusal),
                   j.homeQuarantine && reasonCard("home_quarantine"), j.quotaRefusal && reasonCard(j.quotaRefusal)],
        tapHint: true
      });
      answered(seq);
    });
  }

  // What the phone can say of the person's pass at `at`: {refusal, homeQuarantine, quotaRefusal, remaining, claims},
  // or {unverified} where it cannot check (a printed short code, no snapshot yet, no WebCrypto on plain http).
  function judge(mine, dir, at) {
    var snap = off.snapshot();
    if (mine.mode !== "pass" || mine.unverified || !snap || mine.passCode.indexOf("GH1.") !== 0) return Promise.resolve({ unverified: true });
    if (mine.judged) return Promise.resolve(mine.judged);
    return GatehouseGateRules.verifyToken(mine.passCode, snap.keys).then(function (res) {
      if (res.error === "pass_unchecked") return { unverified: true };
      if (res.error) return { refusal: res.error };
      var j = GatehouseGateRules.judgePass(res.claims, snap, off.pendingExits(), at);
      j.claims = res.claims;
      return j;
    });
  }

  // A reading the rules believe, said under the field otherwise (the server would refuse it the same way).
  function readingBelievable(celsius, errorId) {
    var rules = off.rules();
    var tenths = Math.round(celsius * 10);
    if (tenths < 340 || tenths > 425 || Math.abs(celsius * 10 - tenths) > 1e-6) { error(errorId, T.offline_reading_invalid); return false; }
    if (rules && tenths < rules.lowestReadingTenths) {
      var snap = off.snapshot();
      error(errorId, snap ? snap.temperatureTooLow : T.offline_reading_invalid);
      return false;
    }
    return true;
  }

  // GB 11643: 17 digits and an ISO 7064 MOD 11-2 check character.
  function idNumberValid(v) {
    var n = v.toUpperCase();
    if (!/^[0-9]{17}[0-9X]$/.test(n)) return false;
    var weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    var sum = 0;
    for (var i = 0; i < 17; i++) sum += (n.charCodeAt(i) - 48) * weights[i];
    return "10X98765432".charAt(sum % 11) === n.charAt(17);
  }

  function iso(ms) { return new Date(ms).toISOString().replace(/\.\d+Z$/, "Z"); }

  // The passage as the screen shows it, before the server has it.
  function localView(item, outcome) {
    var skew = off.now() - Date.now();
    return {
      id: item.clientRequestId, local: true, offline: true, decision: outcome.decision, direction: item.body.direction,
      awaitingRemeasure: outcome.awaitingRemeasure, nameMasked: item.label || "—",
      // The countdown runs on the phone's own clock.
      remeasureAfter: outcome.remeasureAfter ? new Date(outcome.remeasureAfter - skew).toISOString() : null,
      reasons: outcome.reasons.map(function (code) { return off.reason(code); })
    };
  }

  function decideOffline(item, readings, at) {
    var j = item.judged || {};
    return GatehouseGateRules.decide({
      direction: item.body.direction, readings: readings, mask: item.body.mask, passRefusal: j.refusal,
      homeQuarantine: j.homeQuarantine, quotaRefusal: j.quotaRefusal, unverified: j.unverified
    }, off.rules());
  }

  // Decides and keeps one passage taken offline (or whose request got no answer), then shows it.
  function recordOffline(body, mine, seq, at) {
    judge(mine, body.direction, at).then(function (j) {
      var tenths = Math.round(body.temperature * 10);
      body.takenAt = iso(at);
      var item = {
        clientRequestId: body.clientRequestId, body: body, label: mine.label, judged: j, first: { tenths: tenths, at: at },
        photo: mine.mode === "noId" ? mine.photo : null,
        exit: j.claims && body.direction === "out" ? { household: j.claims.householdId, pass: j.claims.passId } : null
      };
      var outcome = decideOffline(item, [item.first], at);
      body.offlineDecision = outcome.decision;
      body.offlineReasons = outcome.reasons;
      item.view = localView(item, outcome);
      // A first high reading waits on screen for its re-measure; everything else is sent at once.
      item.held = outcome.awaitingRemeasure;
      off.queue(item);
      $("confirm").disabled = false;
      if (seq === lookupSeq && state === mine) showResult(item.view); else lateResult(mine.label, item.view);
    });
  }

  function remeasureOffline(v, celsius) {
    var item = off.find(v.id);
    if (!item) { error("remeasure-error", T.offline_remeasure_sent); return; }
    if (!readingBelievable(celsius, "remeasure-error")) return;
    var at = off.now();
    if (at < item.first.at + off.rules().remeasureRestSeconds * 1000 - 1000) { error("remeasure-error", T.offline_rest_not_over); return; }
    var outcome = decideOffline(item, [item.first, { tenths: Math.round(celsius * 10), at: at }], at);
    item.body.remeasure = { temperature: celsius, takenAt: iso(at) };
    item.body.offlineDecision = outcome.decision;
    item.body.offlineReasons = outcome.reasons;
    item.view = localView(item, outcome);
    item.held = false;
    off.update(item);
    error("remeasure-error", "");
    if (current === v) { current = null; showResult(item.view); } else lateResult(item.label, item.view);
  }

  // The banner: offline or not, the snapshot's age, what waits to be sent; and the items the server refused.
  function banner() {
    var s = off.state();
    var parts = [];
    if (s.offline) {
      parts.push(T.offline_label);
      if (!s.hasSnapshot) parts.push(T.offline_no_snapshot);
      else parts.push(s.ageMinutes < 1 ? T.offline_updated_just_now
        : s.ageMinutes < 120 ? T.offline_updated + " " + s.ageMinutes + " " + T.offline_minutes_ago
        : T.offline_updated + " " + Math.floor(s.ageMinutes / 60) + " " + T.offline_hours_ago);
    }
    if (s.waiting) parts.push(T.offline_waiting + " " + s.waiting + " " + T.offline_items + (s.syncing ? " · " + T.offline_uploading : ""));
    if (s.error) parts.push(s.error);
    $("gate-offline-text").textContent = parts.join(" · ");
    $("gate-offline").className = "gate-offline" + (s.offline ? " offline" : "") + (s.stale ? " stale" : "");
    $("gate-offline").setAttribute("data-waiting", String(s.waiting));
    // For whoever watches the page (a test, an assistive tool): whether a snapshot is kept, and offline or not.
    root.setAttribute("data-snapshot", s.hasSnapshot ? "kept" : "none");
    root.setAttribute("data-offline", s.offline ? "true" : "false");
    show($("gate-offline"), parts.length > 0);
    $("gate-offline-stale").textContent = s.stale ? T.offline_stale : "";
    show($("gate-offline-stale"), s.offline && s.stale);
    var list = $("gate-refused-list");
    list.innerHTML = "";
    s.refused.forEach(function (item) {
      var li = document.createElement("li");
      li.setAttribute("data-id", item.clientRequestId);
      var when = new Date(Date.parse(item.body.takenAt)).toLocaleString(lang === "en" ? "en-GB" : "zh-CN", { hour12: false, timeZone: "Asia/Shanghai" });
      var text = document.createElement("span");
      text.textContent = (item.label || "—") + " · " + when + " · " + (item.view ? item.view.decision === "allow" ? T.decision_allow : item.view.decision === "deny" ? T.decision_deny : T.decision_refer : "") + "：" + item.error;
      var done = document.createElement("button");
      done.type = "button"; done.className = "small secondary"; done.textContent = T.offline_dismiss;
      done.addEventListener("click", function () { off.dismiss(item.clientRequestId); focusScan(); });
      li.appendChild(text); li.appendChild(document.createTextNode(" ")); li.appendChild(done);
      list.appendChild(li);
    });
    show($("gate-refused"), s.refused.length > 0);
  }

  function decisionText(v) {
    if (v.awaitingRemeasure) return T.status_remeasure;
    return { allow: T.decision_allow, deny: T.decision_deny, refer: T.decision_refer }[v.decision] || "";
  }

  function showResult(v) {
    current = v;
    busy(true);
    show($("measure"), false);
    var who = v.nameMasked && v.nameMasked !== "—" ? v.nameMasked : T.name_not_given;
    $("result-who").textContent = who + " · " + (v.direction === "out" ? T.direction_out : T.direction_in);
    show($("result"), true);
    var d = $("decision");
    d.className = "decision " + (v.awaitingRemeasure ? "refer" : v.decision);
    d.textContent = decisionText(v) + (v.awaitingRemeasure ? "" : { allow: " ✓", deny: " ✕", refer: " !" }[v.decision] || "");
    d.setAttribute("data-decision", v.decision);
    d.setAttribute("data-passage", v.id);
    d.setAttribute("data-offline", v.local ? "true" : "false");
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
    focusScan();
  }

  $("remeasure").addEventListener("click", function () {
    if (!current) return;
    var t = parseFloat($("remeasure-temperature").value);
    if (isNaN(t)) { error("remeasure-error", T.temperature); return; }
    var v = current;
    if (v.local) { remeasureOffline(v, t); return; }
    step(url("remeasure", { passageID: v.id }), { temperature: t }, "remeasure-error", function (d) {
      rememberPending(d);
      if (current === v) showResult(d); else lateResult(v.nameMasked, d);
    }, { stillHere: function () { return current === v; } });
  });
  $("remeasure-temperature").addEventListener("keydown", function (e) { if (e.key === "Enter") { e.preventDefault(); $("remeasure").click(); } });
  $("next-person").addEventListener("click", reset);

  // A 待复测 row on the gate's own list opens its re-measure here.
  $("records").addEventListener("click", function (e) {
    var tr = e.target.closest ? e.target.closest('tr[data-remeasure="true"]') : null;
    if (!tr || e.target.tagName === "A") return;
    e.preventDefault(); e.stopPropagation();
    clearCard();
    openRemeasure(tr.getAttribute("data-id"));
  }, true);

  // Live: card reads for this checkpoint, and every passage recorded here (from any screen).
  if (window.EventSource) {
    var source = new EventSource(url("live"));
    source.addEventListener("card", function (e) {
      var ev = JSON.parse(e.data);
      $("tab-id").click();
      var seq = asked();
      state = { mode: "reader", cardReadId: ev.cardReadId, registered: false, label: ev.card.name };
      var photo = ev.photo;
      request("POST", url("lookup"), { checkpointId: checkpointId, idNumber: ev.card.idNumber }).then(function (res) {
        if (seq !== lookupSeq) return;
        var d = res.ok ? res.data : {};
        if (!res.ok && res.data && res.data.error) error("id-error", res.data.error.message);
        state.registered = !!d.registered;
        showCard({
          line: d.known ? T.known_person : T.new_person, badge: standing(!!d.registered),
          facts: personFacts({ card: ev.card, sexLabel: ev.sexLabel, age: ev.age, birthDate: ev.card.birthDate, division: ev.division,
                               phoneMasked: d.phoneMasked, expired: ev.expired }),
          warnings: [d.quarantineNotice && ["home_quarantine", d.quarantineNotice]],
          askPhone: !d.phoneMasked, register: !d.registered && !d.registrationProposed, photo: photo, pending: d.pendingRemeasure
        });
        answered(seq);
      }, function () { if (seq === lookupSeq) { error("id-error", T.network_error); answered(seq); } });
    });
    source.addEventListener("passage", function (e) { GatehouseRecords.upsert(JSON.parse(e.data), T); });
  }

  // A re-measure to take on arrival: a 待复测 row opened from the record list, or the one on screen before a reload.
  // The page opens without the network too (the service worker keeps it and its files); the first visit was not
  // served through the worker, so it keeps them itself.
  if ("serviceWorker" in navigator && window.isSecureContext) {
    var sw = root.getAttribute("data-sw") + "&gate=" + root.getAttribute("data-url-gate") + "&login=" + root.getAttribute("data-url-login") +
      "&logout=" + root.getAttribute("data-url-logout");
    navigator.serviceWorker.register(sw, { scope: "/" }).catch(function () { /* the gate still works online */ });
    if (!navigator.serviceWorker.controller && window.caches && navigator.onLine !== false) {
      var files = [root.getAttribute("data-url-gate"), root.getAttribute("data-decoder")].concat(Array.prototype.map.call(
        document.querySelectorAll('script[src], link[rel="stylesheet"], link[rel="manifest"], link[rel="icon"]'),
        function (e) { return e.getAttribute("src") || e.getAttribute("href"); }));
      caches.open("gatehouse-gate-v1").then(function (c) { return c.addAll(files); }).catch(function () { /* kept on the next visit */ });
    }
  }

  var open = root.getAttribute("data-remeasure");
  var kept = null;
  try { kept = localStorage.getItem(PENDING_KEY); } catch (e) { /* private mode */ }
  if (window.GatehouseOffline && window.indexedDB) {
    off = GatehouseOffline.start({
      checkpointId: checkpointId, userId: root.getAttribute("data-user"), csrf: csrf, lang: lang, T: T,
      urls: { snapshot: url("snapshot", {}), batch: url("batch", {}), photo: function (id) { return url("photo", { passageID: id }); } },
      rules: JSON.parse(root.getAttribute("data-rules") || "null"), reasons: JSON.parse(root.getAttribute("data-reasons") || "[]"),
      // The stored passages reach the list through the live feed, with the name of who took each.
      onChange: banner
    });
  }
  if ((open || kept) && !(off && off.isOffline())) openRemeasure(open || kept);
  focusScan();
})();
