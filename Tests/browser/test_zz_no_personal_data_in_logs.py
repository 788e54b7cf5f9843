"""Runs last: after every browser scenario above, the server's log holds none of the ID numbers, phone numbers and
names they typed or the demo data holds — only methods, paths with ids, statuses and request ids."""
import glob
import os
import re

import conftest

HERE = os.path.dirname(__file__)
DEMO = os.path.join(HERE, "..", "..", "Sources", "GatehouseServer", "App", "Commands", "DemoData.swift")
NAMES = ["王建华", "王小明", "刘芳", "陈静", "周租客", "冯房东", "韩发热", "石进门", "王昌", "魏导出", "欧阳修"]


def personal_data():
    texts = [open(p, encoding="utf-8").read() for p in glob.glob(os.path.join(HERE, "test_*.py")) + [DEMO]]
    ids, phones = set(), set()
    for text in texts:
        ids |= set(re.findall(r"(?<![0-9])[0-9]{17}[0-9X](?![0-9])", text))
        phones |= set(re.findall(r"(?<![0-9])1[3-9][0-9]{9}(?![0-9])", text))
    return ids, phones


def test_the_server_log_holds_no_personal_data(server):
    assert conftest.SERVER_LOG and os.path.exists(conftest.SERVER_LOG)
    log = open(conftest.SERVER_LOG, encoding="utf-8", errors="replace").read()
    assert log.strip(), "the server wrote a log"
    ids, phones = personal_data()
    assert len(ids) > 10 and len(phones) > 5, "the scenarios' data was found"
    leaks = [v for v in sorted(ids | phones) + NAMES if v in log]
    assert leaks == [], f"personal data in the server log: {leaks}"
