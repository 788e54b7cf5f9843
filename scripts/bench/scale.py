"""Times the scale goals against a running server holding `gatehouse generate` data (scripts/bench/scale starts it).

Each figure is the median and the slowest of several runs, measured at the client (HTTP on loopback included):
the record list (the operator's API page and web page, a page deep in the list, the district office's page over every
community), one busy day's register export (CSV, streamed to the end) and the longest contact trace the system
allows (28 days), for a resident of the busy community. Standard library only.
"""
import http.cookiejar
import json
import os
import re
import statistics
import sys
import time
import urllib.parse
import urllib.request

BASE = sys.argv[1]
PASSWORD = "gatehouse-generated"
RUNS = 15


def api_token(username):
    req = urllib.request.Request(BASE + "/api/v1/auth/token", data=json.dumps({"username": username, "password": PASSWORD}).encode(),
                                 headers={"Content-Type": "application/json"})
    return json.load(urllib.request.urlopen(req))["token"]


def get(path, token=None, opener=None):
    req = urllib.request.Request(BASE + path, headers={"Authorization": "Bearer " + token} if token else {})
    with (opener.open(req) if opener else urllib.request.urlopen(req)) as r:
        return r.read(), r.headers


def post(path, body, token):
    req = urllib.request.Request(BASE + path, data=json.dumps(body).encode(),
                                 headers={"Content-Type": "application/json", "Authorization": "Bearer " + token})
    with urllib.request.urlopen(req) as r:
        return r.read()


def timed(label, goal_ms, fn, runs=RUNS):
    fn()  # warm
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t) * 1000)
    median, worst = statistics.median(times), max(times)
    verdict = "meets" if median <= goal_ms else "MISSES"
    print(f"{label}: median {median:.1f} ms, slowest {worst:.1f} ms (goal {goal_ms} ms: {verdict})", flush=True)


def web_session(username):
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    page = opener.open(BASE + "/login").read().decode()
    csrf = re.search(r'name="_csrf" value="([^"]+)"', page).group(1)
    form = urllib.parse.urlencode({"username": username, "password": PASSWORD, "_csrf": csrf}).encode()
    opener.open(urllib.request.Request(BASE + "/login", data=form))
    return opener


operator = api_token("gen-op-1")
office = api_token("gen-admin")
health = api_token("gen-health")
me = json.loads(get("/api/v1/me", operator)[0])
community = me["communityId"]

timed("record list, operator, first page (API, 50 rows)", 50, lambda: get("/api/v1/passages?limit=50", operator))
cursor = None
for _ in range(40):
    page = json.loads(get("/api/v1/passages?limit=50" + ("&cursor=" + cursor if cursor else ""), operator)[0])
    cursor = page["nextCursor"]
timed("record list, operator, page 41 (API, by cursor)", 50, lambda: get("/api/v1/passages?limit=50&cursor=" + cursor, operator))
opener = web_session("gen-op-1")
timed("record list, operator, web page /records", 50, lambda: get("/records", opener=opener))
timed("record list, district office over every community (API, 50 rows)", 50, lambda: get("/api/v1/passages?limit=50", office))

# The busy day: yesterday and today in China time hold the last 24 hours.
now = time.time() + 8 * 3600
today = time.strftime("%Y-%m-%d", time.gmtime(now))
yesterday = time.strftime("%Y-%m-%d", time.gmtime(now - 86400))
export_path = "/api/v1/exports/passages?communityId=%s&format=csv&from=%s&to=%s" % (community, yesterday, today)
body, headers = get(export_path, office)
rows = body.count(b"\n") - 1
print(f"export covers {rows} rows ({headers.get('X-Total-Rows')} counted), {len(body) / 1e6:.1f} MB", flush=True)
timed(f"register export, busy community, last 24 h ({rows} rows, CSV)", 10_000, lambda: get(export_path, office), runs=3)

def generated_id_number(n):
    """DataGenerator.idNumber(n): the generated residents' GB 11643 numbers (n = 0 lives in the busy community)."""
    import datetime
    regions = ["110101", "110105", "310104", "440106", "410101", "150102"]
    birth = datetime.date(1940, 1, 1) + datetime.timedelta(days=n // 1000 % 25_000)
    body = regions[n // 25_000_000 % len(regions)] + birth.strftime("%Y%m%d") + "%03d" % (n % 1000)
    weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    return body + "10X98765432"[sum(int(c) * w for c, w in zip(body, weights)) % 11]


# Two residents: one of an ordinary community (the second: n = residents per community) and one of the busy
# community (n = 0), whose last day at the gate holds the busy day's passages — the worst trace there is.
per_community = int(os.environ.get("GATEHOUSE_SCALE_RESIDENTS", "10000"))
for label, n in (("ordinary community", per_community), ("busy community", 0)):
    body = {"idNumber": generated_id_number(n), "days": 28, "reason": "压测核对"}
    trace = json.loads(post("/api/v1/contact-traces", body, health))
    print(f"trace ({label}) finds {len(trace['passages'])} passages of the resident and {len(trace['contacts'])} contacts", flush=True)
    timed(f"contact trace, 28 days (the longest allowed), a resident of the {label}", 500,
          lambda: post("/api/v1/contact-traces", body, health))
