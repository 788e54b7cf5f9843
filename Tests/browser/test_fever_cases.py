"""A fever case from the gate to closed: measured and re-measured at the gate, the property company takes the person to
an observation room and reports it, the health department (on its desk) decides the transfer, the gate staff
disinfect the room, the office closes the case. Everyone is told live; every step names who and when."""
from selenium.webdriver.common.keys import Keys

from conftest import login, logout, new_browser, office_without_remeasure_rest, shot, until, wait_for_path


def is_attached(element):
    from selenium.common.exceptions import StaleElementReferenceException
    try:
        element.is_enabled()
        return True
    except StaleElementReferenceException:
        return False


def take_step(driver, stage, fields=()):
    form = driver.find_element("css selector", f'form.step-form[data-stage="{stage}"]')
    for name, value in fields:
        form.find_element("name", name).send_keys(value)
    before = driver.find_element("tag name", "main")
    form.find_element("css selector", "button").click()
    # The answer is a new page: it either shows the new stage or says why not (a refusal fails here with its
    # sentence, not with a timeout).
    # A transfer also orders the household's quarantine: on a busy 2-core machine it may take longer than a click.
    until(driver, lambda d: not is_attached(before), timeout=25)
    until(driver, lambda d: d.find_elements("id", "step-error")
          or d.find_element("id", "case-stage").get_attribute("data-stage") == stage, timeout=25)
    assert not driver.find_elements("id", "step-error"), driver.find_element("id", "step-error").text
    assert driver.find_element("id", "case-stage").get_attribute("data-stage") == stage, driver.find_element("tag name", "main").text


def fever_at_the_gate(browser, server, id_number, name, first, again):
    """The demo gate operator registers a typed ID with a fever and re-measures it: the gate refers the person."""
    login(browser, server, "demo-guard1")
    wait_for_path(browser, "/gate")
    browser.find_element("id", "id-number").send_keys(id_number + Keys.ENTER)
    until(browser, lambda d: d.find_element("id", "person").is_displayed())
    browser.find_element("id", "person-name").send_keys(name)
    browser.find_element("id", "temperature").send_keys(first)
    browser.find_element("id", "confirm").click()
    until(browser, lambda d: d.find_element("id", "remeasure-box").is_displayed())
    browser.find_element("id", "remeasure-temperature").send_keys(again)
    browser.find_element("id", "remeasure").click()
    until(browser, lambda d: d.find_elements("css selector", '#reasons li[data-code="fever"]'))


