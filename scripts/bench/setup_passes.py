#!/usr/bin/env python3
"""Benchmark set-up: imports N households into the demo admin's community, issues their household passes and
writes one signed pass token per line to OUTFILE (what a gate's scanner reads from a QR).
Usage: setup_passes.py BASE_URL N OUTFILE"""
import json
import sys
import urllib.error
import urllib.request

base, count, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]


def call(method, path, token=None, body=None, content_type="application/json"):
    headers = {"Content-Type": content_type}
    if token:
        headers["Authorization"] = "Bearer " + token
    data = body if isinstance(body, bytes) or body is None else json.dumps(body).encode()
    try:
        with urllib.request.urlopen(urllib.request.Request(base + path, data=data, method=method, headers=headers), timeout=120) as r:
            return json.load(r)
    except urllib.error.HTTPError as error:
        sys.exit(f"{method} {path}: {error.code} {error.read().decode()[:2000]}")


def id_number(n):
    """A valid GB 11643 number: Beijing Dongcheng, born 1970-01-01 plus n days, sequence n."""
    import datetime
    born = datetime.date(1970, 1, 1) + datetime.timedelta(days=n * 37 % 15000)
    body = "110101" + born.strftime("%Y%m%d") + "%03d" % (n % 1000)
    weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    check = "10X98765432"[sum(int(d) * w for d, w in zip(body, weights)) % 11]
    return body + check


def name(n):
    """A distinct Chinese name for each n (names may not hold digits)."""
    surnames, given = "王李张刘陈杨黄赵吴周", "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华"
    return surnames[n % 10] + given[n // 10 % 24] + given[n // 240 % 24]


admin = call("POST", "/api/v1/auth/token", body={"username": "demo-admin1", "password": "gatehouse-demo"})["token"]
community = call("GET", "/api/v1/me", admin)["communityId"]
rows = ["楼栋,单元,房号,姓名,身份证号,手机号,类别,暂住截止日期"]
for n in range(count):
    rows.append(f"{90 + n // 400},{1 + n // 100 % 4},{101 + n % 100},{name(n)},{id_number(n)},,常住,")
call("POST", f"/api/v1/communities/{community}/household-imports", admin, "\n".join(rows).encode(), "text/csv")
call("POST", f"/api/v1/communities/{community}/household-passes", admin)
households = call("GET", f"/api/v1/communities/{community}/households", admin)
tokens = [call("GET", f"/api/v1/passes/{h['householdPassId']}", admin)["token"] for h in households if h.get("householdPassId")]
with open(out, "w") as f:
    f.write("\n".join(tokens) + "\n")
print(f"{len(tokens)} pass tokens in {out}")
