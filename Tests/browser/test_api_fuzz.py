"""schemathesis fuzzes every operation of the served OpenAPI document, signed in as a community admin, against a
server of its own (its requests change data): no answer may be a server error or break the documented schema."""
import json
import os
import subprocess
import sys
import urllib.request

from conftest import start_server, stop_server


def test_the_api_survives_schemathesis_without_5xx_or_schema_breaks():
    base, proc, data = start_server(prefix="gatehouse-fuzz-")
    try:
        request = urllib.request.Request(base + "/api/v1/auth/token", method="POST",
                                         data=json.dumps({"username": "demo-admin1", "password": "gatehouse-demo"}).encode(),
                                         headers={"Content-Type": "application/json"})
        with urllib.request.urlopen(request, timeout=10) as r:
            token = json.load(r)["token"]
        st = os.path.join(os.path.dirname(sys.executable), "st")
        report = os.path.join(data, "schemathesis")
        run = subprocess.run(
            [st, "run", base + "/api/v1/openapi.json", "--url", base,
             "--header", f"Authorization: Bearer {token}",
             "--checks", "not_a_server_error,response_schema_conformance",
             "--phases", "examples,coverage,fuzzing", "--max-examples", "6", "--seed", "20261129",
             "--workers", "2", "--request-timeout", "20", "--generation-database", "none",
             "--no-color", "--report", "junit", "--report-dir", report],
            capture_output=True, text=True, timeout=900, cwd=data)  # its caches stay in the temporary folder
        assert run.returncode == 0, run.stdout[-12000:] + run.stderr[-3000:]
        server_log = open(os.path.join(data, "server.log")).read()
        assert "Fatal error" not in server_log
    finally:
        stop_server(proc, data)
