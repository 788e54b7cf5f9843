"""Subject access: a resident of 1栋1单元101室 sees everything held about them (their own ID number in full, other
members masked) and who changed their household's records."""
from conftest import login, logout, shot, until, wait_for_path


def test_a_resident_sees_their_data_and_who_touched_it(server, browser):
    login(browser, server, "demo-admin1")
    wait_for_path(browser, "/admin/communities/")
    browser.get(browser.current_url.rstrip("/") + "/households")
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
    browser.find_element("id", "my-data-link").click()
    wait_for_path(browser, "/me/data")
    mine = browser.find_element("id", "sa-mine").text
    assert "王建华" in mine and "419001197503010028" in mine and "13900001101" in mine
    members = browser.find_element("id", "sa-members").text
    assert "王**" in members and "419001200509090043" not in browser.page_source
    audit = browser.find_element("id", "sa-audit").text
    # Who viewed the household and who changed it, in sentences naming the staff member.
    assert "钱秀兰（社区管理员）查看" in audit and "的住户信息" in audit, audit
    assert "demo-admin1" not in audit and "POST /" not in audit
    shot(browser, "my-data")
    logout(browser)
