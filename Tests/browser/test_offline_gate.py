"""The gate through a network outage, on a phone-sized screen against a server of its own: the network is taken
away (Chromium's DevTools protocol) and the server stopped, the gate page reloads from the service worker, 30
passages are taken and checked on the phone, the tab is closed while its outbox is being answered, and on reopening
every passage is stored exactly once with the time it was taken; what the server's rules would have refused waits
on the office's review list. The browser's pass check also decides the shared table of cases."""
import json
import os
import subprocess
import tempfile
import time
import urllib.request
from collections import Counter

import pytest
from selenium.webdriver.common.keys import Keys

from conftest import BINARY, DEMO_PASSWORD, ROOT, click_and_reload, login, new_browser, office_without_remeasure_rest, open_gate, shot, start_server, \
    stop_server, until, wait_for_path
from test_gate_guard import WANG, api, pass_tokens

CASES = os.path.join(ROOT, "Tests", "Shared", "offline-gate-cases.json")
# The smallest JPEG the gate's photo field takes.
JPEG = bytes([0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10]) + b"JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00" \
    + bytes([0xFF, 0xC0, 0x00, 0x0B, 0x08, 0x00, 0x01, 0x00, 0x01, 0x01, 0x01, 0x11, 0x00]) + bytes([0xFF, 0xDA, 0x00, 0x04, 0x01, 0x00, 0x12, 0x34, 0xFF, 0xD9])


class OwnServer:
    """A server on demo data that the test can stop and start again on the same port and data."""

    def __init__(self):
        self.base, self.proc, self.data = start_server("gatehouse-offline-")
        self.port = int(self.base.rsplit(":", 1)[1])

    def stop(self):
        # Killed, as a power cut or a crash would: the gate's live connection would hold a graceful stop open.
        self.proc.kill()
        self.proc.wait(timeout=10)

    def start(self):
        env = dict(os.environ, GATEHOUSE_DATA_DIR=self.data, GATEHOUSE_PORT=str(self.port), GATEHOUSE_BCRYPT_COST="6")
        env.pop("DATABASE_URL", None)
        log = open(os.path.join(self.data, "server.log"), "a")
        self.proc = subprocess.Popen([BINARY, "serve"], env=env, stdout=log, stderr=subprocess.STDOUT, cwd=self.data)
        deadline = time.time() + 30
        while time.time() < deadline:
            try:
                with urllib.request.urlopen(self.base + "/healthz", timeout=1):
                    return
            except OSError:
                time.sleep(0.2)
        raise RuntimeError("the server did not start again")


@pytest.fixture(scope="module")
def own():
    server = OwnServer()
    yield server
    try:
        server.stop()
    except Exception:
        pass
    stop_server(server.proc, server.data)


def network(browser, online):
    browser.execute_cdp_cmd("Network.enable", {})
    browser.execute_cdp_cmd("Network.emulateNetworkConditions",
                            {"offline": not online, "latency": 0, "downloadThroughput": -1, "uploadThroughput": -1})


def outbox(browser):
    """The phone's outbox as IndexedDB holds it."""
    return browser.execute_async_script("""
        var done = arguments[arguments.length - 1];
        var req = indexedDB.open("gatehouse-gate", 1);
        req.onsuccess = function () {
          var all = req.result.transaction("outbox", "readonly").objectStore("outbox").getAll();
          all.onsuccess = function () { done(all.result.map(function (i) {
            return { id: i.clientRequestId, takenAt: i.body.takenAt, status: i.status, held: !!i.held, code: i.body.registrationCode || null };
          })); };
        };
        req.onerror = function () { done(null); };""")


def scan(browser, code):
    form = browser.find_element("id", "id-form")
    before = form.get_attribute("data-answered")
    field = browser.find_element("id", "id-number")
    field.clear()
    field.send_keys(code + Keys.ENTER)
    until(browser, lambda d: d.find_element("id", "id-form").get_attribute("data-answered") not in (None, before)
          and d.find_element("id", "id-form").get_attribute("data-answered") == d.find_element("id", "id-form").get_attribute("data-asked"))
    return browser.execute_script(
        'return Array.prototype.map.call(document.querySelectorAll("#pass-warnings li"), function (li) { return li.getAttribute("data-code"); });')


def tap(browser, value="36.5"):
    """Taps a quick temperature (a pass holder's confirmation); returns the decision, its reasons and whether it was offline."""
    browser.find_element("css selector", f'.temp[data-value="{value}"]').click()
    until(browser, lambda d: d.find_element("id", "result").is_displayed())
    d = browser.find_element("id", "decision")
    reasons = [li.get_attribute("data-code") for li in browser.find_elements("css selector", "#reasons li")]
    return d.get_attribute("data-decision"), reasons, d.get_attribute("data-offline")


