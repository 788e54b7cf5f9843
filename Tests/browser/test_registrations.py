"""Self-registration from a gate's poster, end to end in a real browser, one category at a time: the poster's QR
opens the form; a visitor is refused without a host and admitted with one (pass scanned at the gate, or vouched on
the resident's phone); a courier is never admitted and the household sees the parcel live; a returnee files the
arrival report through cascading division selects; a resident's pass application is approved by the office and the
pass appears on the applicant's status page."""
import json
import os
import shutil
import subprocess
import tempfile
import urllib.request

from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import Select

from conftest import gate_scan as scan, gate_tap as tap, DEMO_PASSWORD, login, logout, shot, until, wait_for_path

ZBAR = shutil.which("zbarimg")


def id_number(prefix17):
    weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    total = sum(int(c) * w for c, w in zip(prefix17, weights))
    return prefix17 + "10X98765432"[total % 11]


HOST_ID = id_number("11010519720303001")
NEIGHBOUR_ID = id_number("11010519730404002")
APPLICANT_ID = id_number("11010519850505003")
SHEET = f"""楼栋,单元,房号,姓名,身份证号,手机号,类别
18,1,101,欧阳娜娜,{HOST_ID},13812348101,常住
18,1,102,司马光,{NEIGHBOUR_ID},13812348102,常住
"""


def api(server, method, path, token=None, body=None, content_type="application/json"):
    data = body if isinstance(body, bytes) else (json.dumps(body).encode() if body is not None else None)
    req = urllib.request.Request(server + path, data=data, method=method)
    if data is not None:
        req.add_header("Content-Type", content_type)
    if token:
        req.add_header("Authorization", "Bearer " + token)
    with urllib.request.urlopen(req) as r:
        return json.loads(r.read() or b"null")


_world = {}


def world(server):
    """Households 18栋1单元101/102 with household passes, imported once through the API."""
    if _world:
        return _world
    token = api(server, "POST", "/api/v1/auth/token", body={"username": "demo-admin1", "password": DEMO_PASSWORD})["token"]
    me = api(server, "GET", "/api/v1/me", token)
    community = me["communityId"]
    api(server, "POST", f"/api/v1/communities/{community}/household-imports", token, SHEET.encode(), "text/csv")
    api(server, "POST", f"/api/v1/communities/{community}/household-passes", token)
    households = api(server, "GET", f"/api/v1/communities/{community}/households?q=18", token)
    _world.update(community=community, token=token,
                  codes={h["label"]: h["householdPassCode"] for h in households},
                  ids={h["label"]: h["id"] for h in households})
    return _world


def poster_url(browser, server):
    login(browser, server, "demo-admin1")
    wait_for_path(browser, "/admin/communities/")
    browser.find_element("id", "registrations-link").click()
    wait_for_path(browser, "/registrations")
    browser.find_element("css selector", "#posters a").click()
    wait_for_path(browser, "/poster")
    url = browser.find_element("id", "poster-url").text
    logout(browser)
    return url


def register(browser, url, category, fields, symptoms=()):
    browser.get(url)
    browser.find_element("css selector", f'#categories a[data-category="{category}"]').click()
    wait_for_path(browser, "/" + category)
    for name, value in fields.items():
        field = browser.find_element("name", name)
        if field.tag_name == "select":
            Select(field).select_by_value(value)
        else:
            field.clear()
            field.send_keys(value)
    for s in symptoms:
        browser.find_element("css selector", f'input[name="symptoms[]"][value="{s}"]').click()
    browser.find_element("id", "submit-registration").click()
    until(browser, lambda d: "/r/s/" in d.current_url or d.find_elements("id", "form-error"))
    if "/r/s/" not in browser.current_url:
        raise AssertionError(browser.find_element("id", "self-registration").text)
    return browser.find_element("id", "registration-code").text, browser.current_url


def direction(browser, way):
    browser.find_element("css selector", f'input[name="direction"][value="{way}"]').click()


def guard(browser, server):
    login(browser, server, "demo-guard1")
    wait_for_path(browser, "/gate")