def test_a_fever_case_is_taken_to_closed_with_every_step_named(server, browser):
    admin = new_browser()
    try:
        office_without_remeasure_rest(admin, server)

        # The gate: 38.5, then 38.6 on the re-measure.
        fever_at_the_gate(browser, server, "41282119850506123X", "韩发热", "38.5", "38.6")

        # The office is told at once and opens the case from the alert.
        until(admin, lambda d: "38.6" in d.find_element("id", "alerts").text)
        admin.find_element("css selector", "#alerts a").click()
        wait_for_path(admin, "/fever-cases/")
        case_url = admin.current_url
        assert admin.find_element("id", "case-stage").get_attribute("data-stage") == "confirmed"
        assert [li.get_attribute("data-stage") for li in admin.find_elements("css selector", "#case-history li")] == \
            ["measured", "remeasured", "confirmed"]
        admin.get(server + "/admin")
        wait_for_path(admin, "/admin/communities/")

        # The gate screen shows the open case too.
        browser.get(server + "/gate")
        assert browser.find_element("id", "gate-fever-cases").is_displayed()
        logout(browser)

        # The property company: observation room, then the report.
        login(browser, server, "demo-property")
        wait_for_path(browser, "/fever-cases")
        [li for li in browser.find_elements("css selector", "#fever-case-list li") if "韩*" in li.text][0] \
            .find_element("css selector", "a").click()
        wait_for_path(browser, "/fever-cases/")
        browser.find_element("css selector", 'form[data-stage="inObservation"] button').click()
        until(browser, lambda d: d.find_element("id", "step-error").text)
        assert "留观室" in browser.find_element("id", "step-error").text
        take_step(browser, "inObservation", [("roomName", "北门临时留观室")])
        until(admin, lambda d: "临时留观" in d.find_element("id", "alerts").text)  # the office's page is told live
        take_step(browser, "reported", [("note", "已电话报告沁园街道卫生院")])
        assert not browser.find_elements("css selector", 'form[data-stage="transferred"]'), "the decision is not theirs"
        assert not browser.find_elements("id", "case-reveal"), "nor the person's full data"
        shot(browser, "fever-case-reported")
        logout(browser)

        # The health desk: the case waits for a decision.
        login(browser, server, "demo-health")
        wait_for_path(browser, "/health")
        item = [li for li in browser.find_elements("css selector", "#fever-case-list li") if "韩*" in li.text][0]
        assert "待卫健决定" in item.text
        shot(browser, "health-desk")
        item.find_element("css selector", "a").click()
        wait_for_path(browser, "/fever-cases/")
        # To arrange the transfer the health staff see the person in full, after stating why (audited).
        assert "41282119850506123X" not in browser.page_source
        browser.find_element("css selector", "#case-reveal summary").click()
        browser.find_element("id", "reveal-reason").send_keys("联系转运")
        browser.find_element("css selector", "#case-reveal button").click()
        until(browser, lambda d: d.find_elements("id", "revealed"))
        assert "韩发热" in browser.find_element("id", "revealed").text
        assert "41282119850506123X" in browser.find_element("id", "revealed").text
        shot(browser, "fever-case-revealed")
        take_step(browser, "transferred", [("subject", "市人民医院发热门诊"), ("escort", "120救护车")])
        logout(browser)

        # The gate staff disinfect the room; the office closes the case.
        login(browser, server, "demo-guard1")
        browser.get(case_url)
        take_step(browser, "disinfected", [("subject", "84消毒液 1:100")])
        logout(browser)
        admin.get(case_url)
        take_step(admin, "closed")
        history = admin.find_elements("css selector", "#case-history li")
        assert [li.get_attribute("data-stage") for li in history] == \
            ["measured", "remeasured", "confirmed", "inObservation", "reported", "transferred", "disinfected", "closed"]
        text = admin.find_element("id", "case-history").text
        # People's names (谁登记), the login only as a tooltip.
        for who in ("吴保安", "物业刘经理", "李医生", "钱秀兰"):
            assert who in text
        assert "demo-guard1" not in text
        logins = {span.get_attribute("title") for span in admin.find_elements("css selector", "#case-history li span[title]")}
        assert {"demo-guard1", "demo-property", "demo-health", "demo-admin1"} <= logins
        assert "市人民医院发热门诊" in text and "北门临时留观室" in text
        shot(admin, "fever-case-closed")
    finally:
        admin.quit()


def test_a_page_that_answered_a_reveal_keeps_it_and_links_a_step_taken_elsewhere_to_the_case_itself(server, browser):
    """The health desk has revealed a person (the page answered that POST at /reveal); the office takes the next step
    on its own screen: the desk's page says so without taking the revealed data away, and its link leads to the case
    itself, never to /reveal (no page to GET there)."""
    admin = new_browser()
    try:
        office_without_remeasure_rest(admin, server)

        fever_at_the_gate(browser, server, "412821199003152021", "柳发热", "38.7", "38.8")
        logout(browser)

        login(browser, server, "demo-health")
        wait_for_path(browser, "/health")
        [li for li in browser.find_elements("css selector", "#fever-case-list li") if "柳*" in li.text][0] \
            .find_element("css selector", "a").click()
        wait_for_path(browser, "/fever-cases/")
        browser.find_element("css selector", "#case-reveal summary").click()
        browser.find_element("id", "reveal-reason").send_keys("联系转运")
        browser.find_element("css selector", "#case-reveal button").click()
        until(browser, lambda d: d.find_elements("id", "revealed"))
        assert browser.current_url.endswith("/reveal")
        case_url = browser.current_url[: -len("/reveal")]

        admin.get(case_url)
        form = admin.find_element("css selector", 'form.step-form[data-stage="inObservation"]')
        form.find_element("name", "roomName").send_keys("南门临时留观室")
        form.find_element("css selector", "button").click()
        until(admin, lambda d: d.find_element("id", "case-stage").get_attribute("data-stage") == "inObservation")

        # What was revealed stays on screen while it is read (a phone number mid-call); the page says the case moved.
        until(browser, lambda d: d.find_elements("id", "case-news"))
        assert "新进展" in browser.find_element("id", "case-news").text
        assert browser.find_element("id", "revealed").is_displayed()
        browser.find_element("css selector", "#case-news a").click()
        until(browser, lambda d: d.find_element("id", "case-stage").get_attribute("data-stage") == "inObservation")
        assert browser.current_url == case_url
        assert not browser.find_elements("id", "revealed"), "the reload is a GET of the case: nothing revealed again"
    finally:
        admin.quit()