def waiting(browser):
    return int(browser.find_element("id", "gate-offline").get_attribute("data-waiting") or "0")


def gate_passages(base, token):
    return api(base, "GET", "/api/v1/passages?limit=200", token=token)["items"]


def test_the_gate_works_through_an_outage_and_syncs_each_passage_once(own):
    base = own.base
    office_token = api(base, "POST", "/api/v1/auth/token", {"username": "demo-admin1", "password": DEMO_PASSWORD})["token"]
    tokens = pass_tokens(base)
    labels = sorted(tokens)
    revoked_before, revoked_after, feverish = labels[0], labels[1], labels[2]
    holders = labels[3:]
    community = [c for c in api(base, "GET", "/api/v1/communities", token=office_token) if c["name"] == "幸福小区社区"][0]
    passes = {h["label"]: h["householdPassId"] for h in api(base, "GET", f"/api/v1/communities/{community['id']}/households",
                                                             token=office_token) if h.get("householdPassId")}
    api(base, "POST", f"/api/v1/passes/{passes[revoked_before]}/revoke", {"reason": "遗失"}, token=office_token)
    photo = os.path.join(tempfile.mkdtemp(), "visitor.jpg")
    with open(photo, "wb") as f:
        f.write(JPEG)

    # The office sets the re-measure rest to nothing, so that the fever re-measure can be taken at once.
    office = new_browser()
    try:
        office_without_remeasure_rest(office, base)
    finally:
        office.quit()

    browser = new_browser()
    try:
        open_gate(browser, base)
        # One online visit: the snapshot is kept and the service worker has the page.
        until(browser, lambda d: d.find_element("id", "gate").get_attribute("data-snapshot") == "kept", timeout=20)
        until(browser, lambda d: d.execute_async_script(
            "var done = arguments[0]; navigator.serviceWorker.ready.then(function () { return caches.match(document.getElementById('gate').getAttribute('data-url-gate')); })"
            ".then(function (hit) { done(!!hit && !!navigator.serviceWorker.controller); }, function () { done(false); });"), timeout=20)
        before = len(gate_passages(base, office_token))

        # The network goes; while the phone is cut off the office revokes another pass; then the server stops too.
        network(browser, online=False)
        api(base, "POST", f"/api/v1/passes/{passes[revoked_after]}/revoke", {"reason": "搬离"}, token=office_token)
        own.stop()
        browser.refresh()
        until(browser, lambda d: d.find_element("id", "gate").get_attribute("data-offline") == "true", timeout=20)
        assert "离线" in browser.find_element("id", "gate-offline-text").text
        assert "资料" in browser.find_element("id", "gate-offline-text").text
        # A page that needs the server says so in Chinese, with the way back to the gate.
        browser.get(base + "/records")
        until(browser, lambda d: "网络未连接" in d.find_element("tag name", "h1").text)
        shot(browser, "offline-page")
        browser.find_element("css selector", "a").click()
        until(browser, lambda d: d.find_element("id", "gate").get_attribute("data-offline") == "true", timeout=20)

        # 25 pass holders going in, checked on the phone (with the five below, 30 passages; and a code nobody issued).
        for i in range(25):
            label = holders[i % len(holders)]
            assert scan(browser, tokens[label]) == []
            assert tap(browser) == ("allow", [], "true"), label
            browser.find_element("id", "next-person").click()
        # The pass revoked before the snapshot: refused on the phone.
        assert scan(browser, tokens[revoked_before]) == ["pass_revoked"]
        assert tap(browser)[:2] == ("deny", ["pass_revoked"])
        browser.find_element("id", "next-person").click()
        # The pass revoked after it: the phone cannot know; the server will flag it.
        assert scan(browser, tokens[revoked_after]) == []
        assert tap(browser)[:2] == ("allow", [])
        browser.find_element("id", "next-person").click()
        # A fever: rest (none here), then the re-measure decides — on the phone.
        scan(browser, tokens[feverish])
        browser.find_element("id", "temperature").send_keys("37.9")
        browser.find_element("id", "confirm").click()
        until(browser, lambda d: d.find_element("id", "remeasure-box").is_displayed())
        assert browser.find_element("id", "decision").get_attribute("data-decision") == "refer"
        # Scanning the same pass again takes the guard back to the waiting re-measure, not to a new passage.
        scan(browser, tokens[feverish])
        until(browser, lambda d: d.find_element("id", "remeasure-box").is_displayed())
        browser.find_element("id", "remeasure-temperature").send_keys("36.6" + Keys.ENTER)
        until(browser, lambda d: d.find_element("id", "decision").get_attribute("data-decision") == "allow")
        browser.find_element("id", "next-person").click()
        # A typed ID number: recorded with the guard's decision, to be checked against the register at sync.
        assert scan(browser, WANG) == ["offline_unverified"]
        browser.find_element("id", "temperature").send_keys("36.4")
        browser.find_element("id", "confirm").click()
        until(browser, lambda d: d.find_element("id", "result").is_displayed())
        assert [li.get_attribute("data-code") for li in browser.find_elements("css selector", "#reasons li")] == ["offline_unverified"]
        shot(browser, "gate-offline-result")
        browser.find_element("id", "next-person").click()
        # Someone without an ID card, photographed: the photo waits in the outbox with the passage.
        browser.find_element("id", "tab-noid").click()
        browser.find_element("id", "noid-name").send_keys("黄小明")
        browser.find_element("id", "noid-phone").send_keys("13200000000")
        browser.find_element("id", "noid-photo").send_keys(photo)
        browser.find_element("id", "noid-next").click()
        until(browser, lambda d: d.find_element("id", "measure").is_displayed())
        browser.find_element("id", "temperature").send_keys("36.5")
        browser.find_element("id", "confirm").click()
        until(browser, lambda d: d.find_element("id", "result").is_displayed())
        browser.find_element("id", "next-person").click()
        browser.find_element("id", "tab-id").click()
        # A visitor's code nobody issued: taken, and refused by the server at sync.
        assert scan(browser, "000000") == ["offline_unverified"]
        tap(browser)
        browser.find_element("id", "next-person").click()

        until(browser, lambda d: waiting(d) == 31)
        assert "待上传 31 条" in browser.find_element("id", "gate-offline-text").text
        shot(browser, "gate-offline")
        kept = outbox(browser)
        assert len(kept) == 31 and all(i["status"] == "queued" and not i["held"] for i in kept)

        # The server comes back; the phone's answer to its outbox is held up in the browser (DevTools' Fetch), and
        # the tab is closed before it hears it: the server has stored everything, the phone has deleted nothing.
        own.start()
        browser.execute_cdp_cmd("Fetch.enable", {"patterns": [{"urlPattern": "*/api/v1/passages/batch*", "requestStage": "Response"}]})
        network(browser, online=True)
        until(browser, lambda d: len(gate_passages(base, office_token)) == before + 30, timeout=40)
        assert len(outbox(browser)) == 31
        closing = browser.current_window_handle
        browser.switch_to.new_window("tab")
        reopened = browser.current_window_handle
        browser.switch_to.window(closing)
        browser.close()
        browser.switch_to.window(reopened)
        browser.get(base + "/gate")
        until(browser, lambda d: waiting(d) == 0, timeout=40)

        stored = gate_passages(base, office_token)
        assert len(stored) == before + 30, "each passage stored exactly once"
        offline = [p for p in stored if p["offline"]]
        assert len(offline) == 30
        taken = Counter(i["takenAt"] for i in kept if not i["code"])
        assert Counter(p["recordedAt"] for p in offline) == taken, "each stored with the time it was taken"
        assert sorted([p["mode"] for p in offline]).count("typed") == 1
        fever = [p for p in offline if p.get("readings") == [37.9, 36.6]]
        assert len(fever) == 1 and fever[0]["decision"] == "allow"
        # What the server's rules refuse: the pass revoked while the gate was offline, and the stranger without an ID card.
        flagged = sorted((p for p in offline if p.get("review")), key=lambda p: p["recordedAt"])
        assert [[r["code"] for r in p["review"]["reasons"]] for p in flagged] == [["pass_revoked"], ["not_registered"]]
        stranger = [p for p in offline if p["nameMasked"].startswith("黄")]
        assert len(stranger) == 1

        # The visitor's code the server refused stays on the gate until someone deals with it.
        until(browser, lambda d: d.find_element("id", "gate-refused").is_displayed())
        items = browser.find_elements("css selector", "#gate-refused-list li")
        assert len(items) == 1 and "登记码" in items[0].text
        shot(browser, "gate-offline-refused")
        items[0].find_element("css selector", "button").click()
        until(browser, lambda d: not d.find_element("id", "gate-refused").is_displayed())
        assert outbox(browser) == []
    finally:
        browser.quit()

    # The office's review list has both, newest first; the stranger's record has the photo taken offline.
    office = new_browser()
    try:
        login(office, base, "demo-admin1")
        wait_for_path(office, "/admin/communities/")
        box = office.find_element("id", "offline-reviews")
        assert "离线放行待复核" in box.text and "通行证已作废" in box.text
        assert [li.get_attribute("data-passage").lower() for li in box.find_elements("css selector", "li")] == \
            [p["id"].lower() for p in reversed(flagged)]
        shot(office, "community-offline-reviews")
        for _ in flagged:
            click_and_reload(office, office.find_element("css selector", "#offline-reviews button.review-done"))
        until(office, lambda d: not d.find_elements("id", "offline-reviews"))
        office.get(base + "/records/" + stranger[0]["id"])
        until(office, lambda d: d.find_elements("id", "record-photo"))
    finally:
        office.quit()


