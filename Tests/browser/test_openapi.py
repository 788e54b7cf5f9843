"""The served OpenAPI document is a valid OpenAPI 3.1 description."""
import json
import urllib.error
import urllib.request

from openapi_spec_validator import validate


def test_openapi_document_is_valid(server):
    with urllib.request.urlopen(server + "/api/v1/openapi.json") as response:
        document = json.load(response)
    validate(document)
    assert "/api/v1/auth/token" in document["paths"]


def _post(url, body, headers):
    request = urllib.request.Request(url, method="POST", data=body, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


def test_oversized_bodies_are_refused_before_they_are_read(server):
    status, body = _post(server + "/api/v1/auth/token", b'{"username":"' + b"x" * 200_000 + b'"}',
                         {"Content-Type": "application/json"})
    assert status == 413
    assert json.loads(body)["error"]["code"]
