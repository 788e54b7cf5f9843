"""Contact tracing on the health desk: a reason is required; the trace lists the person's passages and the possible
contacts at the same gate."""
from conftest import login, shot, until, wait_for_path


def test_health_staff_trace_a_person_with_a_reason(server, browser):
    login(browser, server, "demo-health")
    wait_for_path(browser, "/health")
    browser.find_element("id", "tracing-link").click()
    wait_for_path(browser, "/health/tracing")
    browser.find_element("id", "trace-id").send_keys("419001197804120036")  # 刘芳 came in during the dashboard test
    browser.execute_script("document.getElementById('trace-reason').removeAttribute('required')")
    browser.find_element("id", "run-trace").click()
    until(browser, lambda d: "事由" in d.find_element("id", "trace-error").text)
    browser.find_element("id", "trace-reason").send_keys("确诊病例密接排查（区疾控通知）")
    browser.find_element("id", "run-trace").click()
    until(browser, lambda d: d.find_elements("id", "trace-passages"))
    assert len(browser.find_elements("css selector", "#trace-passages tbody tr")) >= 1
    assert "幸福小区北门" in browser.find_element("id", "trace-passages").text
    assert browser.find_element("id", "trace-export")
    shot(browser, "contact-tracing")
