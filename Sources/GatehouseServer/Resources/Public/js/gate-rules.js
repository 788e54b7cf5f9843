// The gate's rules for a scanned pass, for deciding without the server: the same steps as the core's EntryPolicy
// and FeverRule and the server's pass check, with the community's values from the offline snapshot (never figures
// of its own). Tested against the server on one shared table of cases (Tests/Shared/offline-gate-cases.json).
(function () {
  "use strict";
  var HOUR = 3600 * 1000;

  // What the readings so far (oldest first, {tenths, at} with `at` in ms) mean: as FeverRule.assess.
  function assessFever(readings, rules) {
    if (!readings.length) return { kind: "noReading" };
    var first = readings[0];
    if (first.tenths < rules.feverThresholdTenths) return { kind: "normal" };
    if (readings.length < 2) return { kind: "remeasureRequired", after: first.at + rules.remeasureRestSeconds * 1000 };
    return readings[readings.length - 1].tenths < rules.feverThresholdTenths ? { kind: "normal" } : { kind: "fever" };
  }

  // Whether going out at `now` is allowed under the quota, given the exits in its window: as OutingQuota.check
  // (the hours are China time, UTC+8, whatever the phone's zone).
  function quotaRefusal(quota, used, now) {
    var hour = new Date(now + 8 * HOUR).getUTCHours();
    if (hour < quota.fromHour || hour >= quota.toHour) return "outside_hours";
    if (used >= quota.exits) return "quota_used";
    return null;
  }

  // The exits that count for a pass's holder at `now`: the snapshot's, and the gate's own not yet sent
  // (`extraExits`: [{holder, at}]), inside the window `days` back.
  function exitsUsed(snapshot, claims, extraExits, now) {
    var exits = snapshot.exits;
    var quota = snapshot.rules.outingQuota;
    if (!quota) return 0;
    var holder = quota.scope === "household" ? claims.householdId : claims.passId;
    var start = now - quota.days * 24 * HOUR;
    var times = [];
    if (exits && exits.scope === quota.scope) {
      exits.holders.forEach(function (h) { if (h.id === holder) times = times.concat(h.at.map(Date.parse)); });
    }
    (extraExits || []).forEach(function (e) { if (e.holder === holder) times.push(e.at); });
    return times.filter(function (t) { return t >= start && t < now; }).length;
  }

  // What the snapshot says of a verified pass at `now`: why it cannot be honoured (the server's codes), whether its
  // household is in quarantine, and the quota's refusal for going out.
  function judgePass(claims, snapshot, extraExits, now) {
    var refusal = null;
    var known = true;
    if (claims.communityId !== snapshot.communityId) { refusal = "pass_wrong_community"; known = false; }
    else if (claims.expiresAt <= now) refusal = "pass_expired";
    else {
      snapshot.refusedPasses.forEach(function (p) { if (p.passId === claims.passId) refusal = p.code; });
    }
    // Another community's pass says nothing true of this one's households.
    var quarantine = known && snapshot.quarantinedHouseholds.indexOf(claims.householdId) >= 0;
    var quota = snapshot.rules.outingQuota;
    var quotaCode = known && quota ? quotaRefusal(quota, exitsUsed(snapshot, claims, extraExits, now), now) : null;
    var remaining = known && quota ? Math.max(0, quota.exits - exitsUsed(snapshot, claims, extraExits, now)) : null;
    return { refusal: refusal, homeQuarantine: quarantine, quotaRefusal: quotaCode, remaining: remaining };
  }

  // The decision for one person, as EntryPolicy.decide for a pass holder: {direction, readings, mask, passRefusal,
  // homeQuarantine, quotaRefusal, unverified}. `unverified`: what the gate could not check offline (a typed number, a
  // visitor's code) — only the fever and the mask decide, and the passage says so.
  function decide(r, rules) {
    var fever = assessFever(r.readings, rules);
    var reasons = [];
    var decision = "allow";
    var tighten = function (code) { reasons.push(code); if (decision === "allow") decision = "deny"; };
    if (fever.kind === "noReading") { reasons.push("no_temperature"); decision = "deny"; }
    else if (fever.kind === "remeasureRequired") { reasons.push("remeasure_required"); decision = "refer"; }
    else if (fever.kind === "fever") { reasons.push("fever"); decision = "refer"; }
    if (!r.mask) tighten("no_mask");
    if (r.passRefusal) tighten(r.passRefusal);
    if (r.homeQuarantine && r.direction === "out") tighten("home_quarantine");
    if (r.quotaRefusal && r.direction === "out") tighten(r.quotaRefusal);
    if (r.unverified) reasons.push("offline_unverified");
    return { decision: decision, reasons: reasons, awaitingRemeasure: fever.kind === "remeasureRequired",
             remeasureAfter: fever.after || null };
  }

  // --- Signature: ES256 over "GH1.<kid>." + payload, raw r‖s, low s only (as PassTokenVerifier) ---------------
  function base64url(text) {
    if (!/^[A-Za-z0-9_-]*$/.test(text)) return null;
    var s = text.replace(/-/g, "+").replace(/_/g, "/");
    while (s.length % 4) s += "=";
    try {
      var bin = atob(s);
      var out = new Uint8Array(bin.length);
      for (var i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
      return out;
    } catch (e) { return null; }
  }
  function hex(bytes, from, to) {
    var h = "";
    for (var i = from; i < to; i++) h += (bytes[i] + 256).toString(16).slice(1);
    return h;
  }
  function uuid(bytes, at) {
    var h = hex(bytes, at, at + 16).toUpperCase();
    return h.slice(0, 8) + "-" + h.slice(8, 12) + "-" + h.slice(12, 16) + "-" + h.slice(16, 20) + "-" + h.slice(20);
  }
  // Half the P-256 group order: a signature's s above it is refused (its twin with n − s would verify too).
  var HALF_ORDER = "7fffffff800000007fffffffffffffffde737d56d38bcf4279dce5617e3192a8";
  function isLowS(sig) { return hex(sig, 32, 64) <= HALF_ORDER; }

  // 1 version byte, pass, household and community UUIDs, the kind, the expiry (seconds, big-endian).
  var KINDS = { 1: "personal", 2: "household", 3: "temporaryResident", 4: "staff" };
  function claimsOf(b) {
    if (b.length !== 54 || b[0] !== 1 || !KINDS[b[49]]) return null;
    var t = ((b[50] << 24) >>> 0) + (b[51] << 16) + (b[52] << 8) + b[53];
    return { passId: uuid(b, 1), householdId: uuid(b, 17), communityId: uuid(b, 33), kind: KINDS[b[49]], expiresAt: t * 1000 };
  }

  var keyCache = {};
  function importKey(jwk) {
    var id = jwk.kid + ":" + jwk.x + ":" + jwk.y;
    if (!keyCache[id]) {
      keyCache[id] = crypto.subtle.importKey("jwk", { kty: "EC", crv: "P-256", x: jwk.x, y: jwk.y, ext: true },
                                             { name: "ECDSA", namedCurve: "P-256" }, false, ["verify"]);
    }
    return keyCache[id];
  }

  // Resolves to {claims} or {error: "pass_malformed" | "pass_unknown_key" | "pass_forged"}.
  function verifyToken(token, keys) {
    var parts = token.trim().split(".");
    var payload = parts.length === 4 && parts[0] === "GH1" ? base64url(parts[2]) : null;
    var sig = payload ? base64url(parts[3]) : null;
    var claims = payload && claimsOf(payload);
    if (!claims || !sig) return Promise.resolve({ error: "pass_malformed" });
    var jwk = (keys || []).filter(function (k) { return k.kid === parts[1]; })[0];
    if (!jwk) return Promise.resolve({ error: "pass_unknown_key" });
    if (sig.length !== 64 || !isLowS(sig)) return Promise.resolve({ error: "pass_forged" });
    if (!window.crypto || !crypto.subtle) return Promise.resolve({ error: "pass_unchecked" });
    var signed = new TextEncoder().encode("GH1." + parts[1] + ".");
    var data = new Uint8Array(signed.length + payload.length);
    data.set(signed, 0); data.set(payload, signed.length);
    return importKey(jwk).then(function (key) {
      return crypto.subtle.verify({ name: "ECDSA", hash: "SHA-256" }, key, sig, data);
    }).then(function (ok) { return ok ? { claims: claims } : { error: "pass_forged" }; },
            function () { return { error: "pass_forged" }; });
  }

  window.GatehouseGateRules = { assessFever: assessFever, decide: decide, judgePass: judgePass, verifyToken: verifyToken,
                                quotaRefusal: quotaRefusal };
})();