def valid_id(seventeen):
    """A GB 11643 number from its first 17 digits."""
    weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    return seventeen + "10X98765432"[sum(int(d) * w for d, w in zip(seventeen, weights)) % 11]


def refused_step(driver, stage, room_label):
    """Chooses a room by its label and takes the step; returns the sentence the page answers with."""
    from selenium.webdriver.support.ui import Select
    form = driver.find_element("css selector", f'form.step-form[data-stage="{stage}"]')
    Select(form.find_element("id", "room-id")).select_by_visible_text(room_label)
    before = driver.find_element("tag name", "main")
    form.find_element("css selector", "button").click()
    until(driver, lambda d: not is_attached(before))
    return until(driver, lambda d: d.find_element("id", "step-error").text)


def test_an_observation_room_takes_one_person_at_a_time_and_is_disinfected_between_two(server, browser):
    admin = new_browser()
    try:
        office_without_remeasure_rest(admin, server)
        for id_number, name in ((valid_id("41282119860101101"), "许甲"), (valid_id("41282119860101202"), "苏乙"),
                                (valid_id("41282119860101303"), "林丙")):
            fever_at_the_gate(browser, server, id_number, name, "38.5", "38.6")
            logout(browser)

        # The first patient goes into 东门留观室; the second is refused it while it is in use.
        admin.get(server + "/fever-cases")
        def case(masked):
            return [li.find_element("css selector", "a").get_attribute("href")
                    for li in admin.find_elements("css selector", "#fever-case-list li") if masked in li.text][0]
        first, second, third = case("许*"), case("苏*"), case("林*")
        admin.get(first)
        take_step(admin, "inObservation", [("roomName", "东门留观室")])
        admin.get(second)
        message = refused_step(admin, "inObservation", "东门留观室 · 使用中")
        assert "一次只留观一人" in message, message
        shot(admin, "fever-case-room-in-use")
        take_step(admin, "inObservation", [("roomName", "东门留观室二")])

        # The room with someone inside cannot be logged as disinfected.
        admin.get(server + "/admin")
        wait_for_path(admin, "/admin/communities/")
        admin.find_element("id", "disinfection-link").click()
        wait_for_path(admin, "/disinfection")
        room = [li for li in admin.find_elements("css selector", "#schedules > li") if "东门留观室二" in li.text][0]
        assert room.find_element("css selector", ".room-state").get_attribute("data-room-state") == "occupied"
        room.find_element("name", "agent").send_keys("84消毒液 1:100")
        room.find_element("css selector", "button.log").click()
        until(admin, lambda d: "不能消毒" in d.find_element("id", "error-log").text)
        shot(admin, "disinfection-room-in-use")

        # The first patient is transferred: 东门留观室 waits for its disinfection and takes nobody meanwhile.
        admin.get(first)
        take_step(admin, "reported")
        login(browser, server, "demo-health")
        wait_for_path(browser, "/health")
        browser.get(first)
        take_step(browser, "transferred", [("subject", "市人民医院发热门诊"), ("escort", "120救护车")])
        logout(browser)
        admin.get(third)
        message = refused_step(admin, "inObservation", "东门留观室 · 待消毒")
        assert "尚未消毒" in message, message
        admin.get(first)
        take_step(admin, "disinfected", [("subject", "84消毒液 1:100")])
        admin.get(third)
        from selenium.webdriver.support.ui import Select
        Select(admin.find_element("id", "room-id")).select_by_visible_text("东门留观室 · 可用")
        take_step(admin, "inObservation")
    finally:
        admin.quit()