VISITOR = {"name": "上官婉儿", "phone": "13700009001", "building": "18", "unit": "1", "room": "101", "visitPurpose": "探亲"}


def test_poster_opens_the_form_and_a_visitor_needs_a_host(server, browser):
    w = world(server)
    url = poster_url(browser, server)
    assert "/r/" in url
    if ZBAR:
        login(browser, server, "demo-admin1")
        browser.get(server + "/admin/communities/" + w["community"] + "/registrations")
        browser.find_element("css selector", "#posters a").click()
        wait_for_path(browser, "/poster")
        png = os.path.join(tempfile.mkdtemp(), "poster.png")
        browser.find_element("css selector", "#poster-qr svg").screenshot(png)
        out = subprocess.run([ZBAR, "--quiet", "--raw", png], capture_output=True, text=True)
        assert out.stdout.strip() == url
        shot(browser, "registration-poster")
        logout(browser)

    # The form: an empty submission names every field; nothing asks for a temperature.
    browser.get(url)
    shot(browser, "registration-start")
    browser.find_element("css selector", '#categories a[data-category="visitor"]').click()
    assert not browser.find_elements("name", "temperature")
    browser.find_element("id", "submit-registration").click()
    until(browser, lambda d: d.find_elements("id", "form-error"))
    errors = {e.get_attribute("data-error-for") for e in browser.find_elements("css selector", "[data-error-for]")}
    assert {"name", "phone", "household"} <= errors, errors
    shot(browser, "registration-form-errors")
    code, status_url = register(browser, url, "visitor", VISITOR)
    assert len(code) == 6 and "等待住户担保" in browser.find_element("id", "status-headline").text
    shot(browser, "registration-status")

    guard(browser, server)
    direction(browser, "in")
    assert scan(browser, code) == ["visitor_needs_host"]
    assert browser.find_element("id", "host-box").is_displayed()
    assert tap(browser) == ("deny", ["visitor_needs_host"])

    # The host comes to the gate: a neighbour's pass does not do, the host household's does.
    scan(browser, code)
    host = browser.find_element("id", "host-pass")
    host.send_keys(w["codes"]["18栋1单元102室"] + Keys.ENTER)
    until(browser, lambda d: d.find_element("id", "host-error").text)
    assert "被访住户" in browser.find_element("id", "host-error").text
    host.clear()
    host.send_keys(w["codes"]["18栋1单元101室"] + Keys.ENTER)
    until(browser, lambda d: not d.find_element("id", "host-box").is_displayed())
    assert "门口扫证" in browser.find_element("id", "person-facts").text
    shot(browser, "gate-visitor-vouched")
    assert tap(browser) == ("allow", ["visitor_escorted"])
    assert scan(browser, code) == ["visit_over"]  # the same visit cannot come in twice
    browser.find_element("id", "next-person").click() if browser.find_element("id", "result").is_displayed() else None
    direction(browser, "out")
    scan(browser, code)
    assert tap(browser)[0] == "allow"
    direction(browser, "in")
    logout(browser)
    browser.get(status_url)
    assert "本次来访已结束" in browser.find_element("id", "status-headline").text


def resident_login(browser, server, w, label, username):
    """The office opens a resident login for the first member of `label` (once)."""
    login(browser, server, "demo-admin1")
    browser.get(server + "/admin/households/" + w["ids"][label])
    row = browser.find_elements("css selector", "#members tbody tr")[0]
    if "已开通账号" not in row.text:
        row.find_element("css selector", "details.create-login summary").click()
        row.find_element("name", "username").send_keys(username)
        row.find_element("name", "password").send_keys("resident-pass-18")
        row.find_element("css selector", ".login-form button").click()
        until(browser, lambda d: "已开通账号" in d.find_element("id", "members").text)
    logout(browser)


