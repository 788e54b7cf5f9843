"""The gate as a guard lives it, on a phone-sized screen against a server of its own (this file stops and resumes
it): no way round the fever re-measure (card, pass, typed number, reload), a stalled server said at once and its
late answer shown against the right person, a scanner whose next scan right after a result starts the next person,
a camera scan on a browser without BarcodeDetector, and no raw code in any gate message."""
import base64
import json
import os
import re
import signal
import struct
import subprocess
import tempfile
import time
import urllib.request
import zlib

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.keys import Keys

from conftest import BINARY, DEMO_PASSWORD, gate_scan, login, new_browser, open_gate, shot, start_server, stop_server, type_id, until, wait_for_path

# Registered residents of the demo data (imported by the office): 王建华, 陈静 and 刘芳.
WANG = "419001197503010028"
CHEN = "419001199007150055"
LIU = "419001197804120036"
# The smallest JPEG a reader could post as the card's photo.
JPEG = bytes([0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10]) + b"JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00" \
    + bytes([0xFF, 0xDA, 0x00, 0x04, 0x01, 0x00, 0x12, 0x34, 0xFF, 0xD9])


@pytest.fixture(scope="module")
def own():
    base, proc, data = start_server("gatehouse-guard-")
    yield base, proc
    try:
        os.kill(proc.pid, signal.SIGCONT)
    except OSError:
        pass
    stop_server(proc, data)


def api(base, method, path, body=None, token=None):
    headers = {"Content-Type": "application/json"}
    if token:
        headers["Authorization"] = "Bearer " + token
    data = json.dumps(body).encode() if body is not None else None
    with urllib.request.urlopen(urllib.request.Request(base + path, data=data, headers=headers, method=method)) as r:
        return json.loads(r.read() or b"null")


def pass_tokens(base):
    """The demo's household pass tokens by household label, read through the office's API."""
    token = api(base, "POST", "/api/v1/auth/token", {"username": "demo-admin1", "password": DEMO_PASSWORD})["token"]
    community = [c for c in api(base, "GET", "/api/v1/communities", token=token) if c["name"] == "幸福小区社区"][0]
    households = api(base, "GET", f"/api/v1/communities/{community['id']}/households", token=token)
    return {h["label"]: api(base, "GET", f"/api/v1/passes/{h['householdPassId']}", token=token)["token"]
            for h in households if h.get("householdPassId")}


def tap(browser, value):
    browser.find_element("css selector", f'.temp[data-value="{value}"]').click()


def result(browser):
    until(browser, lambda d: d.find_element("id", "result").is_displayed())
    return browser.find_element("id", "decision").get_attribute("data-decision")


def remeasure_open(browser):
    """The card shows the pending re-measure with its countdown, and no temperature buttons for a new passage."""
    until(browser, lambda d: d.find_element("id", "remeasure-box").is_displayed())
    until(browser, lambda d: re.match(r"^\d+:\d\d$", d.find_element("id", "countdown").text))
    assert not browser.find_element("id", "measure").is_displayed()
    return browser.find_element("id", "decision").get_attribute("data-passage")


def no_codes(browser):
    """Every message on the gate screen is a sentence: none is a bare snake_case code."""
    texts = browser.execute_script(
        'return Array.prototype.map.call(document.querySelectorAll("#reasons li, #pass-warnings li, .field-error, #gate-status, #late-result"),'
        ' function (e) { return e.textContent; });')
    for text in texts:
        assert not re.search(r"\b[a-z]+(_[a-z]+)+\b", text or ""), text


