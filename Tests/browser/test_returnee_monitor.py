"""Returnee monitoring: a returnee who arrived yesterday is due a check-in today; the health worker records the
temperature and symptoms, and the board shows it done — green when well, red with 转发热处置 when not."""
import datetime

from selenium.webdriver.support.ui import Select

from conftest import login, logout, shot, until, wait_for_path


def file_returnee(browser, server, name, phone, id_number, room):
    """Files a returnee report through the community's poster as the returnee would; returns the community's page."""
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
    for field, value in (("name", name), ("phone", phone), ("idNumber", id_number), ("building", "1"),
                         ("unit", "1"), ("room", room), ("transportNumber", "CA1234")):
        browser.find_element("name", field).send_keys(value)
    Select(browser.find_element("id", "transport")).select_by_value("plane")
    browser.execute_script("document.getElementById('origin').value = '420106';"
                           "document.getElementById('arrivalDate').value = arguments[0]", yesterday)
    browser.find_element("css selector", 'input[name="symptoms[]"][value="none"]').click()
    browser.find_element("id", "submit-registration").click()
    wait_for_path(browser, "/r/s/")
    return community


def open_board(browser, server, community, masked):
    login(browser, server, "demo-admin1")
    browser.get(community)
    browser.find_element("id", "returnees-link").click()
    wait_for_path(browser, "/returnees")
    return [li for li in browser.find_elements("css selector", "#returnee-board li") if masked in li.text][0]


def test_the_health_worker_records_a_returnees_daily_check(server, browser):
    community = file_returnee(browser, server, "欧阳修", "13300009020", "11010519491231002X", "102")
    card = open_board(browser, server, community, "欧阳*")
    assert card.get_attribute("data-due") == "true"
    card.find_element("name", "temperature").send_keys("36.6")
    card.find_element("css selector", 'input[name="symptoms[]"][value="none"]').click()
    shot(browser, "returnee-monitoring")
    card.find_element("css selector", "button.check-in").click()
    until(browser, lambda d: [li for li in d.find_elements("css selector", '#returnee-board li[data-due="false"]') if "欧阳*" in li.text])
    card = [li for li in browser.find_elements("css selector", "#returnee-board li") if "欧阳*" in li.text][0]
    assert card.get_attribute("data-unwell") == "false"
    assert not card.find_elements("css selector", ".to-fever-case")
    logout(browser)


def test_a_feverish_check_in_is_red_counted_and_becomes_a_fever_case(server, browser):
    community = file_returnee(browser, server, "司马光", "13300009021", "110105198005050031", "103")
    card = open_board(browser, server, community, "司马*")
    card.find_element("name", "temperature").send_keys("37.6")
    card.find_element("css selector", 'input[name="symptoms[]"][value="cough"]').click()
    card.find_element("css selector", "button.check-in").click()
    until(browser, lambda d: [li for li in d.find_elements("css selector", '#returnee-board li[data-unwell="true"]') if "司马*" in li.text])
    card = [li for li in browser.find_elements("css selector", "#returnee-board li") if "司马*" in li.text][0]
    assert "体温异常或有症状" in card.text
    assert card.find_element("css selector", ".unwell-badge").is_displayed()
    shot(browser, "returnee-unwell")
    browser.get(community)
    assert browser.find_element("id", "returnees-unwell").is_displayed()
    browser.back()
    card = [li for li in browser.find_elements("css selector", "#returnee-board li") if "司马*" in li.text][0]
    card.find_element("css selector", ".to-fever-case button").click()
    wait_for_path(browser, "/fever-cases/")
    page = browser.find_element("tag name", "main").text
    assert "司马*" in page and "37.6" in page and "咳嗽" in page, page
    assert "返乡人员健康监测" in page
    shot(browser, "fever-case-from-check-in")
    browser.back()
    browser.refresh()
    card = [li for li in browser.find_elements("css selector", "#returnee-board li") if "司马*" in li.text][0]
    assert card.find_elements("css selector", ".fever-case-opened") and not card.find_elements("css selector", ".to-fever-case")
    logout(browser)
