"""The office's register of facilities: a games room is closed with a reason, a resident sees it on their page,
the office reopens it and the change history keeps both steps."""
from selenium.webdriver.support.ui import Select

from conftest import login, logout, shot, until, wait_for_path


def test_closing_a_facility_shows_on_the_resident_page(server, browser):
    login(browser, server, "demo-admin1")
    wait_for_path(browser, "/admin/communities/")
    community = browser.current_url
    browser.find_element("id", "facilities-link").click()
    wait_for_path(browser, "/facilities")
    facilities = browser.current_url
    browser.find_element("css selector", "#facility-form button").click()
    until(browser, lambda d: "请填写场所名称" in d.page_source)
    browser.find_element("id", "facility-name").send_keys("2号楼老年活动室")
    Select(browser.find_element("id", "facility-kind")).select_by_value("activityRoom")
    browser.find_element("id", "facility-note").send_keys("疫情期间暂停开放")
    browser.find_element("css selector", "#facility-form button").click()
    until(browser, lambda d: d.find_elements("css selector", '#facility-list li[data-status="closed"]'))
    shot(browser, "facilities")

    # The demo household 1栋1单元101室 gets a resident login, and that resident sees the closed room.
    browser.get(community.split("/admin/")[0] + "/admin/communities/" + community.rstrip("/").split("/")[-1] + "/households")
    row = [r for r in browser.find_elements("css selector", "#households tbody tr") if "1栋1单元101室" in r.text][0]
    row.find_element("css selector", "a").click()
    wait_for_path(browser, "/admin/households/")
    member = browser.find_elements("css selector", "#members tbody tr")[0]
    if "已开通账号" not in member.text:
        member.find_element("css selector", "details.create-login summary").click()
        member.find_element("name", "username").send_keys("wang-1101")
        member.find_element("name", "password").send_keys("resident-pass-1101")
        member.find_element("css selector", ".login-form button").click()
        until(browser, lambda d: "已开通账号" in d.find_element("id", "members").text)
    logout(browser)
    login(browser, server, "wang-1101", "resident-pass-1101")
    wait_for_path(browser, "/me")
    assert "2号楼老年活动室" in browser.find_element("id", "closed-facilities").text
    shot(browser, "resident-closed-facilities")
    logout(browser)

    login(browser, server, "demo-admin1")
    browser.get(facilities)
    item = [li for li in browser.find_elements("css selector", "#facility-list li") if "2号楼老年活动室" in li.text][0]
    item.find_element("name", "note").send_keys("疫情解除")
    item.find_element("css selector", "button.toggle").click()
    until(browser, lambda d: [li for li in d.find_elements("css selector", '#facility-list li[data-status="open"]') if "2号楼老年活动室" in li.text])
    history = browser.find_element("id", "facility-history").text
    assert "疫情期间暂停开放" in history and "疫情解除" in history
    logout(browser)
