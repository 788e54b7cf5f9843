"""Households and passes end to end in a real browser: import a CSV (a bad file imports nothing), issue household
passes, print the A4 sheet (its QR codes decoded by zbarimg), then at the gate: scan + tap allows; over the outing
quota, a revoked pass and a household under home quarantine are each denied with their reason; the resident sees
their pass."""
import os
import re
import shutil
import subprocess
import tempfile

import pytest

from conftest import gate_scan as scan, gate_tap as tap, login, logout, order_quarantine, shot, until, wait_for_path

ZBAR = shutil.which("zbarimg")

GOOD = """楼栋,单元,房号,姓名,身份证号,手机号,类别,暂住截止日期,房东姓名,房东手机号
8,1,101,张三,110105198001010016,13812340001,常住,,,
8,1,101,张小三,110105200008080017,,常住,,,
8,1,102,李四,110105199003150025,13812340002,暂住,2030-06-30,王五,13700001111
8,1,103,赵六,110105197506060030,13812340003,常住,,,
"""
BAD = """楼栋,单元,房号,姓名,身份证号,手机号,类别
8,1,201,钱七,110105198507200044,13812340009,常住
8,1,,孙八,110105198507200045,123,外地
"""


def csv_file(text, name):
    path = os.path.join(tempfile.mkdtemp(), name)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)
    return path


def open_households(browser, server):
    login(browser, server, "demo-admin1")
    wait_for_path(browser, "/admin/communities/")
    browser.find_element("id", "households-link").click()
    wait_for_path(browser, "/households")


def upload(browser, path):
    browser.find_element("id", "import-file").send_keys(path)
    browser.find_element("css selector", "#import-form button[type=submit]").click()


def click(browser, css):
    """Clicks once the element is there, riding out a page that is still being replaced."""
    until(browser, lambda d: d.find_element("css selector", css).click() or True)


def household_row(browser, label):
    for row in browser.find_elements("css selector", "#households tbody tr"):
        if label in row.text:
            return row
    raise AssertionError(label + " not listed: " + browser.find_element("id", "households").text)