def test_visitor_vouched_on_the_residents_phone_and_a_courier_never_admitted(server, browser):
    w = world(server)
    url = poster_url(browser, server)
    resident_login(browser, server, w, "18栋1单元101室", "ouyang-18")
    login(browser, server, "ouyang-18", "resident-pass-18")
    wait_for_path(browser, "/me")
    resident_page = browser.current_url

    # The visitor registers on another phone; the resident's page shows it by itself (live).
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    options = webdriver.ChromeOptions()
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=412,915"):
        options.add_argument(arg)
    phone = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    phone.implicitly_wait(3)
    try:
        code, _ = register(phone, url, "visitor", dict(VISITOR, name="东方不败", phone="13700009002"))
        until(browser, lambda d: d.find_elements("css selector", '#visit-list li[data-state="waiting"]'), timeout=15)
        shot(browser, "resident-visitor-waiting")
        browser.find_element("css selector", '#visit-list li[data-state="waiting"] button.vouch').click()
        until(browser, lambda d: d.find_elements("css selector", '#visit-list li[data-state="vouched"]'))

        rider = {"platform": "美团", "name": "诸葛亮", "phone": "13600009003", "building": "18", "unit": "1", "room": "101"}
        courier_code, _ = register(phone, url, "courier", rider)
    finally:
        phone.quit()
    logout(browser)

    guard(browser, server)
    direction(browser, "in")
    assert scan(browser, code) == ["visitor_escorted"]
    assert tap(browser) == ("allow", ["visitor_escorted"])
    for way in ("in", "out"):
        direction(browser, way)
        assert scan(browser, courier_code) == ["courier_no_entry"]
        assert tap(browser) == ("deny", ["courier_no_entry"])
    direction(browser, "in")
    logout(browser)

    login(browser, server, "ouyang-18", "resident-pass-18")
    browser.get(resident_page)
    item = browser.find_element("css selector", "#delivery-list li")
    assert "美团" in item.text and "取件" in item.text
    assert item.find_element("css selector", ".window").text.count(":") == 2
    shot(browser, "resident-delivery")
    item.find_element("css selector", "button.picked-up").click()
    until(browser, lambda d: d.find_element("css selector", "#delivery-list li").get_attribute("data-picked") == "true")
    logout(browser)


def test_returnee_reports_through_cascading_divisions(server, browser):
    world(server)
    url = poster_url(browser, server)
    browser.get(url)
    browser.find_element("css selector", '#categories a[data-category="returnee"]').click()
    wait_for_path(browser, "/returnee")
    assert not browser.find_element("id", "origin").is_displayed()  # the code box is for browsers without script
    Select(browser.find_element("id", "origin-province")).select_by_visible_text("湖北省")
    until(browser, lambda d: len(Select(d.find_element("id", "origin-city")).options) > 1)
    Select(browser.find_element("id", "origin-city")).select_by_visible_text("武汉市")
    until(browser, lambda d: len(Select(d.find_element("id", "origin-county")).options) > 1)
    Select(browser.find_element("id", "origin-county")).select_by_visible_text("江岸区")
    assert browser.find_element("id", "origin").get_attribute("value") == "420102"
    shot(browser, "registration-returnee-form")
    import datetime
    today = (datetime.datetime.utcnow() + datetime.timedelta(hours=8)).date()
    fields = {"name": "欧阳娜娜", "phone": "13812348101", "idNumber": HOST_ID, "building": "18", "unit": "1", "room": "101",
              "transport": "train", "transportNumber": "G1234"}
    for name, value in fields.items():
        f = browser.find_element("name", name)
        if f.tag_name == "select":
            Select(f).select_by_value(value)
        else:
            f.send_keys(value)
    browser.execute_script("document.getElementById('arrivalDate').value = arguments[0]", today.isoformat())
    browser.find_element("css selector", 'input[name="symptoms[]"][value="none"]').click()
    browser.find_element("id", "submit-registration").click()
    wait_for_path(browser, "/r/s/")
    steps = browser.find_element("id", "status-steps").text
    assert "健康监测至 " + (today + datetime.timedelta(days=14)).isoformat() in steps
    code = browser.find_element("id", "registration-code").text

    guard(browser, server)
    direction(browser, "in")
    assert scan(browser, code) == []
    assert "武汉市 江岸区" in browser.find_element("id", "person-facts").text
    assert tap(browser) == ("allow", [])
    logout(browser)


