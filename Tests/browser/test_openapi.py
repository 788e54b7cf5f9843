"""The served OpenAPI document is a valid OpenAPI 3.1 description."""
import json
import urllib.request

from openapi_spec_validator import validate


def test_openapi_document_is_valid(server):
    with urllib.request.urlopen(server + "/api/v1/openapi.json") as response:
        document = json.load(response)
    validate(document)
    assert "/api/v1/auth/token" in document["paths"]
