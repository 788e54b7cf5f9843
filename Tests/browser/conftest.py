"""Browser tests: a real gatehouse server on a free loopback port, with demo data, driven by headless Chromium."""
import os
import shutil
import socket
import subprocess
import tempfile
import time
import urllib.request

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
BINARY = os.environ.get("GATEHOUSE_BIN", os.path.join(ROOT, ".build", "debug", "gatehouse"))
SCREENSHOTS = os.environ.get("GATEHOUSE_SCREENSHOTS")
DEMO_PASSWORD = "gatehouse-demo"
SERVER_LOG = None  # the running server's log file, set by the `server` fixture


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(prefix="gatehouse-browser-"):
    """Starts `gatehouse serve` on demo data in a new temporary folder; returns (base URL, process, data folder)."""
    data = tempfile.mkdtemp(prefix=prefix)
    port = free_port()
    env = dict(os.environ, GATEHOUSE_DATA_DIR=data, GATEHOUSE_PORT=str(port), GATEHOUSE_BCRYPT_COST="6")
    env.pop("DATABASE_URL", None)
    subprocess.run([BINARY, "demo"], env=env, check=True, capture_output=True, cwd=data)
    log = open(os.path.join(data, "server.log"), "w")
    # Started from the data folder, not the repository: the server must find its own resources.
    proc = subprocess.Popen([BINARY, "serve"], env=env, stdout=log, stderr=subprocess.STDOUT, cwd=data)
    base = f"http://127.0.0.1:{port}"
    deadline = time.time() + 30
    while True:
        try:
            with urllib.request.urlopen(base + "/healthz", timeout=1) as r:
                if r.status == 200:
                    break
        except OSError:
            pass
        if time.time() > deadline or proc.poll() is not None:
            proc.kill()
            raise RuntimeError("server did not start: " + open(os.path.join(data, "server.log")).read())
        time.sleep(0.2)
    return base, proc, data


def stop_server(proc, data):
    proc.terminate()
    proc.wait(timeout=10)
    shutil.rmtree(data, ignore_errors=True)


@pytest.fixture(scope="session")
def server():
    base, proc, data = start_server()
    global SERVER_LOG
    SERVER_LOG = os.path.join(data, "server.log")
    yield base
    stop_server(proc, data)


def new_browser():
    """Headless Chromium at a phone's size (412 × 915), in Chinese: the `browser` fixture's, and a second phone's."""
    options = webdriver.ChromeOptions()
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=412,915", "--lang=zh-CN"):
        options.add_argument(arg)
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    driver.implicitly_wait(3)
    return driver


@pytest.fixture
def browser():
    driver = new_browser()
    yield driver
    driver.quit()


def shot(driver, name):
    """Saves a screenshot when GATEHOUSE_SCREENSHOTS names a folder."""
    if SCREENSHOTS:
        os.makedirs(SCREENSHOTS, exist_ok=True)
        driver.save_screenshot(os.path.join(SCREENSHOTS, name + ".png"))


def login(driver, base, username, password=DEMO_PASSWORD, expect_error=False):
    driver.get(base + "/login")
    driver.find_element("id", "username").send_keys(username)
    driver.find_element("id", "password").send_keys(password)
    driver.find_element("id", "login-submit").click()
    from selenium.webdriver.support.ui import WebDriverWait
    if expect_error:
        WebDriverWait(driver, 10).until(lambda d: d.find_elements("id", "login-error"))
    else:
        WebDriverWait(driver, 10).until(lambda d: "/login" not in d.current_url)
        if "/gate/shift-check" in driver.current_url:  # an operator's first sign-in of the day
            for box in driver.find_elements("css selector", '#shift-form input[type="checkbox"]'):
                box.click()
            driver.find_element("id", "start-shift").click()
            WebDriverWait(driver, 10).until(lambda d: "/shift-check" not in d.current_url)


def logout(driver):
    driver.find_element("id", "logout").click()
    wait_for_path(driver, "/login")


def wait_for_path(driver, fragment, timeout=10):
    """Waits until the current URL contains `fragment` (a click's navigation may still be under way)."""
    from selenium.webdriver.support.ui import WebDriverWait
    WebDriverWait(driver, timeout).until(lambda d: fragment in d.current_url)
    return driver.current_url


def click_and_reload(driver, button, timeout=10):
    """Clicks a form's button and waits until the page it was on has been replaced.

    A form that posts and redirects back to the same address leaves the URL unchanged, so
    waiting for a path would return at once and the next lookup would meet the old page."""
    from selenium.common.exceptions import StaleElementReferenceException, WebDriverException
    from selenium.webdriver.support.ui import WebDriverWait
    page = driver.find_element("tag name", "html")
    button.click()

    def replaced(_):
        try:
            page.is_enabled()
            return False
        except StaleElementReferenceException:
            return True
        except WebDriverException as e:
            # Chromium may say "node does not belong to the document" instead, for the same thing.
            if "does not belong to the document" in str(e):
                return True
            raise
    WebDriverWait(driver, timeout).until(replaced)


def until(driver, condition, timeout=10):
    """Waits for `condition(driver)`, riding out elements replaced by a page load in the meantime."""
    from selenium.common.exceptions import NoSuchElementException, StaleElementReferenceException, WebDriverException
    from selenium.webdriver.support.ui import WebDriverWait
    # Chromium may also answer "node does not belong to the document" (a plain WebDriverException) mid-navigation.
    return WebDriverWait(driver, timeout,
                         ignored_exceptions=(NoSuchElementException, StaleElementReferenceException, WebDriverException)).until(condition)


