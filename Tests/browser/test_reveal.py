"""Reveal: the office sees a member's full ID number only after stating why; the page says the view is audited."""
from conftest import login, logout, shot, until, wait_for_path


def test_the_office_reveals_a_member_after_stating_why(server, browser):
    login(browser, server, "demo-admin1")
    wait_for_path(browser, "/admin/communities/")
    browser.get(browser.current_url.rstrip("/") + "/households")
    row = [r for r in browser.find_elements("css selector", "#households tbody tr") if "1栋2单元201室" in r.text][0]
    row.find_element("css selector", "a").click()
    wait_for_path(browser, "/admin/households/")
    assert "419001199007150055" not in browser.page_source
    member = browser.find_elements("css selector", "#members tbody tr")[0]
    member.find_element("css selector", "details.reveal summary").click()
    member.find_element("css selector", '.reveal-form input[name="reason"]').send_keys("核对住户身份")
    member.find_element("css selector", ".reveal-form button").click()
    until(browser, lambda d: d.find_elements("id", "revealed"))
    assert "419001199007150055" in browser.find_element("id", "revealed").text
    shot(browser, "household-reveal")
    logout(browser)