def test_the_browsers_pass_check_decides_the_shared_cases_as_the_server_does(own):
    """The same table OfflineGateCaseTests runs on the server, through gate-rules.js as the gate page loads it."""
    cases = json.load(open(CASES, encoding="utf-8"))["cases"]
    browser = new_browser()
    try:
        open_gate(browser, own.base)
        results = browser.execute_script("""
            var R = window.GatehouseGateRules, cases = arguments[0];
            var community = "C0000000-0000-4000-8000-000000000001", household = "H0000000-0000-4000-8000-000000000002",
                pass = "P0000000-0000-4000-8000-000000000003";
            return cases.map(function (c) {
              var now = Date.parse(c.now);
              var rules = { feverThresholdTenths: c.rules ? c.rules.thresholdTenths : 373, remeasureRestSeconds: c.rules ? c.rules.restSeconds : 300,
                            lowestReadingTenths: 350, outingQuota: c.quota || null };
              var holder = c.quota && c.quota.scope === "person" ? pass : household;
              var snapshot = { communityId: community, rules: rules,
                               refusedPasses: c.pass === "revoked" || c.pass === "suspended" ? [{ passId: pass, code: "pass_" + c.pass }] : [],
                               quarantinedHouseholds: c.homeQuarantine ? [household] : [],
                               exits: c.quota ? { scope: c.quota.scope, holders: [{ id: holder, at: c.exits }] } : null };
              var claims = { passId: pass, householdId: household, communityId: c.pass === "otherCommunity" ? "other" : community,
                             expiresAt: c.pass === "expired" ? now - 3600 * 1000 : now + 86400 * 1000 };
              var j = R.judgePass(claims, snapshot, [], now);
              var out = R.decide({ direction: c.direction, mask: c.mask, passRefusal: j.refusal, homeQuarantine: j.homeQuarantine,
                                   quotaRefusal: j.quotaRefusal,
                                   readings: c.readings.map(function (r) { return { tenths: r.tenths, at: Date.parse(r.at) }; }) }, rules);
              return { name: c.name, decision: out.decision, reasons: out.reasons };
            });""", cases)
        for case, got in zip(cases, results):
            assert (got["decision"], got["reasons"]) == (case["decision"], case["reasons"]), case["name"]

        # The signature as the server made it verifies with WebCrypto; a changed byte does not.
        tokens = pass_tokens(own.base)
        token = tokens[sorted(tokens)[-1]]
        check = """
            var token = arguments[0], done = arguments[arguments.length - 1];
            fetch(document.getElementById("gate").getAttribute("data-url-snapshot"), { credentials: "same-origin" })
              .then(function (r) { return r.json(); })
              .then(function (s) { return window.GatehouseGateRules.verifyToken(token, s.keys); })
              .then(done, function (e) { done({ error: String(e) }); });"""
        good = browser.execute_async_script(check, token)
        assert good.get("claims", {}).get("kind") == "household", good
        payload = token.split(".")[2]
        altered = token.replace(payload, payload[:-2] + ("A" if payload[-2] != "A" else "B") + payload[-1])
        assert browser.execute_async_script(check, altered).get("error") == "pass_forged"
        assert browser.execute_async_script(check, "GH1.nokey." + token.split(".", 2)[2]).get("error") == "pass_unknown_key"

        # Kept for more than 12 hours: offline, the banner says the checks may be out of date.
        until(browser, lambda d: d.find_element("id", "gate").get_attribute("data-snapshot") == "kept", timeout=20)
        browser.execute_async_script("""
            var done = arguments[0], req = indexedDB.open("gatehouse-gate", 1);
            req.onsuccess = function () {
              var store = req.result.transaction("snapshots", "readwrite").objectStore("snapshots");
              var all = store.getAll();
              all.onsuccess = function () { all.result.forEach(function (s) { s.fetchedAt -= 13 * 3600 * 1000; store.put(s); }); };
              store.transaction.oncomplete = function () { done(true); };
            };""")
        network(browser, online=False)
        browser.refresh()
        until(browser, lambda d: d.find_element("id", "gate-offline-stale").is_displayed(), timeout=20)
        assert "13 小时前" in browser.find_element("id", "gate-offline-text").text
        assert "12小时" in browser.find_element("id", "gate-offline-stale").text
        shot(browser, "gate-offline-stale")
    finally:
        browser.quit()