def test_households_and_passes_end_to_end(server, browser):
    open_households(browser, server)
    households_url = browser.current_url

    # A bad file: every problem is listed by line, and nothing at all is imported (not even the good line).
    upload(browser, csv_file(BAD, "bad.csv"))
    until(browser, lambda d: d.find_element("id", "import-problems-box").is_displayed())
    problems = browser.find_element("id", "import-problems").text
    assert "3" in problems and "房号" in problems and "手机号" in problems and "类别" in problems
    shot(browser, "households-import-problems")
    browser.refresh()
    assert "8栋1单元201室" not in browser.page_source

    # The good file: the progress bar fills, the page lists the households.
    upload(browser, csv_file(GOOD, "good.csv"))
    until(browser, lambda d: "导入完成" in d.find_element("id", "import-status").text)
    assert browser.find_element("id", "import-progress").get_attribute("value") == "100"
    until(browser, lambda d: "8栋1单元101室" in d.find_element("id", "households").text, timeout=15)
    assert "2" in household_row(browser, "8栋1单元101室").text
    # What the import did stays on the page, a reload too, until the office dismisses it.
    until(browser, lambda d: "导入完成" in d.find_element("id", "import-done").text, timeout=15)
    browser.refresh()
    assert "新增住户" in browser.find_element("id", "import-done").text
    browser.find_element("id", "import-done-dismiss").click()
    until(browser, lambda d: not d.find_elements("id", "import-done"))

    # Outing quota: one exit per household every two days, at any hour.
    quota = browser.find_element("id", "quota-enabled")
    if not quota.is_selected():
        quota.click()
    for field, value in (("quota-exits", "1"), ("quota-days", "2"), ("quota-from", "0"), ("quota-to", "24")):
        browser.find_element("id", field).clear()
        browser.find_element("id", field).send_keys(value)
    click(browser, "#pass-settings button[type=submit]")
    until(browser, lambda d: "/pass-settings" in d.current_url and d.find_element("css selector", ".notice"))

    click(browser, "#issue-household-passes button")
    until(browser, lambda d: "已发放3张家庭通行证" in d.page_source)
    codes = {label: household_row(browser, label).find_element("css selector", ".code").text
             for label in ("8栋1单元101室", "8栋1单元102室", "8栋1单元103室")}
    assert all(re.fullmatch(r"[0-9A-Z]{4}-[0-9A-Z]{4}", c) for c in codes.values()), codes
    shot(browser, "households-list")

    # The A4 sheet: one card per household, each QR decodes to a pass token.
    browser.set_window_size(1240, 1754)  # an A4 page at 150 dpi
    browser.find_element("id", "print-sheet").click()
    wait_for_path(browser, "/passes/print")
    # The demo's own households are on the sheet too; these three are this test's.
    cards = [c for c in browser.find_elements("css selector", ".pass-card") if "8栋1单元10" in c.text]
    assert len(cards) == 3
    assert "幸福小区" in cards[0].text
    tokens = {}
    if ZBAR:
        tmp = tempfile.mkdtemp()
        for card in cards:
            label = card.find_element("css selector", ".household").text
            png = os.path.join(tmp, "card.png")
            card.find_element("css selector", "svg").screenshot(png)
            out = subprocess.run([ZBAR, "--quiet", "--raw", png], capture_output=True, text=True)
            assert out.returncode == 0, out.stderr
            tokens[label] = out.stdout.strip()
            assert tokens[label].startswith("GH1."), tokens[label]
    shot(browser, "pass-sheet")
    browser.set_window_size(412, 915)
    browser.get(households_url)
    household_row(browser, "8栋1单元101室").find_element("css selector", "a").click()
    wait_for_path(browser, "/admin/households/")
    # The resident's own login, made by the office.
    row = browser.find_elements("css selector", "#members tbody tr")[0]
    row.find_element("css selector", "details.create-login summary").click()
    row.find_element("name", "username").send_keys("zhang-101")
    row.find_element("name", "password").send_keys("resident-pass-1")
    row.find_element("css selector", ".login-form button").click()
    until(browser, lambda d: "已开通账号" in d.find_element("id", "members").text)
    shot(browser, "household-page")
    logout(browser)

    # At the gate: two operator actions per pass-holder passage.
    login(browser, server, "demo-guard1")
    wait_for_path(browser, "/gate")
    first = tokens.get("8栋1单元101室") or codes["8栋1单元101室"]
    scan(browser, first)
    assert "8栋1单元101室" in browser.find_element("id", "person-facts").text
    assert "外出剩余1次" in browser.find_element("id", "pass-quota").text
    shot(browser, "gate-pass-scanned")
    assert tap(browser) == ("allow", [])

    # Going out: the first exit is allowed, the second is over the household's quota.
    browser.find_element("css selector", 'input[name="direction"][value="out"]').click()
    scan(browser, first)
    assert tap(browser) == ("allow", [])
    scan(browser, codes["8栋1单元101室"].lower())  # the typed code works as well as the QR
    assert "quota_used" in [li.get_attribute("data-code") for li in browser.find_elements("css selector", "#pass-warnings li")]
    assert tap(browser) == ("deny", ["quota_used"])
    logout(browser)

    # The office revokes one pass and puts another household under home quarantine.
    login(browser, server, "demo-admin1")
    browser.get(households_url)
    household_row(browser, "8栋1单元102室").find_element("css selector", "a").click()
    wait_for_path(browser, "/admin/households/")
    # Revoking asks for the reason first (suspending is another button).
    assert browser.find_element("css selector", "#passes details.suspend summary")
    browser.find_element("css selector", "#passes details.revoke summary").click()
    browser.find_element("css selector", "#passes details.revoke button.revoke").click()
    assert "revoked" != browser.find_element("css selector", "#passes tbody tr").get_attribute("data-status"), "no reason, not revoked"
    browser.find_element("css selector", '#passes details.revoke input[name="reason"]').send_keys("住户已搬离")
    browser.find_element("css selector", "#passes details.revoke button.revoke").click()
    until(browser, lambda d: d.find_element("css selector", "#passes tbody tr").get_attribute("data-status") == "revoked")
    browser.get(households_url)
    household_row(browser, "8栋1单元103室").find_element("css selector", "a").click()
    wait_for_path(browser, "/admin/households/")
    order_quarantine(browser)
    logout(browser)

    login(browser, server, "demo-guard1")
    wait_for_path(browser, "/gate")
    browser.find_element("css selector", 'input[name="direction"][value="out"]').click()
    scan(browser, tokens.get("8栋1单元102室") or codes["8栋1单元102室"])
    assert tap(browser) == ("deny", ["pass_revoked"])
    assert scan(browser, codes["8栋1单元103室"]) == ["home_quarantine"]
    assert "居家隔离至" in browser.find_element("id", "pass-warnings").text  # until when and why, before measuring
    assert "密切接触者" in browser.find_element("id", "pass-warnings").text
    assert tap(browser) == ("deny", ["home_quarantine"])
    browser.find_element("css selector", 'input[name="direction"][value="in"]').click()
    scan(browser, codes["8栋1单元103室"])
    assert tap(browser) == ("allow", [])  # coming home is never refused for quarantine
    logout(browser)

    # The resident sees the household and shows the pass.
    login(browser, server, "zhang-101", "resident-pass-1")
    wait_for_path(browser, "/me")
    assert "8栋1单元101室" in browser.find_element("id", "my-household").text
    browser.find_element("css selector", "#my-passes a").click()
    wait_for_path(browser, "/me/passes/")
    assert browser.find_elements("css selector", "#pass-qr svg")
    assert codes["8栋1单元101室"] == browser.find_element("id", "pass-code").text
    shot(browser, "resident-pass")
