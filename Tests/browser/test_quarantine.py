"""Home quarantine: the office orders it on a household's page (days, reason, who ordered it); a member going out is
refused at the gate with the reason; the health worker enters the round's health report and extends the order; the
office releases it early and the member may go out again. (The automatic release after the last day needs the
server's clock to move: the Swift test QuarantineOrderTests covers it.)"""
import datetime

from conftest import click_and_reload, gate_scan, gate_tap, login, logout, order_quarantine, release_quarantine, shot, until, wait_for_path

LABEL = "1栋1单元102室"


def test_a_quarantined_member_is_refused_then_released(server, browser):
    login(browser, server, "demo-admin1")
    wait_for_path(browser, "/admin/communities/")
    community = browser.current_url.rstrip("/")
    browser.get(community + "/households")
    row = [r for r in browser.find_elements("css selector", "#households tbody tr") if LABEL in r.text][0]
    row.find_element("css selector", "a").click()
    wait_for_path(browser, "/admin/households/")
    household = browser.current_url
    code = browser.find_element("css selector", "#passes td.code").text
    # A last day before the first is refused with its own message.
    browser.find_element("css selector", "#quarantine-order summary").click()
    browser.execute_script("document.getElementById('q-end').value = '2020-01-01'")
    browser.find_element("id", "q-reason").send_keys("密切接触者")
    browser.find_element("id", "q-ordered-by").send_keys("区卫健委 王医生")
    browser.find_element("id", "quarantine-submit").click()
    until(browser, lambda d: "结束日期" in d.find_element("id", "error-quarantine").text)
    browser.get(household)
    order_quarantine(browser)
    assert "下达隔离" in browser.find_element("id", "quarantine").text
    shot(browser, "household-quarantine")
    logout(browser)

    login(browser, server, "demo-guard1")
    wait_for_path(browser, "/gate")
    browser.find_element("css selector", 'input[name="direction"][value="out"]').click()
    assert gate_scan(browser, code) == ["home_quarantine"]
    warning = browser.find_element("id", "pass-warnings").text
    assert "居家隔离至" in warning and "密切接触者" in warning
    shot(browser, "gate-quarantine")
    assert gate_tap(browser) == ("deny", ["home_quarantine"])
    logout(browser)

    # The health worker: this round's report for each member, then an extension.
    login(browser, server, "demo-health")
    wait_for_path(browser, "/health")
    row = [r for r in browser.find_elements("css selector", "#health-communities tbody tr") if "幸福小区" in r.text][0]
    row.find_element("css selector", "a.quarantine-board").click()
    wait_for_path(browser, "/quarantine")
    card = lambda: [li for li in browser.find_elements("css selector", "#quarantine-board > li") if LABEL in li.text][0]
    for _ in range(len(card().find_elements("css selector", "form.round-form"))):
        form = card().find_elements("css selector", "form.round-form")[0]
        form.find_element("name", "temperature").send_keys("36.7")
        form.find_element("css selector", 'input[name="symptoms[]"][value="none"]').click()
        click_and_reload(browser, form.find_element("css selector", "button"))
    assert not card().find_elements("css selector", "form.round-form")
    assert "本时段已报告" in card().text
    later = ((datetime.datetime.utcnow() + datetime.timedelta(hours=8)).date() + datetime.timedelta(days=20)).isoformat()
    card().find_element("css selector", ".extend summary").click()
    browser.execute_script("arguments[0].value = arguments[1]", card().find_element("css selector", '.extend-form input[name="endsOn"]'), later)
    card().find_element("css selector", '.extend-form input[name="note"]').send_keys("区卫健委通知延长")
    card().find_element("css selector", ".extend-form button").click()
    until(browser, lambda d: later in card().text)
    shot(browser, "quarantine-board")
    logout(browser)

    login(browser, server, "demo-admin1")
    release_quarantine(browser, community, LABEL)
    assert LABEL in browser.find_element("id", "quarantine-history").text
    logout(browser)

    login(browser, server, "demo-guard1")
    wait_for_path(browser, "/gate")
    browser.find_element("css selector", 'input[name="direction"][value="out"]').click()
    assert gate_scan(browser, code) == []
    assert gate_tap(browser) == ("allow", [])
    browser.find_element("css selector", 'input[name="direction"][value="in"]').click()
    logout(browser)
