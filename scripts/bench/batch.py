#!/usr/bin/env python3
"""The offline gate's batch route under load: (1) one gate's outbox sent as 500-passage batches, back to back from
two connections — the ingest rate; (2) a burst: 20 gates, each with its own operator, reconnecting at once with 500
queued passages each — the time until every one is answered. Every item is a pass passage taken offline (takenAt in
the last hours) with the gate's decision.
Usage: batch.py BASE_URL TOKENS_FILE GUARD_TOKEN CHECKPOINT BATCHES"""
import json
import random
import sys
import threading
import time
import urllib.request
import uuid
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime, timedelta, timezone

base, tokens_file, guard, checkpoint, batches = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4], int(sys.argv[5])
passes = [line.strip() for line in open(tokens_file) if line.strip()]
SIZE = 500


def call(method, path, token=None, body=None):
    headers = {"Content-Type": "application/json"}
    if token:
        headers["Authorization"] = "Bearer " + token
    data = body if isinstance(body, bytes) or body is None else json.dumps(body).encode()
    with urllib.request.urlopen(urllib.request.Request(base + path, data=data, method=method, headers=headers), timeout=120) as r:
        return json.load(r)


def body(gate, start):
    """500 passages taken offline one second apart, the last one `start` ago."""
    items = []
    for i in range(SIZE):
        taken = datetime.now(timezone.utc) - start - timedelta(seconds=SIZE - i)
        items.append({"checkpointId": gate, "direction": "in", "temperature": 36.5, "mask": True, "passCode": random.choice(passes),
                      "clientRequestId": str(uuid.uuid4()), "takenAt": taken.strftime("%Y-%m-%dT%H:%M:%SZ"), "offlineDecision": "allow"})
    return json.dumps({"passages": items}).encode()


def send(token, payload):
    answer = call("POST", "/api/v1/passages/batch", token, payload)
    refused = [r for r in answer["results"] if "error" in r]
    if refused:
        sys.exit(f"refused: {refused[:3]}")
    return len(answer["results"])


# (1) The ingest rate: one gate, batches back to back on two connections.
bodies = [body(checkpoint, timedelta(hours=2, seconds=SIZE * n)) for n in range(batches)]
send(guard, body(checkpoint, timedelta(hours=30)))  # warm-up, not measured
began = time.perf_counter()
with ThreadPoolExecutor(2) as pool:
    stored = sum(pool.map(lambda b: send(guard, b), bodies))
elapsed = time.perf_counter() - began
print(f"ingest: {stored} passages in {batches} batches of {SIZE} in {elapsed:.2f} s = {stored / elapsed:.0f} passages/s")

# (2) The burst: 20 gates of the community, each with its own operator, all reconnecting at once.
admin = call("POST", "/api/v1/auth/token", body={"username": "demo-admin1", "password": "gatehouse-demo"})["token"]
community = call("GET", "/api/v1/me", admin)["communityId"]
gates = []
for n in range(20):
    gate = call("POST", f"/api/v1/communities/{community}/checkpoints", admin, {"name": f"压测卡点{chr(0x4E00 + n)}", "isOpen": True})
    username = f"burst.gate{n:02d}"
    call("POST", "/api/v1/operators/register", body={
        "enrolmentCode": gate["enrolmentCode"], "userCode": f"YC{n:02d}", "name": "压测值守" + "甲乙丙丁戊己庚辛壬癸"[n % 10],
        "phone": "13900000099", "unitName": "压测", "username": username, "password": "gatehouse-demo"})
    token = call("POST", "/api/v1/auth/token", body={"username": username, "password": "gatehouse-demo"})["token"]
    gates.append((token, body(gate["id"], timedelta(hours=12))))
go = threading.Barrier(len(gates))


def reconnect(gate):
    go.wait()
    return send(*gate)


began = time.perf_counter()
with ThreadPoolExecutor(len(gates)) as pool:
    stored = sum(pool.map(reconnect, gates))
print(f"burst: {len(gates)} gates x {SIZE} = {stored} passages stored in {time.perf_counter() - began:.2f} s")
