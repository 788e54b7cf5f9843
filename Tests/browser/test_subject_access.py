"""Subject access: a resident of 1栋1单元101室 sees everything held about them (their own ID number in full, other
members masked) and who changed their household's records."""
from conftest import logout, shot, wang_login, wait_for_path


def test_a_resident_sees_their_data_and_who_touched_it(server, browser):
    wang_login(browser, server)
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
