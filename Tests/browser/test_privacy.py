"""The office's personal-data page: the retention period is checked, expired data is deleted on demand and by the
`gatehouse purge` command, and the purge log shows counts only."""
import os
import subprocess

import conftest
from conftest import BINARY, login, shot, until, wait_for_path


def test_retention_is_set_and_purges_are_logged_with_counts(server, browser):
    login(browser, server, "demo-admin1")
    wait_for_path(browser, "/admin/communities/")
    browser.find_element("id", "privacy-link").click()
    wait_for_path(browser, "/privacy")
    assert browser.find_element("id", "retention-days").get_attribute("value") == "28"

    field = browser.find_element("id", "retention-days")
    field.clear()
    field.send_keys("3")
    # The browser's own range check would stop the form: the server's message is what a phone without it sees.
    browser.execute_script("document.getElementById('retention-days').removeAttribute('min')")
    browser.find_element("css selector", "#retention-form button").click()
    until(browser, lambda d: d.find_elements("id", "error-days"))
    assert "7到365" in browser.find_element("id", "error-days").text

    field = browser.find_element("id", "retention-days")
    field.clear()
    field.send_keys("21")
    browser.find_element("css selector", "#retention-form button").click()
    until(browser, lambda d: "保存期限已更新" in d.page_source)
    assert browser.find_element("id", "retention-days").get_attribute("value") == "21"

    browser.find_element("css selector", "#purge-form button").click()
    until(browser, lambda d: "已删除到期信息" in d.page_source)
    rows = browser.find_elements("css selector", "#purge-log li")
    assert rows and "钱秀兰" in rows[0].text and "到期删除" in rows[0].text  # named, not by login

    # The command does the same for every community; its runs are logged as the system's.
    data = os.path.dirname(conftest.SERVER_LOG)
    env = dict(os.environ, GATEHOUSE_DATA_DIR=data)
    env.pop("DATABASE_URL", None)
    out = subprocess.run([BINARY, "purge"], env=env, cwd=data, capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    assert "幸福小区社区 (21 days): purged" in out.stdout
    assert "和平村 (28 days): purged" in out.stdout
    browser.refresh()
    until(browser, lambda d: "系统" in d.find_element("id", "purge-log").text)
    shot(browser, "privacy")