def test_the_re_measure_cannot_be_walked_round(own):
    base, _ = own
    tokens = pass_tokens(base)
    browser = new_browser()
    try:
        open_gate(browser, base)
        # A pass holder: scan, tap a high reading → 待复测 with a countdown.
        gate_scan(browser, tokens["1栋2单元201室"])
        field = browser.find_element("id", "temperature")
        field.send_keys("37.6")
        browser.find_element("id", "confirm").click()
        assert result(browser) == "refer"
        first = remeasure_open(browser)
        shot(browser, "guard-remeasure")

        # Scan the same pass again: the card takes the re-measure, not a new passage.
        gate_scan(browser, tokens["1栋2单元201室"])
        assert remeasure_open(browser) == first

        # Reload: the countdown survives.
        browser.refresh()
        until(browser, lambda d: d.execute_script("return document.readyState") == "complete")
        assert remeasure_open(browser) == first

        # A typed number: a first high reading, then the number typed again.
        type_id(browser, WANG)
        until(browser, lambda d: d.find_element("id", "measure").is_displayed())
        browser.find_element("id", "temperature").send_keys("38.0")
        browser.find_element("id", "confirm").click()
        assert result(browser) == "refer"
        typed = remeasure_open(browser)
        browser.find_element("id", "next-person").click()
        type_id(browser, WANG)
        assert remeasure_open(browser) == typed

        # A page that would send a plain passage anyway is refused by the server, which names the re-measure.
        answer = browser.execute_async_script("""
            var done = arguments[arguments.length - 1];
            fetch('/api/v1/passages', {method: 'POST', credentials: 'same-origin',
              headers: {'Content-Type': 'application/json', 'Accept-Language': 'zh', 'X-CSRF-Token': document.querySelector('meta[name="csrf-token"]').content},
              body: JSON.stringify({checkpointId: document.getElementById('gate').dataset.checkpoint, idNumber: arguments[0],
                                    temperature: 36.5, mask: true, direction: 'in', clientRequestId: crypto.randomUUID()})})
              .then(function (r) { return r.json().then(function (j) { done([r.status, j]); }); });
        """, WANG)
        assert answer[0] == 409 and answer[1]["error"]["code"] == "remeasure_pending", answer
        assert answer[1]["error"]["passageId"] == typed
        assert "复测" in answer[1]["error"]["message"]

        # The card read: the reader's post for the same person shows the re-measure.
        office = new_browser()
        try:
            login(office, base, "demo-admin1")
            wait_for_path(office, "/admin/communities/")
            office.find_element("id", "device-name").send_keys("北门读卡器")
            office.find_element("css selector", "#add-device button").click()
            reader = until(office, lambda d: d.find_element("id", "device-token")).text
        finally:
            office.quit()
        time.sleep(1)
        card = {"cardType": "resident", "name": "王建华", "sex": "女", "ethnicity": "汉", "birthDate": "19750301",
                "address": "河南省济源市沁园路1号", "issuingAuthority": "济源市公安局", "validFrom": "2015.01.01",
                "validUntil": "2035.01.01", "idNumber": WANG, "photo": base64.b64encode(JPEG).decode()}
        api(base, "POST", "/api/v1/id-card-reads", card, token=reader)
        until(browser, lambda d: "王建华" in d.find_element("id", "person-facts").text)
        assert remeasure_open(browser) == typed
        # The card as printed: its photo beside the facts, from this read only.
        assert browser.find_element("id", "card-photo").get_attribute("src").startswith("data:image/jpeg;base64,")
        assert browser.find_element("id", "card-photo-box").is_displayed()
        no_codes(browser)

        # A 待复测 row on the record list opens its re-measure on the gate screen.
        browser.get(base + "/records")
        row = until(browser, lambda d: d.find_element("css selector", f'tr[data-id="{typed}"]'))
        assert row.get_attribute("data-remeasure") == "true"
        row.find_elements("css selector", "td")[2].click()
        wait_for_path(browser, "remeasure=" + typed)
        assert remeasure_open(browser) == typed
        shot(browser, "guard-remeasure-from-list")
    finally:
        browser.quit()


def test_a_stalled_server_is_said_at_once_and_its_late_answer_goes_to_the_right_person(own):
    base, proc = own
    browser = new_browser()
    try:
        open_gate(browser, base)
        type_id(browser, CHEN)
        until(browser, lambda d: d.find_element("id", "measure").is_displayed())
        os.kill(proc.pid, signal.SIGSTOP)
        try:
            tap(browser, "36.5")
            browser.find_element("id", "confirm").click()
            until(browser, lambda d: d.find_element("id", "gate-status").is_displayed(), timeout=2)
            assert "正在提交" in browser.find_element("id", "gate-status").text
            until(browser, lambda d: "网络慢" in d.find_element("id", "gate-status").text, timeout=6)
            shot(browser, "guard-slow-network")
            # The scan field is empty and focused for the next person meanwhile.
            assert browser.switch_to.active_element.get_attribute("id") == "id-number"
            assert browser.find_element("id", "id-number").get_attribute("value") == ""
            # The guard moves on: the next person is typed while the first answer is still out.
            browser.switch_to.active_element.send_keys(LIU + Keys.ENTER)
        finally:
            os.kill(proc.pid, signal.SIGCONT)
        late = until(browser, lambda d: d.find_element("id", "late-result") if d.find_element("id", "late-result").is_displayed() else None,
                     timeout=20)
        assert "陈*" in late.text and "放行" in late.text, late.text
        assert late.get_attribute("data-decision") == "allow"
        # The card on screen is the next person's, not the late answer's.
        until(browser, lambda d: "刘*" in d.find_element("id", "person-facts").text)
        assert not browser.find_element("id", "result").is_displayed()
        until(browser, lambda d: not d.find_element("id", "gate-status").is_displayed())
        shot(browser, "guard-late-answer")
        no_codes(browser)
    finally:
        browser.quit()