def wang_login(driver, base):
    """Gives 王建华 of the demo household 1栋1单元101室 the resident login wang-1101 (once), as the office does on the
    household's page, and signs him in."""
    login(driver, base, "demo-admin1")
    wait_for_path(driver, "/admin/communities/")
    driver.get(driver.current_url.rstrip("/") + "/households")
    row = [r for r in driver.find_elements("css selector", "#households tbody tr") if "1栋1单元101室" in r.text][0]
    row.find_element("css selector", "a").click()
    wait_for_path(driver, "/admin/households/")
    member = driver.find_elements("css selector", "#members tbody tr")[0]
    if "已开通账号" not in member.text:
        member.find_element("css selector", "details.create-login summary").click()
        member.find_element("name", "username").send_keys("wang-1101")
        member.find_element("name", "password").send_keys("resident-pass-1101")
        member.find_element("css selector", ".login-form button").click()
        until(driver, lambda d: "已开通账号" in d.find_element("id", "members").text)
    logout(driver)
    login(driver, base, "wang-1101", "resident-pass-1101")
    wait_for_path(driver, "/me")


def open_gate(driver, base, username="demo-guard1"):
    """Signs an operator in and waits for the gate screen."""
    login(driver, base, username)
    wait_for_path(driver, "/gate")
    until(driver, lambda d: d.execute_script("return document.readyState") == "complete")


def type_id(driver, number):
    """Types an ID number and Enter into the scan field, as a guard does."""
    from selenium.webdriver.common.keys import Keys
    field = driver.find_element("id", "id-number")
    field.clear()
    field.send_keys(number + Keys.ENTER)


def gate_scan(driver, code):
    """The scanner types a code and Enter (operator action 1); returns the warning codes the card shows."""
    from selenium.webdriver.common.keys import Keys
    form = driver.find_element("id", "id-form")
    before = form.get_attribute("data-answered")
    field = driver.find_element("id", "id-number")
    field.clear()
    field.send_keys(code + Keys.ENTER)

    def settled(d):
        # The page numbers its questions and answers: wait for an answer to the latest one, newer than before.
        f = d.find_element("id", "id-form")
        answered = f.get_attribute("data-answered")
        return answered and answered != before and answered == f.get_attribute("data-asked")
    until(driver, settled)
    # The card then offers the temperatures (or, for a pending re-measure, the re-measure), or says what is wrong.
    until(driver, lambda d: d.find_element("id", "tap-hint").is_displayed() or d.find_element("id", "id-error").text
          or d.find_element("id", "remeasure-box").is_displayed())
    # Read in one go inside the page, so a list re-rendered meanwhile cannot leave a stale element behind.
    return driver.execute_script(
        'return Array.prototype.map.call(document.querySelectorAll("#pass-warnings li"), function (li) { return li.getAttribute("data-code"); });')


def gate_tap(driver, value="36.5"):
    """Taps a temperature (operator action 2); returns the decision and its reason codes, then readies the next person."""
    driver.find_element("css selector", f'.temp[data-value="{value}"]').click()
    until(driver, lambda d: d.find_element("id", "result").is_displayed() or d.find_element("id", "measure-error").text)
    assert not driver.find_element("id", "measure-error").text, driver.find_element("id", "measure-error").text
    decision = driver.find_element("id", "decision").get_attribute("data-decision")
    reasons = [li.get_attribute("data-code") for li in driver.find_elements("css selector", "#reasons li")]
    driver.find_element("id", "next-person").click()
    return decision, reasons


def order_quarantine(driver, reason="密切接触者", ordered_by="区卫健委 王医生"):
    """On a household's page: puts it under home quarantine from today for 14 days (the form's defaults)."""
    driver.find_element("css selector", "#quarantine-order summary").click()
    driver.find_element("id", "q-reason").send_keys(reason)
    driver.find_element("id", "q-ordered-by").send_keys(ordered_by)
    driver.find_element("id", "quarantine-submit").click()
    until(driver, lambda d: d.find_elements("id", "quarantine-badge"))


def release_quarantine(driver, community_url, household_label, note="医生意见：解除观察"):
    """On the quarantine board: releases the household's order early."""
    driver.get(community_url + "/quarantine")
    card = [li for li in driver.find_elements("css selector", "#quarantine-board > li") if household_label in li.text][0]
    card.find_element("css selector", ".release summary").click()
    card.find_element("css selector", '.release-form input[name="note"]').send_keys(note)
    card.find_element("css selector", ".release-form button").click()
    until(driver, lambda d: household_label not in d.find_element("id", "quarantine-board").text)


def office_without_remeasure_rest(driver, base):
    """Logs the demo office in and sets its gates' re-measure rest to 0 minutes, so a fever is re-measured at once."""
    login(driver, base, "demo-admin1")
    wait_for_path(driver, "/admin/communities/")
    rest = driver.find_element("id", "rest-minutes")
    rest.clear()
    rest.send_keys("0")
    # The field says 0 as soon as it is typed: wait for the saved page to come back with it.
    click_and_reload(driver, driver.find_element("css selector", "#settings-form button"))
    until(driver, lambda d: d.find_element("id", "rest-minutes").get_attribute("value") == "0")
