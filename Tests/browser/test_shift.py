"""Gate staff: the gate screen opens only after the start-of-shift check; the office records their training."""
from selenium.webdriver.support.ui import Select

from conftest import DEMO_PASSWORD, login, logout, shot, until, wait_for_path


def test_shift_check_before_the_gate_and_training_records(server, browser):
    # demo-guard2 signs in by hand, so the checklist is seen (the shared login helper would tick it).
    browser.get(server + "/login")
    browser.find_element("id", "username").send_keys("demo-guard2")
    browser.find_element("id", "password").send_keys(DEMO_PASSWORD)
    browser.find_element("id", "login-submit").click()
    wait_for_path(browser, "/gate/shift-check")
    shot(browser, "shift-check")
    boxes = browser.find_elements("css selector", '#shift-form input[type="checkbox"]')
    assert len(boxes) == 5
    for box in boxes[:-1]:
        box.click()
    browser.find_element("id", "start-shift").click()
    until(browser, lambda d: d.find_elements("id", "shift-error"))
    assert "保温" in browser.find_element("id", "shift-error").text
    for box in browser.find_elements("css selector", '#shift-form input[type="checkbox"]'):
        if not box.is_selected():
            box.click()
    browser.find_element("id", "start-shift").click()
    wait_for_path(browser, "/gate")
    until(browser, lambda d: d.find_elements("id", "id-number"))
    browser.get(server + "/gate")  # done for today: the screen opens at once
    assert browser.find_elements("id", "id-number")
    logout(browser)

    login(browser, server, "demo-admin2")
    wait_for_path(browser, "/admin/communities/")
    browser.find_element("id", "training-link").click()
    wait_for_path(browser, "/training")
    Select(browser.find_element("id", "training-user")).select_by_visible_text("郑志愿")
    browser.execute_script("document.getElementById('training-date').value = '2026-01-05'")
    browser.find_element("id", "training-trainer").send_keys("李医生")
    browser.find_element("id", "training-model").send_keys("额温枪 HT-820")
    browser.find_element("css selector", "#training-form button").click()
    until(browser, lambda d: "额温枪 HT-820" in d.find_element("id", "training-records").text)
    shot(browser, "training")

    # A volunteer without an account goes on the roster, is trained beside the operators and given a shift.
    browser.find_element("id", "roster-link").click()
    wait_for_path(browser, "/staff-roster")
    browser.find_element("id", "roster-name").send_keys("孙志愿")
    browser.find_element("id", "roster-phone").send_keys("13600009999")
    browser.find_element("id", "roster-duty").send_keys("测温")
    browser.find_element("css selector", "#roster-form button").click()
    until(browser, lambda d: "孙志愿" in d.find_element("id", "roster").text)
    assert "尚未培训" in browser.find_element("id", "roster").text and "13600009999" not in browser.page_source
    browser.find_element("css selector", "#roster-shift-form button").click()
    until(browser, lambda d: "08:00–14:00" in d.find_element("id", "roster").text)
    browser.back()
    browser.back()
    browser.get(browser.current_url.split("/staff-roster")[0].split("/training")[0] + "/training")
    Select(browser.find_element("id", "training-user")).select_by_visible_text("孙志愿（名册） · 测温")
    browser.execute_script("document.getElementById('training-date').value = '2026-01-06'")
    browser.find_element("id", "training-trainer").send_keys("李医生")
    browser.find_element("id", "training-model").send_keys("额温枪 HT-820")
    browser.find_element("css selector", "#training-form button").click()
    until(browser, lambda d: "孙志愿（名册）" in d.find_element("id", "training-records").text)
    shot(browser, "training-with-roster")
    logout(browser)