def test_a_scan_right_after_a_result_starts_the_next_person(own):
    base, _ = own
    tokens = pass_tokens(base)
    browser = new_browser()
    try:
        open_gate(browser, base)
        gate_scan(browser, tokens["2栋1单元301室"])
        tap(browser, "36.4")
        assert result(browser) == "allow"
        # The scanner types at whatever has focus: the scan field, not 下一位.
        assert browser.switch_to.active_element.get_attribute("id") == "id-number"
        before = browser.find_element("id", "id-form").get_attribute("data-answered")
        browser.switch_to.active_element.send_keys(tokens["1栋1单元102室"] + Keys.ENTER)
        until(browser, lambda d: d.find_element("id", "id-form").get_attribute("data-answered") != before)
        until(browser, lambda d: d.find_element("id", "tap-hint").is_displayed())
        assert not browser.find_element("id", "result").is_displayed(), "the next person, not the old result"
        # Even when a button had the focus (the guard tapped 下一位 by habit), the scan reaches the scan field.
        browser.find_element("id", "mask").click()
        browser.find_element("id", "mask").click()
        before = browser.find_element("id", "id-form").get_attribute("data-answered")
        browser.switch_to.active_element.send_keys(tokens["2栋1单元301室"] + Keys.ENTER)
        until(browser, lambda d: d.find_element("id", "id-form").get_attribute("data-answered") != before)
        assert "2栋1单元301室" in browser.find_element("id", "person-facts").text
        # The first temperatures sit above the fold on a 640-px-high phone.
        browser.set_window_size(360, 640)
        browser.execute_script("window.scrollTo(0, 0)")
        shot(browser, "guard-640")
        top = browser.execute_script('return document.querySelector(".temp").getBoundingClientRect().top + window.scrollY;')
        assert top < 640, top
    finally:
        browser.quit()


def y4m_from_qr(text, path):
    """A camera's view of a pass QR (made by the server's own encoder) as a Y4M file Chromium plays as its camera."""
    png = path + ".png"
    subprocess.run([BINARY, "qr", "--text", text, "--out", png], check=True, capture_output=True)
    data = open(png, "rb").read()
    pos, idat, width = 8, b"", 0
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        chunk = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            width = struct.unpack(">I", chunk[:4])[0]
        elif kind == b"IDAT":
            idat += chunk
        pos += 12 + length
    raw = zlib.decompress(idat)
    row_bytes = (width + 7) // 8
    W, H = 800, 600
    assert width <= H, width
    y = bytearray([235]) * (W * H)
    ox, oy = (W - width) // 2, (H - width) // 2
    for py in range(width):
        line = raw[py * (row_bytes + 1) + 1:(py + 1) * (row_bytes + 1)]
        for px in range(width):
            if not (line[px >> 3] >> (7 - (px & 7))) & 1:
                y[(oy + py) * W + ox + px] = 16
    chroma = bytes([128]) * (W * H // 4)
    with open(path, "wb") as f:
        f.write(f"YUV4MPEG2 W{W} H{H} F10:1 Ip A1:1 C420jpeg\n".encode())
        for _ in range(20):
            f.write(b"FRAME\n" + bytes(y) + chroma + chroma)


def test_the_camera_reads_a_pass_without_barcode_detector(own):
    base, _ = own
    tokens = pass_tokens(base)
    video = os.path.join(tempfile.mkdtemp(), "pass.y4m")
    y4m_from_qr(tokens["1栋1单元102室"], video)
    options = webdriver.ChromeOptions()
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=412,915", "--lang=zh-CN",
                "--use-fake-device-for-media-stream", "--use-fake-ui-for-media-stream", "--use-file-for-fake-video-capture=" + video):
        options.add_argument(arg)
    browser = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    browser.implicitly_wait(3)
    try:
        open_gate(browser, base)
        assert not browser.execute_script('return "BarcodeDetector" in window'), "this test is for browsers without it"
        assert not browser.execute_script("return !!window.Html5Qrcode"), "the decoder loads only with the camera"
        # The gate is online with its snapshot kept (a busy machine's first snapshot may come late): the pass is then
        # looked up on the server, whose card names the household.
        until(browser, lambda d: d.find_element("id", "gate").get_attribute("data-snapshot") == "kept"
              and d.find_element("id", "gate").get_attribute("data-offline") == "false", timeout=30)
        browser.find_element("id", "camera-scan").click()
        try:
            until(browser, lambda d: "1栋1单元102室" in d.find_element("id", "person-facts").text, timeout=30)
        except Exception:
            state = browser.execute_script(
                'var g = document.getElementById("gate"); return [g.getAttribute("data-offline"), document.getElementById("person-facts").textContent,'
                ' document.getElementById("id-error").textContent, document.getElementById("person-known").textContent, !!window.Html5Qrcode];')
            raise AssertionError("the camera's pass did not reach the card: %r" % (state,))
        assert browser.find_element("id", "tap-hint").is_displayed()
        assert not browser.find_element("id", "camera-box").is_displayed(), "the camera stops once the pass is read"
        shot(browser, "guard-camera")
    finally:
        browser.quit()
