"""The community dashboard follows the gate live; the district's roll-up shows every community with a total."""
from selenium.webdriver.common.keys import Keys

from conftest import login, new_browser, shot, until, wait_for_path


def figure(driver, name):
    return int(driver.find_element("css selector", f'[data-figure="{name}"] b').text)


def test_the_dashboard_follows_the_gate_and_the_district_rolls_up(server, browser):
    login(browser, server, "demo-admin1")
    wait_for_path(browser, "/admin/communities/")
    browser.find_element("id", "dashboard-link").click()
    wait_for_path(browser, "/dashboard")
    assert browser.find_element("css selector", "#dashboard svg.chart")
    before = figure(browser, "entriesToday")
    shot(browser, "dashboard")

    guard = new_browser()
    try:
        login(guard, server, "demo-guard1")
        wait_for_path(guard, "/gate")
        guard.find_element("css selector", 'input[name="direction"][value="in"]').click()
        # 刘芳 is a registered resident of the demo data (imported by the office).
        guard.find_element("id", "id-number").send_keys("419001197804120036" + Keys.ENTER)
        until(guard, lambda d: d.find_element("id", "person").is_displayed())
        guard.find_element("css selector", '.temp[data-value="36.5"]').click()
        guard.find_element("id", "confirm").click()
        until(guard, lambda d: d.find_element("id", "decision").get_attribute("data-decision") == "allow")
    finally:
        guard.quit()
    until(browser, lambda d: figure(d, "entriesToday") == before + 1, timeout=15)

    login(browser, server, "demo-district")
    wait_for_path(browser, "/admin")
    browser.find_element("id", "rollup-link").click()
    wait_for_path(browser, "/admin/rollup")
    table = browser.find_element("id", "rollup").text
    assert "幸福小区社区" in table and "和平村" in table
    assert browser.find_element("id", "rollup-total")
    shot(browser, "rollup")
