"""Police supervision: the office grants demo-police read-only access for today; the police open the dashboard and
record a spot check with a photo; the office sees the spot check and, in its audit log, that the police looked;
then revokes the grant."""
import os
import tempfile

from selenium.webdriver.support.ui import Select

from conftest import login, logout, shot, until, wait_for_path


def test_granted_police_supervise_and_are_audited(server, browser):
    login(browser, server, "demo-admin1")
    wait_for_path(browser, "/admin/communities/")
    community = browser.current_url.rstrip("/")
    browser.find_element("id", "supervision-link").click()
    wait_for_path(browser, "/supervision")
    Select(browser.find_element("id", "grant-police")).select_by_visible_text("周警官")
    browser.find_element("id", "grant-submit").click()
    until(browser, lambda d: d.find_elements("css selector", '#grants li[data-active="true"]'))
    logout(browser)

    login(browser, server, "demo-police")
    wait_for_path(browser, "/police")
    section = [s for s in browser.find_elements("css selector", "section.granted") if "幸福小区社区" in s.text][0]
    section.find_element("link text", "数据看板").click()
    wait_for_path(browser, "/dashboard")
    browser.back()
    wait_for_path(browser, "/police")
    section = [s for s in browser.find_elements("css selector", "section.granted") if "幸福小区社区" in s.text][0]
    section.find_element("css selector", ".spot-check summary").click()
    Select(section.find_element("name", "rating")).select_by_value("fair")
    section.find_element("name", "findings").send_keys("登记本有漏项，已要求整改")
    photo = os.path.join(tempfile.mkdtemp(), "gate.png")
    browser.save_screenshot(photo)
    section.find_element("name", "photos[]").send_keys(photo)
    section.find_element("css selector", ".spot-check-form button").click()
    until(browser, lambda d: "登记本有漏项" in d.find_element("id", "my-spot-checks").text)
    shot(browser, "police-home")
    browser.get(browser.find_element("css selector", "#my-spot-checks a").get_attribute("href"))
    assert browser.execute_script("return document.contentType").startswith("image/")
    browser.get(server + "/police")
    logout(browser)

    login(browser, server, "demo-admin1")
    browser.get(community + "/supervision")
    assert "登记本有漏项" in browser.find_element("id", "spot-checks").text
    actions = [tr.get_attribute("data-action") for tr in browser.find_elements("css selector", "#audit-log tbody tr")]
    assert "policeView" in actions and "spotCheck" in actions and "policeGrant" in actions
    # In sentences, people by name: "周警官（公安督导）在 幸福小区北门 登记抽查", never a route.
    log = browser.find_element("id", "audit-log").text
    assert "周警官（" in log and "登记抽查" in log and "督导查看" in log, log
    assert "POST /" not in log and "demo-police" not in log
    shot(browser, "supervision")
    browser.find_element("css selector", "#grants button.revoke-grant").click()
    until(browser, lambda d: not d.find_elements("css selector", '#grants li[data-active="true"]'))
    logout(browser)
