"""The gate screen in a real browser: typed ID, fever with re-measure and the admin's alert, no-ID with a photo,
invalid ID messages, and a card reader's post appearing on the operator's screen."""
import json
import os
import re
import tempfile
import urllib.request

import pytest
from selenium.webdriver.common.keys import Keys

from conftest import login, logout, new_browser, office_without_remeasure_rest, open_gate, shot, type_id, until, wait_for_path


def wait_text(driver, element_id, fragment, timeout=10):
    until(driver, lambda d: fragment in d.find_element("id", element_id).text, timeout)
    return driver.find_element("id", element_id).text


def record(browser, temperature=None, quick=None):
    if quick:
        browser.find_element("css selector", f'.temp[data-value="{quick}"]').click()
    else:
        field = browser.find_element("id", "temperature")
        field.clear()
        field.send_keys(temperature)
    browser.find_element("id", "confirm").click()
    until(browser, lambda d: d.find_element("id", "result").is_displayed() or d.find_element("id", "measure-error").text)
    assert not browser.find_element("id", "measure-error").text, browser.find_element("id", "measure-error").text
    return browser.find_element("id", "decision").get_attribute("data-decision")


def test_a_guard_proposes_a_registration_and_the_office_confirms_it(server, browser):
    open_gate(browser, server)
    type_id(browser, "11010519491231002X")
    until(browser, lambda d: d.find_element("id", "person").is_displayed())
    assert "1949-12-31" in browser.find_element("id", "person-facts").text
    browser.find_element("id", "person-name").send_keys("田壮")
    browser.find_element("id", "person-phone").send_keys("13812348058")
    assert "社区核实" in browser.find_element("id", "register-box").text, "an operator only proposes"
    browser.find_element("id", "register-resident").click()
    shot(browser, "gate-typed-id")
    # The community lets nobody in before its office has checked (the default).
    assert record(browser, quick="36.5") == "deny"
    assert browser.find_element("css selector", '#reasons li[data-code="registration_proposed_waits"]')
    shot(browser, "gate-proposed")
    until(browser, lambda d: "田*" in d.find_element("id", "records").text)
    assert "138****8058" in browser.find_element("id", "records").text

    office = new_browser()
    try:
        login(office, server, "demo-admin1")
        community = wait_for_path(office, "/admin/communities/")
        office.get(community.split("?")[0].rstrip("/") + "/registrations")
        item = until(office, lambda d: [li for li in d.find_elements("css selector", "#proposal-list > li") if "田*" in li.text][0])
        assert "幸福小区北门" in item.text, item.text
        item.find_element("css selector", '.confirm-proposal input[name="householdLabel"]').send_keys("1栋1单元102室")
        shot(office, "registration-proposal")
        item.find_element("css selector", ".confirm-proposal button").click()
        until(office, lambda d: not [li for li in d.find_elements("css selector", "#proposal-list > li") if "田*" in li.text])
    finally:
        office.quit()

    # Registered by the office: nothing is asked again, one action for the temperature and one to confirm.
    type_id(browser, "11010519491231002X")
    wait_text(browser, "person-known", "已登记过")
    assert not browser.find_element("id", "person-name").is_displayed()
    assert not browser.find_element("id", "register-resident").is_displayed()
    assert record(browser, quick="36.6") == "allow"


@pytest.mark.parametrize("number,message", [
    ("1101051949123100211", "18位"),
    ("110105194912310021", "校验位"),
    ("410105200102290038", "出生日期"),
    ("11010519491231A02X", "只能包含数字"),
])
def test_each_invalid_id_has_its_own_message(server, browser, number, message):
    open_gate(browser, server)
    type_id(browser, number)
    wait_text(browser, "id-error", message)
    assert not browser.find_element("id", "person").is_displayed()