def test_pass_application_is_approved_by_the_office(server, browser):
    world(server)
    url = poster_url(browser, server)
    fields = {"name": "诸葛瑾", "phone": "13500009004", "idNumber": APPLICANT_ID, "building": "19", "room": "301"}
    code, status_url = register(browser, url, "resident", fields)
    assert "等待社区审核" in browser.find_element("id", "status-headline").text

    guard(browser, server)
    direction(browser, "in")
    assert scan(browser, code) == ["awaiting_confirmation"]
    assert tap(browser) == ("deny", ["awaiting_confirmation"])
    logout(browser)

    login(browser, server, "demo-admin1")
    browser.find_element("id", "registrations-link").click()
    wait_for_path(browser, "/registrations")
    row = [r for r in browser.find_elements("css selector", "#application-list li") if "19栋301室" in r.text][0]
    assert "诸葛*" in row.text and "诸葛瑾" not in row.text
    shot(browser, "registrations-office")
    row.find_element("css selector", "button.approve").click()
    until(browser, lambda d: "19栋301室" not in d.find_element("id", "applications").text)
    logout(browser)

    browser.get(status_url)
    assert browser.find_elements("css selector", "#approved-pass svg")
    pass_code = browser.find_element("id", "approved-pass-code").text
    shot(browser, "registration-approved")
    guard(browser, server)
    direction(browser, "in")
    scan(browser, pass_code)
    assert tap(browser) == ("allow", [])
    logout(browser)


def test_repeated_submissions_are_merged_then_limited(server, browser):
    world(server)
    url = poster_url(browser, server)
    visitor = dict(VISITOR, name="慕容复", phone="13700009005")
    first = register(browser, url, "visitor", visitor)
    second = register(browser, url, "visitor", visitor)
    assert first == second  # same code, same link
    for _ in range(4):
        register(browser, url, "visitor", visitor)
    browser.get(url)
    browser.find_element("css selector", '#categories a[data-category="visitor"]').click()
    for name, value in visitor.items():
        browser.find_element("name", name).send_keys(value)
    browser.find_element("id", "submit-registration").click()
    until(browser, lambda d: "提交太频繁" in d.page_source)


TENANT_ID = id_number("41282119880808004")


def choose_origin(browser, province, city, county):
    Select(browser.find_element("id", "origin-province")).select_by_visible_text(province)
    until(browser, lambda d: len(Select(d.find_element("id", "origin-city")).options) > 1)
    Select(browser.find_element("id", "origin-city")).select_by_visible_text(city)
    until(browser, lambda d: len(Select(d.find_element("id", "origin-county")).options) > 1)
    Select(browser.find_element("id", "origin-county")).select_by_visible_text(county)


def rental_accounts(browser, server):
    """The office opens a landlord's and an agency's account (once), through its page."""
    w = world(server)
    if w.get("rentals"):
        return
    login(browser, server, "demo-admin1")
    browser.get(server + "/admin/communities/" + w["community"] + "/registrations")
    for role, name, phone, username in (("landlord", "曹操", "13700008888", "landlord-18"), ("agency", "链家", "13700008889", "agency-18")):
        Select(browser.find_element("id", "rental-role")).select_by_value(role)
        for field, value in (("rental-name", name), ("rental-phone", phone), ("rental-username", username), ("rental-password", "rental-pass-18")):
            browser.find_element("id", field).send_keys(value)
        browser.find_element("css selector", "#rental-account-form button").click()
        until(browser, lambda d: username in d.find_element("css selector", ".notice").text)
    logout(browser)
    w["rentals"] = True


