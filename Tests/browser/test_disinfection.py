"""Disinfection: the office schedules the gate's surfaces; the new schedule is due at once and shows as overdue on
the gate screen; the operator logs it with the disinfectant and a photo; the office sees the log."""
import os
import tempfile

from selenium.webdriver.support.ui import Select

from conftest import login, logout, shot, until, wait_for_path


def test_overdue_disinfection_shows_at_the_gate_until_logged(server, browser):
    login(browser, server, "demo-admin1")
    wait_for_path(browser, "/admin/communities/")
    community = browser.current_url
    browser.find_element("id", "disinfection-link").click()
    wait_for_path(browser, "/disinfection")
    browser.find_element("id", "schedule-name").send_keys("北门岗亭台面")
    Select(browser.find_element("id", "schedule-place")).select_by_value("gateSurfaces")
    Select(browser.find_element("id", "schedule-gate")).select_by_visible_text("幸福小区北门")
    browser.find_element("css selector", "#schedule-form button").click()
    until(browser, lambda d: [li for li in d.find_elements("css selector", '#schedules li[data-overdue="true"]') if "北门岗亭台面" in li.text])
    browser.get(community)
    assert browser.find_elements("id", "disinfection-overdue")
    logout(browser)

    login(browser, server, "demo-guard1")
    wait_for_path(browser, "/gate")
    browser.find_element("id", "disinfection-overdue").click()
    wait_for_path(browser, "/gate/disinfection")
    item = [li for li in browser.find_elements("css selector", "#schedules li") if "北门岗亭台面" in li.text][0]
    item.find_element("name", "agent").send_keys("84消毒液 1:100")
    photo = os.path.join(tempfile.mkdtemp(), "wiped.png")
    browser.save_screenshot(photo)
    item.find_element("name", "photo").send_keys(photo)
    shot(browser, "gate-disinfection")
    item.find_element("css selector", "button.log").click()
    until(browser, lambda d: [li for li in d.find_elements("css selector", '#schedules li[data-overdue="false"]') if "北门岗亭台面" in li.text])
    browser.get(server + "/gate")
    assert not browser.find_elements("id", "disinfection-overdue")
    logout(browser)

    login(browser, server, "demo-admin1")
    browser.get(community.rstrip("/") + "/disinfection")
    history = browser.find_element("id", "disinfection-history").text
    assert "84消毒液 1:100" in history and "吴保安" in history and "demo-guard1" not in history  # named, not by login
    logout(browser)