def test_fever_remeasure_refers_and_the_admin_sees_the_alert(server, browser):
    admin = new_browser()
    try:
        office_without_remeasure_rest(admin, server)

        open_gate(browser, server)
        type_id(browser, "412821197910110010")
        until(browser, lambda d: d.find_element("id", "person").is_displayed())
        browser.find_element("id", "person-name").send_keys("王昌")
        assert record(browser, temperature="37.8") == "refer"
        assert browser.find_element("id", "remeasure-box").is_displayed()
        assert "复测" in browser.find_element("id", "reasons").text
        shot(browser, "gate-remeasure")
        browser.find_element("id", "remeasure-temperature").send_keys("37.9")
        browser.find_element("id", "remeasure").click()
        until(browser, lambda d: d.find_element("css selector", '#reasons li[data-code="fever"]'))
        assert browser.find_element("id", "decision").get_attribute("data-decision") == "refer"
        shot(browser, "gate-fever")

        alert = wait_text(admin, "alerts", "37.9")
        assert "幸福小区北门" in alert and "王*" in alert
        shot(admin, "admin-fever-alert")
        admin.refresh()
        assert "37.9" in admin.find_element("id", "fever-cases").text
    finally:
        admin.quit()


def test_no_id_registration_with_a_photo(server, browser):
    jpeg = bytes([0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10]) + b"JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00" \
        + bytes([0xFF, 0xE1, 0x00, 0x0A]) + b"Exif\x00\x00GP" \
        + bytes([0xFF, 0xC0, 0x00, 0x0B, 0x08, 0x00, 0x01, 0x00, 0x01, 0x01, 0x01, 0x11, 0x00]) + bytes([0xFF, 0xDA, 0x00, 0x04, 0x01, 0x00, 0x12, 0x34, 0xFF, 0xD9])
    folder = tempfile.mkdtemp()
    path = os.path.join(folder, "visitor.jpg")
    with open(path, "wb") as f:
        f.write(jpeg)
    open_gate(browser, server)
    browser.find_element("id", "tab-noid").click()
    browser.find_element("id", "noid-name").send_keys("黄小明")
    browser.find_element("id", "noid-phone").send_keys("13200000000")
    browser.find_element("id", "noid-photo").send_keys(path)
    shot(browser, "gate-noid")
    browser.find_element("id", "noid-next").click()
    until(browser, lambda d: d.find_element("id", "measure").is_displayed())
    browser.find_element("id", "register-resident").click()
    assert record(browser, quick="36.4") == "deny", "proposed; the office has not checked yet"
    row = until(browser, lambda d: d.find_element("xpath", "//table[@id='records']//a[text()='黄**']"))
    row.click()
    wait_for_path(browser, "/records/")
    until(browser, lambda d: d.find_elements("id", "record-photo"))
    assert "无证登记" in browser.find_element("id", "record-facts").text
    assert browser.execute_script("return document.getElementById('record-photo').naturalWidth >= 0")
    shot(browser, "record-noid")


def test_reader_post_appears_on_the_operator_screen(server, browser):
    admin = new_browser()
    try:
        login(admin, server, "demo-admin1")
        wait_for_path(admin, "/admin/communities/")
        admin.find_element("id", "device-name").send_keys("北门读卡器")
        admin.find_element("css selector", "#add-device button").click()
        token = until(admin, lambda d: d.find_element("id", "device-token")).text
        assert token.startswith("dev_")
    finally:
        admin.quit()
    open_gate(browser, server)
    until(browser, lambda d: d.execute_script("return document.readyState") == "complete")
    import time
    time.sleep(1)  # let the screen's event stream connect
    card = {"cardType": "resident", "name": "田晓", "sex": "男", "ethnicity": "汉", "birthDate": "19850612",
            "address": "浙江省杭州市上城区解放路1号", "issuingAuthority": "杭州市公安局上城分局",
            "validFrom": "2016.01.01", "validUntil": "2026.01.01", "idNumber": "330102198506125718"}
    request = urllib.request.Request(server + "/api/v1/id-card-reads", data=json.dumps(card).encode(),
                                     headers={"Content-Type": "application/json", "Authorization": "Bearer " + token})
    with urllib.request.urlopen(request) as response:
        assert response.status == 201
    facts = wait_text(browser, "person-facts", "田晓")
    assert "杭州市公安局上城分局" in facts and "已过期" in facts
    shot(browser, "gate-card-read")
    browser.find_element("id", "register-resident").click()
    assert record(browser, quick="36.5") == "deny", "proposed; the office has not checked yet"
    assert "id_card_expired" in browser.find_element("id", "reasons").get_attribute("innerHTML")
