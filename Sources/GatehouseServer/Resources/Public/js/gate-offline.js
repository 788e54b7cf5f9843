// The gate without the network: the snapshot it decides with, the outbox of passages taken offline (or whose
// request got no answer), and the sync that sends them in order, each exactly once (its clientRequestId).
//
// Both live in IndexedDB, so a reload, a closed tab or a dead battery loses nothing: an item leaves the outbox only
// when the server has answered for it. The outbox is the signed-in operator's own (谁登记、谁负责): another operator
// signing in on the same phone sends only theirs.
(function () {
  "use strict";
  var DB_NAME = "gatehouse-gate";
  var REFRESH_MS = 60 * 1000;
  var PROBE_MS = 15 * 1000;
  var TIMEOUT_MS = 10 * 1000;
  var BATCH = 500;

  function openDB() {
    return new Promise(function (resolve, reject) {
      var req = indexedDB.open(DB_NAME, 1);
      req.onupgradeneeded = function () {
        var db = req.result;
        db.createObjectStore("snapshots", { keyPath: "key" });
        db.createObjectStore("outbox", { keyPath: "clientRequestId" });
      };
      req.onsuccess = function () { resolve(req.result); };
      req.onerror = function () { reject(req.error); };
    });
  }

  // One transaction: `work(store)` puts and deletes; resolves when it has committed.
  function tx(db, name, mode, work) {
    return new Promise(function (resolve, reject) {
      var t = db.transaction(name, mode);
      var result;
      t.oncomplete = function () { resolve(result); };
      t.onerror = t.onabort = function () { reject(t.error); };
      result = work(t.objectStore(name));
    });
  }

  function getAll(db, name) {
    return new Promise(function (resolve, reject) {
      var req = db.transaction(name, "readonly").objectStore(name).getAll();
      req.onsuccess = function () { resolve(req.result || []); };
      req.onerror = function () { reject(req.error); };
    });
  }

  // A fetch that gives up after `ms`: a stalled mobile network answers nothing for half a minute.
  function timedFetch(url, init, ms) {
    var controller = window.AbortController ? new AbortController() : null;
    var timer = controller ? setTimeout(function () { controller.abort(); }, ms || TIMEOUT_MS) : null;
    var options = Object.assign({ credentials: "same-origin" }, init || {});
    if (controller) options.signal = controller.signal;
    return fetch(url, options).then(function (r) { clearTimeout(timer); return r; }, function (e) { clearTimeout(timer); throw e; });
  }

  /// o: {checkpointId, userId, csrf, lang, urls: {snapshot, batch, photo(passageId)}, rules, reasons, T, onChange()}
  function start(o) {
    var T = o.T;
    var db = null;
    var snap = null; // {key, snapshot, fetchedAt (device ms), offset (server − device ms)}
    var items = []; // this operator's outbox at this gate, oldest first
    var offline = navigator.onLine === false;
    var syncing = false;
    var lastError = "";
    var probe = null;
    var key = o.checkpointId + ":" + o.userId;
    var ready = openDB().then(function (d) {
      db = d;
      return Promise.all([getAll(db, "snapshots"), getAll(db, "outbox")]);
    }).then(function (all) {
      snap = all[0].filter(function (s) { return s.key === key; })[0] || null;
      items = all[1].filter(mine).sort(byTaken);
      // Nothing is held over a reload: a re-measure left waiting is sent as it stands.
      return Promise.all(items.filter(function (i) { return i.held; }).map(function (i) { i.held = false; return save(i); }));
    }).then(changed, function () { lastError = T.offline_storage_unavailable; changed(); });

    function mine(i) { return i.checkpointId === o.checkpointId && i.userId === o.userId; }
    function byTaken(a, b) { return a.seq - b.seq; }
    function changed() { if (o.onChange) o.onChange(); }
    function save(item) { return db ? tx(db, "outbox", "readwrite", function (s) { s.put(item); }) : Promise.reject(new Error("no db")); }
    function remove(id) { return db ? tx(db, "outbox", "readwrite", function (s) { s.delete(id); }) : Promise.resolve(); }

    function setOffline(on) {
      if (offline === on) return;
      offline = on;
      if (probe) { clearInterval(probe); probe = null; }
      // Offline, the server is asked every 15 s whether it is back; online, once a minute for a fresh snapshot.
      if (on) probe = setInterval(refresh, PROBE_MS);
      changed();
    }

    // --- The snapshot -----------------------------------------------------------------------------------------
    function refresh() {
      var sent = Date.now();
      return timedFetch(o.urls.snapshot, { headers: { "Accept-Language": o.lang } }).then(function (r) {
        if (!r.ok) { if (r.status >= 500) setOffline(true); return null; }
        return r.json().then(function (s) {
          var back = Date.now();
          var record = { key: key, snapshot: s, fetchedAt: back, offset: Date.parse(s.serverTime) - (sent + back) / 2 };
          snap = record;
          setOffline(false);
          changed();
          var kept = db ? tx(db, "snapshots", "readwrite", function (st) { st.put(record); }) : Promise.resolve();
          return kept.then(function () { if (queued().length) sync(); return s; });
        });
      }, function () { setOffline(true); return null; });
    }
    setInterval(function () { if (!offline) refresh(); }, REFRESH_MS);
    window.addEventListener("online", function () { refresh(); });
    window.addEventListener("offline", function () { setOffline(true); });

    // The server's clock as this device sees it (the offset measured at the last snapshot).
    function now() { return Date.now() + (snap ? snap.offset : 0); }
    function rules() { return snap ? snap.snapshot.rules : o.rules; }
    function reason(code) {
      var list = (snap && snap.snapshot.reasons) || o.reasons || [];
      var found = list.filter(function (r) { return r.code === code; })[0];
      return found ? { code: code, message: found.message, warning: found.warning } : { code: code, message: T.offline_reason_unknown, warning: false };
    }

    // --- The outbox ---------------------------------------------------------------------------------------------
    // Items are sent in the order they were taken: a counter from this page's start, above every stored one.
    var seq = Date.now() * 1000;
    // `item`: {clientRequestId, body, label, view, held, photo?, exit?: {household, pass}}
    function queue(item) {
      item.checkpointId = o.checkpointId;
      item.userId = o.userId;
      item.status = "queued";
      seq = Math.max(seq + 1, items.length ? items[items.length - 1].seq + 1 : 0);
      item.seq = seq;
      items.push(item);
      changed();
      return ready.then(function () { return save(item); }).then(function () { if (!item.held) sync(); });
    }
    function update(item) { changed(); return ready.then(function () { return save(item); }).then(function () { if (!item.held) sync(); }); }
    function find(id) { return items.filter(function (i) { return i.clientRequestId === id; })[0] || null; }
    function release(id) { var i = find(id); if (i && i.held) { i.held = false; update(i); } }
    function dismiss(id) {
      items = items.filter(function (i) { return i.clientRequestId !== id; });
      changed();
      return ready.then(function () { return remove(id); });
    }
    function queued() { return items.filter(function (i) { return i.status === "queued" && !i.held; }); }
    // A person whose first high reading, taken offline, still waits for its re-measure.
    function waitingFor(identity) {
      return items.filter(function (i) {
        return i.view && i.view.awaitingRemeasure && !i.body.remeasure && (i.body.passCode === identity || i.body.idNumber === identity);
      })[0] || null;
    }
    // The exits this gate let through that the server has not counted yet.
    function pendingExits() {
      return items.filter(function (i) { return i.exit && i.view && i.view.decision === "allow"; }).map(function (i) {
        return [{ holder: i.exit.household, at: Date.parse(i.body.takenAt) }, { holder: i.exit.pass, at: Date.parse(i.body.takenAt) }];
      }).reduce(function (a, b) { return a.concat(b); }, []);
    }

    // --- The sync ---------------------------------------------------------------------------------------------
    // One sync at a time across this phone's tabs (Web Locks where the browser has them).
    function locked(work) {
      if (navigator.locks && navigator.locks.request) return navigator.locks.request("gatehouse-sync-" + key, work);
      return work();
    }

    function sync() {
      if (syncing || offline) return Promise.resolve();
      syncing = true;
      changed();
      return ready.then(function () {
        return locked(function () {
          // Another tab may have sent some meanwhile, or left some behind when it was closed: read the outbox again
          // under the lock, keeping this tab's own copies (a held re-measure is held here).
          return getAll(db, "outbox").then(function (all) {
            var here = {};
            items.forEach(function (i) { here[i.clientRequestId] = i; });
            items = all.filter(mine).map(function (i) { return here[i.clientRequestId] || i; }).sort(byTaken);
            return sendPhotos().then(function () { return sendBatch(); });
          });
        });
      }).then(function (more) {
        syncing = false;
        changed();
        if (more) return sync();
      }, function () { syncing = false; changed(); });
    }

    function sendBatch() {
      var batch = queued().slice(0, BATCH);
      if (!batch.length) return Promise.resolve(false);
      var headers = { "Content-Type": "application/json", "X-CSRF-Token": o.csrf, "Accept-Language": o.lang };
      return timedFetch(o.urls.batch, { method: "POST", headers: headers, body: JSON.stringify({ passages: batch.map(function (i) { return i.body; }) }) }, 30000)
        .then(function (r) {
          if (r.status === 401 || r.status === 403) { lastError = T.offline_sign_in_again; changed(); return false; }
          if (!r.ok) { lastError = T.offline_upload_failed; changed(); later(); return false; }
          return r.json().then(function (answer) {
            lastError = "";
            var results = answer.results || [];
            var again = results.some(function (r) { return r && r.error && r.error.retry; }) || results.length !== batch.length;
            return Promise.all(batch.map(function (item, index) { return settle(item, results[index]); }))
              .then(function () { if (again) later(); return !again && queued().length > 0; });
          });
        }, function () { setOffline(true); return false; });
    }

    // An item's answer: stored (it leaves the outbox, after its photo if it has one), refused for good (kept and
    // shown until a person deals with it), or to be sent again.
    function settle(item, result) {
      if (!result) return Promise.resolve();
      if (result.error) {
        if (result.error.retry) return Promise.resolve();
        item.status = "refused";
        item.error = result.error.message;
        return save(item);
      }
      if (item.photo) { item.status = "photo"; item.passageId = result.id; return save(item).then(function () { return sendPhoto(item); }); }
      items = items.filter(function (i) { return i !== item; });
      return remove(item.clientRequestId);
    }

    // The server answered but could not take everything now (busy, restarting): try again in a while.
    var retryTimer = null;
    function later() {
      if (retryTimer) return;
      retryTimer = setTimeout(function () { retryTimer = null; sync(); }, PROBE_MS);
    }

    function sendPhotos() {
      return items.filter(function (i) { return i.status === "photo"; }).reduce(function (p, i) {
        return p.then(function () { return sendPhoto(i); });
      }, Promise.resolve());
    }
    function sendPhoto(item) {
      var headers = { "Content-Type": item.photo.type || "image/jpeg", "X-CSRF-Token": o.csrf, "Accept-Language": o.lang };
      return timedFetch(o.urls.photo(item.passageId), { method: "POST", headers: headers, body: item.photo }, 30000).then(function (r) {
        if (r.ok || r.status === 400 || r.status === 413 || r.status === 415 || r.status === 422) {
          items = items.filter(function (i) { return i !== item; });
          return remove(item.clientRequestId);
        }
      }, function () { setOffline(true); });
    }

    // --- What the banner says ---------------------------------------------------------------------------------
    function state() {
      var age = snap ? Math.max(0, Date.now() - snap.fetchedAt) : null;
      var stale = snap ? age > snap.snapshot.staleAfterSeconds * 1000 : false;
      return {
        offline: offline, syncing: syncing, hasSnapshot: !!snap, ageMinutes: age == null ? null : Math.floor(age / 60000),
        stale: stale, waiting: items.filter(function (i) { return i.status !== "refused"; }).length,
        refused: items.filter(function (i) { return i.status === "refused"; }), error: lastError
      };
    }

    ready.then(refresh);
    return {
      ready: ready, isOffline: function () { return offline; }, wentOffline: function () { setOffline(true); },
      snapshot: function () { return snap ? snap.snapshot : null; }, now: now, rules: rules, reason: reason,
      queue: queue, update: update, find: find, release: release, dismiss: dismiss, waitingFor: waitingFor,
      pendingExits: pendingExits, sync: sync, refresh: refresh, state: state
    };
  }

  window.GatehouseOffline = { start: start };
})();
