"""Login, operator registration with an enrolment code, and the language switch, in a real browser."""
from conftest import login, logout, shot, wait_for_path


def test_login_lands_on_the_role_home_and_wrong_password_is_explained(server, browser):
    login(browser, server, "demo-admin1", "wrong-password", expect_error=True)
    assert "登录名或密码不正确" in browser.find_element("id", "login-error").text
    shot(browser, "login-error")
    login(browser, server, "demo-admin1")
    wait_for_path(browser, "/admin/communities/")
    assert browser.find_element("id", "community-title").text == "幸福小区社区"
    codes = browser.find_elements("css selector", ".enrolment-code")
    assert len(codes) == 2 and all(len(c.text) == 8 for c in codes)
    shot(browser, "community-admin")
    logout(browser)
    wait_for_path(browser, "/login")


def test_operator_registers_with_the_enrolment_code(server, browser):
    login(browser, server, "demo-admin1")
    row = browser.find_element("xpath", "//tr[td[1][normalize-space()='幸福小区北门']]")
    code = row.find_element("css selector", ".enrolment-code").text
    logout(browser)

    browser.find_element("id", "register-link").click()
    assert "非公务私自采集居民身份证信息属违法行为" in browser.find_element("id", "legal-warning").text
    browser.find_element("id", "code").send_keys("WRONG123")
    browser.find_element("id", "code-submit").click()
    assert "登记码无效" in browser.find_element("id", "error-enrolmentCode").text
    field = browser.find_element("id", "code")
    field.clear()
    field.send_keys(code.lower())
    browser.find_element("id", "code-submit").click()
    assert browser.find_element("id", "checkpoint-name").text == "幸福小区北门"
    shot(browser, "register-form")

    def fill(**values):
        for name, value in values.items():
            element = browser.find_element("id", name)
            element.clear()
            element.send_keys(value)

    fill(userCode="110105194912310021", name="田壮", phone="13812348058", unitName="沁园街道办事处",
         username="tian.zhuang", password="gate-pass-1", passwordAgain="gate-pass-1")
    browser.find_element("id", "register-submit").click()
    assert "校验位" in browser.find_element("id", "error-userCode").text
    shot(browser, "register-error")
    # What was typed is kept; only the wrong field and the passwords need typing again.
    assert browser.find_element("id", "name").get_attribute("value") == "田壮"
    fill(userCode="11010519491231002X", password="gate-pass-1", passwordAgain="gate-pass-1")
    browser.find_element("id", "register-submit").click()
    wait_for_path(browser, "/operator")
    assert "幸福小区北门" in browser.find_element("id", "operator-checkpoint").text
    assert browser.find_element("id", "operator-name").text == "田*"
    assert browser.find_element("id", "operator-phone").text == "138****8058"
    shot(browser, "operator-home")
    logout(browser)

    login(browser, server, "demo-admin1")
    staff = browser.find_element("id", "staff").text
    assert "tian.zhuang" in staff and "田*" in staff and "13812348058" not in staff


def test_language_switch_is_remembered(server, browser):
    browser.get(server + "/login")
    assert browser.find_element("css selector", "h1").text == "登录"
    browser.find_element("id", "lang-switch").click()
    assert browser.find_element("css selector", "h1").text == "Sign in"
    browser.get(server + "/register")
    assert "Warning: collecting residents' ID card data" in browser.find_element("id", "legal-warning").text
    login(browser, server, "demo-district")
    assert "Administration" in browser.find_element("css selector", "h1").text
    shot(browser, "district-admin-en")
    browser.find_element("id", "lang-switch").click()
    assert browser.find_element("css selector", "h1").text == "管理首页"
    shot(browser, "district-admin-zh")