def test_migrant_is_confirmed_by_the_landlord_with_a_proof_and_an_agency_reports_tenants(server, browser):
    rental_accounts(browser, server)
    url = poster_url(browser, server)

    import datetime
    today = (datetime.datetime.utcnow() + datetime.timedelta(hours=8)).date().isoformat()
    browser.get(url)
    browser.find_element("css selector", '#categories a[data-category="migrant"]').click()
    wait_for_path(browser, "/migrant")
    for name, value in (("name", "马超"), ("phone", "13300009006"), ("idNumber", TENANT_ID), ("building", "18"), ("unit", "1"),
                        ("room", "102"), ("employer", "快递分拣中心"), ("landlordPhone", "13700008888")):
        browser.find_element("name", name).send_keys(value)
    choose_origin(browser, "河南省", "郑州市", "中原区")
    browser.execute_script("document.getElementById('moveIn').value = arguments[0]", today)
    browser.find_element("id", "submit-registration").click()
    wait_for_path(browser, "/r/s/")
    status_url = browser.current_url
    code = browser.find_element("id", "registration-code").text
    assert "等待房东确认" in browser.find_element("id", "status-headline").text

    guard(browser, server)
    direction(browser, "in")
    assert scan(browser, code) == ["awaiting_confirmation"]
    assert browser.find_element("id", "landlord-box").is_displayed()
    shot(browser, "gate-tenant-awaiting-landlord")
    assert tap(browser) == ("deny", ["awaiting_confirmation"])
    logout(browser)

    # The landlord: no confirmation without a proof; with the lease photographed, the pass is issued.
    login(browser, server, "landlord-18", "rental-pass-18")
    wait_for_path(browser, "/landlord")
    item = browser.find_element("css selector", "#pending-tenancies li")
    assert "马*" in item.text and "18栋1单元102室" in item.text and "中原区" in item.text and TENANT_ID not in item.text
    shot(browser, "landlord-page")
    item.find_element("css selector", "button.confirm").click()
    until(browser, lambda d: d.find_elements("id", "landlord-errors"))
    assert "租赁合同" in browser.find_element("id", "landlord-errors").text
    proof = os.path.join(tempfile.mkdtemp(), "lease.png")
    browser.save_screenshot(proof)
    browser.find_element("css selector", '#pending-tenancies li input[name="proof"]').send_keys(proof)
    browser.find_element("css selector", "#pending-tenancies li button.confirm").click()
    until(browser, lambda d: d.find_elements("css selector", '#tenants tr[data-status="confirmed"]') or "出错" in d.page_source)
    assert browser.find_elements("css selector", '#tenants tr[data-status="confirmed"]'), browser.find_element("tag name", "main").text
    logout(browser)
    browser.get(status_url)
    assert browser.find_elements("css selector", "#approved-pass svg")
    tenant_pass = browser.find_element("id", "approved-pass-code").text

    guard(browser, server)
    direction(browser, "in")
    scan(browser, tenant_pass)
    assert tap(browser) == ("allow", [])
    logout(browser)

    # A rental agency reports a tenant list; the landlord sees it waiting.
    login(browser, server, "agency-18", "rental-pass-18")
    wait_for_path(browser, "/agency")
    assert browser.find_element("id", "tenant-template").get_attribute("href").endswith(".csv")
    listing = os.path.join(tempfile.mkdtemp(), "tenants.csv")
    with open(listing, "w", encoding="utf-8") as f:
        f.write("楼栋,单元,房号,姓名,身份证号,手机号,来源地代码,入住日期,退租日期,房东手机号\n")
        f.write(f"18,1,102,黄忠,{id_number('41282119900101005')},13300009007,420102,{today},,13700008888\n")
    browser.find_element("id", "tenant-list").send_keys(listing)
    browser.find_element("id", "tenant-list-upload").click()
    until(browser, lambda d: d.find_elements("id", "tenant-list-done"))
    shot(browser, "agency-page")
    logout(browser)
    login(browser, server, "landlord-18", "rental-pass-18")
    wait_for_path(browser, "/landlord")
    assert "中介报送" in browser.find_element("id", "pending-tenancies").text
    logout(browser)


