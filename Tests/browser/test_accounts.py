"""Access that can be ended, as people use it: a guard changes their password (their other phone is signed out), the
office disables a guard who left (the guard's open gate screen stops working), lifts a guard's sign-in lock, and
gives the account back. A server of its own: these change accounts the other tests sign in with."""
import pytest

from conftest import DEMO_PASSWORD, login, new_browser, open_gate, shot, start_server, stop_server, until, wait_for_path


@pytest.fixture(scope="module")
def own_server():
    base, proc, data = start_server(prefix="gatehouse-accounts-")
    yield base
    stop_server(proc, data)


def test_a_password_change_signs_out_the_other_phone(own_server, browser):
    base = own_server
    other = new_browser()
    try:
        open_gate(other, base, "demo-guard2")
        open_gate(browser, base, "demo-guard2")
        browser.find_element("id", "account-link").click()
        wait_for_path(browser, "/account/security")
        def change(current):
            for field, text in (("current", current), ("password", "a-new-pass-2026"), ("again", "a-new-pass-2026")):
                browser.find_element("id", field).send_keys(text)
            browser.find_element("id", "change-password-submit").click()
        change("not-the-password")
        assert "当前密码不正确" in until(browser, lambda d: d.find_element("id", "error-current")).text
        change(DEMO_PASSWORD)
        until(browser, lambda d: "密码已修改" in d.find_element("css selector", ".notice").text)
        shot(browser, "account-password-changed")
        # This phone goes on; the other one is at the sign-in page at its next step.
        browser.get(base + "/gate")
        assert "/gate" in browser.current_url
        other.get(base + "/gate")
        wait_for_path(other, "/login")
        login(other, base, "demo-guard2", "a-new-pass-2026")
        wait_for_path(other, "/gate")
    finally:
        other.quit()


def test_the_office_disables_a_guard_who_left_and_lifts_a_lock(own_server, browser):
    base = own_server
    guard = new_browser()
    try:
        open_gate(guard, base, "demo-guard1")
        login(browser, base, "demo-admin1")
        browser.get(base + "/admin")  # a community's office lands on its community page
        wait_for_path(browser, "/admin/communities/")
        row = until(browser, lambda d: d.find_element("css selector", "#staff tr[data-username='demo-guard1']"))
        row.find_element("name", "disable").click()
        until(browser, lambda d: "账号已停用" in d.find_element("css selector", ".notice").text)
        row = browser.find_element("css selector", "#staff tr[data-username='demo-guard1']")
        assert "已停用" in row.text
        shot(browser, "community-staff-disabled")
        # The guard's open gate screen: the next identification is refused, and the page asks to sign in.
        guard.get(base + "/gate")
        wait_for_path(guard, "/login")
        login(guard, base, "demo-guard1", expect_error=True)

        # Back, then locked by five wrong passwords, and lifted by the office.
        browser.find_element("css selector", "#staff tr[data-username='demo-guard1'] [name=enable]").click()
        until(browser, lambda d: "账号已启用" in d.find_element("css selector", ".notice").text)
        for _ in range(5):
            login(guard, base, "demo-guard1", "wrong-password", expect_error=True)
        login(guard, base, "demo-guard1", expect_error=True)
        message = guard.find_element("id", "login-error").text
        assert "请于" in message and "后再试" in message, message
        shot(guard, "login-locked")
        browser.refresh()
        row = until(browser, lambda d: d.find_element("css selector", "#staff tr[data-username='demo-guard1']"))
        assert "登录已锁定" in row.text
        row.find_element("name", "unlock").click()
        until(browser, lambda d: "已解除登录锁定" in d.find_element("css selector", ".notice").text)
        open_gate(guard, base, "demo-guard1")
    finally:
        guard.quit()
