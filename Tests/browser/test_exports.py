"""Exports: the office downloads the day's temperature register as Excel (with progress) and prints it; the XLSX
opens in openpyxl with Chinese headers and the day's rows, and the CSV starts with a BOM."""
import io
import json
import os
import shutil
import subprocess
import tempfile
import urllib.request
import uuid

import openpyxl

from conftest import DEMO_PASSWORD, login, shot, until, wait_for_path


def api(server, path, token, method="GET", body=None):
    req = urllib.request.Request(server + path, method=method, data=None if body is None else json.dumps(body).encode(),
                                 headers={"Authorization": "Bearer " + token, "Content-Type": "application/json"} if token
                                 else {"Content-Type": "application/json"})
    with urllib.request.urlopen(req, timeout=20) as r:
        return r.read(), dict(r.headers)


def record_a_passage(server):
    """demo-guard1 lets someone in at the north gate (so today's register has a row whatever ran before)."""
    raw, _ = api(server, "/api/v1/auth/token", None, "POST", {"username": "demo-guard1", "password": DEMO_PASSWORD})
    token = json.loads(raw)["token"]
    me = json.loads(api(server, "/api/v1/me", token)[0])
    api(server, "/api/v1/passages", token, "POST", {"checkpointId": me["checkpointId"], "direction": "in", "temperature": 36.4,
                                                     "mask": True, "clientRequestId": str(uuid.uuid4()), "idNumber": "110105198704120318",
                                                     "name": "魏导出", "registerAsResident": True})


def test_the_register_downloads_opens_in_openpyxl_and_prints(server, browser):
    record_a_passage(server)
    login(browser, server, "demo-admin1")
    wait_for_path(browser, "/admin/communities/")
    community_id = browser.current_url.rstrip("/").split("/")[-1]
    browser.find_element("id", "exports-link").click()
    wait_for_path(browser, "/exports")
    browser.find_element("id", "download-xlsx").click()
    until(browser, lambda d: d.find_elements("id", "export-file"), timeout=20)
    assert browser.find_element("id", "export-progress").get_attribute("value") == "100"
    shot(browser, "exports")
    browser.find_element("id", "print-register").click()
    wait_for_path(browser, "/exports/print")
    assert browser.find_element("id", "register")
    # Who recorded each line by name, the sheet's gate and days, and lines to sign for 值班人 and 负责人.
    recorded_by = [tr.find_elements("tag name", "td")[-1].text for tr in browser.find_elements("css selector", "#register tbody tr")]
    assert "吴保安" in recorded_by and "demo-guard1" not in recorded_by, recorded_by
    assert browser.find_element("id", "sheet-gate").text == "全部卡点"
    assert browser.find_element("id", "sheet-days").text
    signatures = browser.find_element("id", "signatures").text
    assert "值班人（签字）" in signatures and "负责人（签字）" in signatures
    assert "钱秀兰" in browser.find_element("tag name", "body").text, "printed by a name"
    shot(browser, "register-print")

    raw, _ = api(server, "/api/v1/auth/token", None, "POST", {"username": "demo-admin1", "password": DEMO_PASSWORD})
    token = json.loads(raw)["token"]
    data, headers = api(server, f"/api/v1/exports/passages?communityId={community_id}&format=xlsx", token)
    sheet = openpyxl.load_workbook(io.BytesIO(data)).active
    header = [c.value for c in sheet[1]]
    assert header[:4] == ["序号", "时间", "卡点", "方向"] and header[-1] == "登记人"
    rows = list(sheet.iter_rows(min_row=2, values_only=True))
    assert "吴保安" in {r[-1] for r in rows} and "demo-guard1" not in {r[-1] for r in rows}
    assert len(rows) == int(headers["X-Total-Rows"]) > 0  # the earlier tests recorded passages today
    assert all(isinstance(r[6], float) for r in rows), "temperatures are numbers"
    assert all(not str(v).startswith("=") for r in rows for v in r if v is not None)
    csv, _ = api(server, f"/api/v1/exports/passages?communityId={community_id}&format=csv", token)
    assert csv.startswith(b"\xef\xbb\xbf") and "序号".encode() in csv[:20]


def test_libreoffice_opens_the_register(server):
    soffice = shutil.which("soffice")
    assert soffice, "LibreOffice (libreoffice-calc-nogui) is needed: .ci/run installs it"
    raw, _ = api(server, "/api/v1/auth/token", None, "POST", {"username": "demo-admin1", "password": DEMO_PASSWORD})
    token = json.loads(raw)["token"]
    communities = json.loads(api(server, "/api/v1/communities", token)[0])
    data, headers = api(server, f"/api/v1/exports/passages?communityId={communities[0]['id']}&format=xlsx", token)
    folder = tempfile.mkdtemp()
    with open(os.path.join(folder, "register.xlsx"), "wb") as f:
        f.write(data)
    subprocess.run([soffice, "--headless", f"-env:UserInstallation=file://{folder}/profile", "--convert-to",
                    "csv:Text - txt - csv (StarCalc):44,34,76", "--outdir", folder, os.path.join(folder, "register.xlsx")],
                   check=True, capture_output=True, timeout=180)
    with open(os.path.join(folder, "register.csv"), encoding="utf-8") as f:
        lines = f.read().splitlines()
    assert lines[0].startswith("序号,时间,卡点,方向")
    assert len(lines) == int(headers["X-Total-Rows"]) + 1