def test_an_agency_row_naming_a_landlord_without_an_account_is_on_the_rental_register(server, browser):
    """An agency's row names a landlord who has no account: it does not disappear — the agency sees it waiting with
    "房东未开通账号", and the office finds it on its rental register (出租房屋台账)."""
    rental_accounts(browser, server)
    import datetime
    today = (datetime.datetime.utcnow() + datetime.timedelta(hours=8)).date().isoformat()
    login(browser, server, "agency-18", "rental-pass-18")
    wait_for_path(browser, "/agency")
    listing = os.path.join(tempfile.mkdtemp(), "tenants.csv")
    with open(listing, "w", encoding="utf-8") as f:
        f.write("楼栋,单元,房号,姓名,身份证号,手机号,来源地代码,入住日期,退租日期,房东手机号\n")
        f.write(f"18,1,102,魏延,{id_number('41282119930404009')},13300009011,420102,{today},,13700007777\n")
    browser.find_element("id", "tenant-list").send_keys(listing)
    browser.find_element("id", "tenant-list-upload").click()
    until(browser, lambda d: d.find_elements("id", "tenant-list-done"))
    row = [tr for tr in browser.find_elements("css selector", "#agency-submitted tbody tr") if "魏*" in tr.text][0]
    assert "房东未开通账号" in row.text and "待房东确认" in row.text, row.text
    logout(browser)

    login(browser, server, "demo-admin1")
    wait_for_path(browser, "/admin/communities/")
    browser.find_element("id", "rentals-link").click()
    wait_for_path(browser, "/rentals")
    unknown = browser.find_element("id", "rentals-no-landlord").text
    assert "魏*" in unknown and "18栋1单元102室" in unknown and "链家" in unknown, unknown
    landlords = [h.text for h in browser.find_elements("css selector", "#rentals-by-landlord h3")]
    assert "曹操" in landlords, landlords
    shot(browser, "rental-register")
    logout(browser)


def test_the_landlord_confirms_a_tenant_at_the_gate(server, browser):
    """The landlord comes to the gate: the operator scans the landlord's code and photographs the lease."""
    rental_accounts(browser, server)
    url = poster_url(browser, server)
    import datetime
    today = (datetime.datetime.utcnow() + datetime.timedelta(hours=8)).date().isoformat()
    browser.get(url)
    browser.find_element("css selector", '#categories a[data-category="tenant"]').click()
    wait_for_path(browser, "/tenant")
    for name, value in (("name", "赵云"), ("phone", "13300009010"), ("idNumber", id_number("41282119910303007")), ("building", "18"),
                        ("unit", "1"), ("room", "102"), ("landlordPhone", "13700008888")):
        browser.find_element("name", name).send_keys(value)
    choose_origin(browser, "河北省", "石家庄市", "长安区")
    browser.execute_script("document.getElementById('moveIn').value = arguments[0]", today)
    browser.find_element("id", "submit-registration").click()
    wait_for_path(browser, "/r/s/")
    code = browser.find_element("id", "registration-code").text

    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    options = webdriver.ChromeOptions()
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=412,915"):
        options.add_argument(arg)
    phone = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    phone.implicitly_wait(3)
    try:
        login(phone, server, "landlord-18", "rental-pass-18")
        wait_for_path(phone, "/landlord")
        landlord_code = phone.find_element("id", "landlord-code").get_attribute("data-code")
        if ZBAR:  # what the operator's scanner reads from the landlord's screen
            png = os.path.join(tempfile.mkdtemp(), "landlord.png")
            phone.find_element("css selector", "#landlord-code svg").screenshot(png)
            out = subprocess.run([ZBAR, "--quiet", "--raw", png], capture_output=True, text=True)
            assert out.stdout.strip() == landlord_code
        proof = os.path.join(tempfile.mkdtemp(), "lease.png")
        phone.save_screenshot(proof)
    finally:
        phone.quit()

    guard(browser, server)
    direction(browser, "in")
    assert scan(browser, code) == ["awaiting_confirmation"]
    browser.find_element("id", "landlord-confirm").click()
    until(browser, lambda d: d.find_element("id", "landlord-error").text)
    browser.find_element("id", "landlord-code").send_keys(landlord_code)
    browser.find_element("id", "landlord-proof").send_keys(proof)
    browser.find_element("id", "landlord-confirm").click()
    until(browser, lambda d: not d.find_element("id", "landlord-box").is_displayed() or d.find_element("id", "landlord-error").text)
    assert not browser.find_element("id", "landlord-error").text, browser.find_element("id", "landlord-error").text
    assert tap(browser) == ("allow", [])
    logout(browser)
