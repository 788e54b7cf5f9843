"""Stand-down (runs near the end: it deletes the demo village's data): the office types the community's name to
confirm, all personal data goes, and the village's gate records nothing more."""
from conftest import login, shot, until, wait_for_path


def test_standing_down_deletes_the_villages_personal_data_and_stops_its_gate(server, browser):
    login(browser, server, "demo-admin2")
    wait_for_path(browser, "/admin/communities/")
    browser.find_element("id", "privacy-link").click()
    wait_for_path(browser, "/privacy")
    privacy = browser.current_url

    browser.find_element("css selector", "#stand-down summary").click()
    browser.find_element("id", "stand-down-confirm").send_keys("幸福小区社区")
    browser.find_element("css selector", "#stand-down-form button").click()
    until(browser, lambda d: d.find_elements("id", "error-confirm"))
    assert "不一致" in browser.find_element("id", "error-confirm").text

    field = browser.find_element("id", "stand-down-confirm")
    field.clear()
    field.send_keys("和平村")
    browser.find_element("css selector", "#stand-down-form button").click()
    until(browser, lambda d: d.find_elements("id", "stood-down"))
    assert "全部个人信息已删除" in browser.page_source
    assert not browser.find_elements("id", "stand-down-form")
    assert browser.find_elements("css selector", "#purge-log li[data-kind=\"standDown\"]")
    assert not browser.find_elements("id", "retention-form"), "nothing left to keep"
    shot(browser, "stand-down")

    browser.get(server + "/gate")
    until(browser, lambda d: "已解除防控" in d.page_source)
