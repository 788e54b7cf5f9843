// The gate's service worker: the gate page, its scripts, styles and strings open with the network off, on reload
// too; any other page that needs the server says so in Chinese (and English) instead of the browser's error page.
// The API is never answered from here: the gate's own script decides offline and keeps an outbox.
//
// Its addresses come from the page that registers it (`/sw.js?gate=/gate&login=/login&logout=/logout`: SiteURL's).
"use strict";
var CACHE = "gatehouse-gate-v1";
var params = new URL(self.location.href).searchParams;
var GATE = params.get("gate");
var LOGIN = params.get("login");
var LOGOUT = params.get("logout");
// A network that answers nothing for this long is taken as down: the guard gets the kept page.
var PAGE_TIMEOUT_MS = 6000;

self.addEventListener("install", function () { self.skipWaiting(); });
self.addEventListener("activate", function (e) { e.waitUntil(self.clients.claim()); });

self.addEventListener("fetch", function (e) {
  var req = e.request;
  var url = new URL(req.url);
  if (url.origin !== self.location.origin) return;
  // Signing out forgets the kept gate page (it shows the last records and the session's form token).
  if (req.method === "POST" && url.pathname === LOGOUT) { e.waitUntil(caches.delete(CACHE)); return; }
  if (req.method !== "GET") return;
  if (req.mode === "navigate") { e.respondWith(page(req, url)); return; }
  if (/^\/(css|js|vendor|icons)\//.test(url.pathname)) e.respondWith(file(req));
});

function timed(promise, ms) {
  return new Promise(function (resolve, reject) {
    var timer = setTimeout(function () { reject(new Error("timeout")); }, ms);
    promise.then(function (r) { clearTimeout(timer); resolve(r); }, function (err) { clearTimeout(timer); reject(err); });
  });
}

function page(req, url) {
  var isGate = url.pathname === GATE;
  return timed(fetch(req), PAGE_TIMEOUT_MS).then(function (res) {
    if (isGate && res.ok && res.type === "basic") {
      var copy = res.clone();
      caches.open(CACHE).then(function (c) { return c.put(GATE, copy); });
    }
    // The gate page sent elsewhere (signed out, or the session ended): what was kept is no longer this person's.
    if (isGate && (res.type === "opaqueredirect" || res.redirected) || url.pathname === LOGIN) caches.delete(CACHE);
    return res;
  }, function () {
    return caches.open(CACHE).then(function (c) { return isGate ? c.match(GATE) : null; }).then(function (hit) { return hit || offline(); });
  });
}

function file(req) {
  return caches.open(CACHE).then(function (c) {
    return c.match(req).then(function (hit) {
      return hit || fetch(req).then(function (res) { if (res.ok) c.put(req, res.clone()); return res; });
    });
  });
}

function offline() {
  var html = '<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">' +
    '<meta name="viewport" content="width=device-width, initial-scale=1"><title>网络未连接 · 门岗</title></head>' +
    '<body style="font:16px/1.6 sans-serif;margin:0;padding:1.5rem;color:#1d2733;background:#f5f7f9">' +
    '<h1 style="font-size:1.3rem">网络未连接</h1>' +
    '<p>此页面需要联网才能打开。请检查手机网络后刷新。</p>' +
    '<p>门岗登记页可以离线使用：离线登记的记录会在联网后自动上传。</p>' +
    '<p><a href="' + GATE + '" style="display:inline-block;padding:.7rem 1.2rem;background:#0b6e4f;color:#fff;border-radius:6px;text-decoration:none">打开门岗登记</a></p>' +
    '<p lang="en" style="color:#5b6875">No network: this page needs the server. The gate screen works offline and uploads its records when the network is back.</p>' +
    '</body></html>';
  return new Response(html, { status: 503, headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store" } });
}
