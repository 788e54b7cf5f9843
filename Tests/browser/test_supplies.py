"""Supplies for a household under home quarantine: the office puts 1栋2单元201室 under quarantine, a member asks
for supplies on their page, the office logs the contactless hand-over with a photo, the member sees it delivered."""
import os
import tempfile

from conftest import login, logout, order_quarantine, release_quarantine, shot, until, wait_for_path


def test_quarantined_household_gets_supplies_delivered(server, browser):
    login(browser, server, "demo-admin1")
    wait_for_path(browser, "/admin/communities/")
    community = browser.current_url.rstrip("/")
    browser.get(community + "/households")
    row = [r for r in browser.find_elements("css selector", "#households tbody tr") if "1栋2单元201室" in r.text][0]
    row.find_element("css selector", "a").click()
    wait_for_path(browser, "/admin/households/")
    member = browser.find_elements("css selector", "#members tbody tr")[0]
    member.find_element("css selector", "details.create-login summary").click()
    member.find_element("name", "username").send_keys("chen-1201")
    member.find_element("name", "password").send_keys("resident-pass-1201")
    member.find_element("css selector", ".login-form button").click()
    until(browser, lambda d: "已开通账号" in d.find_element("id", "members").text)
    order_quarantine(browser)
    logout(browser)

    login(browser, server, "chen-1201", "resident-pass-1201")
    wait_for_path(browser, "/me")
    browser.find_element("id", "supply-items").send_keys("大米、蔬菜、体温计")
    browser.find_element("css selector", '#supply-form input[name="urgent"]').click()
    browser.find_element("css selector", "#supply-form button").click()
    until(browser, lambda d: "大米、蔬菜、体温计" in d.find_element("id", "my-supplies").text)
    shot(browser, "resident-supplies")
    logout(browser)

    login(browser, server, "demo-admin1")
    browser.get(community)
    browser.find_element("id", "supplies-link").click()
    wait_for_path(browser, "/supplies")
    task = [li for li in browser.find_elements("css selector", '#supply-tasks li[data-delivered="false"]') if "大米" in li.text][0]
    task.find_element("name", "note").send_keys("放门口，已电话告知")
    photo = os.path.join(tempfile.mkdtemp(), "door.png")
    browser.save_screenshot(photo)
    task.find_element("name", "photo").send_keys(photo)
    task.find_element("css selector", "button.deliver").click()
    until(browser, lambda d: [li for li in d.find_elements("css selector", '#supply-tasks li[data-delivered="true"]') if "大米" in li.text])
    shot(browser, "office-supplies")
    logout(browser)

    login(browser, server, "chen-1201", "resident-pass-1201")
    wait_for_path(browser, "/me")
    assert "已送达" in browser.find_element("id", "my-supplies").text
    logout(browser)

    # The office lifts the quarantine again (the demo household is shared with other tests).
    login(browser, server, "demo-admin1")
    release_quarantine(browser, community, "1栋2单元201室")
    logout(browser)
