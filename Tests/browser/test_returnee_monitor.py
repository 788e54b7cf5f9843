"""Returnee monitoring: a returnee who arrived yesterday is due a check-in today; the health worker records the
temperature and symptoms, and the board shows it done."""
import datetime

from selenium.webdriver.support.ui import Select

from conftest import login, logout, shot, until, wait_for_path


def test_the_health_worker_records_a_returnees_daily_check(server, browser):
    login(browser, server, "demo-admin1")
    wait_for_path(browser, "/admin/communities/")
    community = browser.current_url.rstrip("/")
    browser.find_element("id", "registrations-link").click()
    wait_for_path(browser, "/registrations")
    browser.find_element("css selector", "#posters a").click()
    wait_for_path(browser, "/poster")
    url = browser.find_element("id", "poster-url").text
    logout(browser)

    yesterday = ((datetime.datetime.utcnow() + datetime.timedelta(hours=8)).date() - datetime.timedelta(days=1)).isoformat()
    browser.get(url)
    browser.find_element("css selector", '#categories a[data-category="returnee"]').click()
    wait_for_path(browser, "/returnee")
    for name, value in (("name", "欧阳修"), ("phone", "13300009020"), ("idNumber", "11010519491231002X"), ("building", "1"),
                        ("unit", "1"), ("room", "102"), ("transportNumber", "CA1234")):
        browser.find_element("name", name).send_keys(value)
    Select(browser.find_element("id", "transport")).select_by_value("plane")
    browser.execute_script("document.getElementById('origin').value = '420106';"
                           "document.getElementById('arrivalDate').value = arguments[0]", yesterday)
    browser.find_element("css selector", 'input[name="symptoms[]"][value="none"]').click()
    browser.find_element("id", "submit-registration").click()
    wait_for_path(browser, "/r/s/")

    login(browser, server, "demo-admin1")
    browser.get(community)
    browser.find_element("id", "returnees-link").click()
    wait_for_path(browser, "/returnees")
    card = [li for li in browser.find_elements("css selector", "#returnee-board li") if "欧阳*" in li.text][0]
    assert card.get_attribute("data-due") == "true"
    card.find_element("name", "temperature").send_keys("36.6")
    card.find_element("css selector", 'input[name="symptoms[]"][value="none"]').click()
    shot(browser, "returnee-monitoring")
    card.find_element("css selector", "button.check-in").click()
    until(browser, lambda d: [li for li in d.find_elements("css selector", '#returnee-board li[data-due="false"]') if "欧阳*" in li.text])
    logout(browser)
