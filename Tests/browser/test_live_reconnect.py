"""A screen that reconnects misses nothing: the community's live feed (the office's screens, their fever alerts)
numbers its events (`id:`); a screen whose connection was down while a fever was confirmed at one of its gates is
sent the alert when it reconnects with the id of the last event it saw (`Last-Event-ID`, as the browser's
EventSource sends it)."""
import http.client
import json
import urllib.parse
import urllib.request
import uuid

from conftest import DEMO_PASSWORD, logout, office_without_remeasure_rest


def call(server, path, token=None, body=None):
    request = urllib.request.Request(server + path, data=json.dumps(body).encode() if body is not None else None,
                                     headers={"Content-Type": "application/json", **({"Authorization": "Bearer " + token} if token else {})})
    with urllib.request.urlopen(request, timeout=10) as answer:
        return json.loads(answer.read() or b"{}")


def feed(server, path, cookie, last_event_id=None):
    """Opens the event stream as a browser does; returns the connection and its response."""
    host = urllib.parse.urlparse(server)
    connection = http.client.HTTPConnection(host.hostname, host.port, timeout=10)
    headers = {"Accept": "text/event-stream", "Cookie": cookie}
    if last_event_id:
        headers["Last-Event-ID"] = last_event_id
    connection.request("GET", path, headers=headers)
    response = connection.getresponse()
    assert response.status == 200
    return connection, response


def next_event(response):
    """Reads frames until an event with an id; returns (id, type, data)."""
    event = {}
    while True:
        line = response.readline().decode().rstrip("\n")
        if line == "":
            if "event" in event:
                return event.get("id"), event["event"], json.loads(event.get("data", "{}"))
            event = {}
            continue
        if line.startswith(":"):
            continue
        key, _, value = line.partition(": ")
        event[key] = value


def test_a_fever_alert_sent_while_the_screen_was_away_arrives_when_it_reconnects(server, browser):
    office_without_remeasure_rest(browser, server)
    community = browser.current_url.rstrip("/").split("/")[-1]
    live = f"/live/communities/{community}"
    cookie = "; ".join(f"{c['name']}={c['value']}" for c in browser.get_cookies())
    token = call(server, "/api/v1/auth/token", body={"username": "demo-guard1", "password": DEMO_PASSWORD})["token"]
    gate = call(server, "/api/v1/me", token)["checkpointId"]

    def passage(temperature, id_number):
        return call(server, "/api/v1/passages", token, {"checkpointId": gate, "direction": "in", "temperature": temperature, "mask": True,
                                                        "clientRequestId": str(uuid.uuid4()), "idNumber": id_number})

    connection, response = feed(server, live, cookie)
    passage(36.5, "419001197804120036")
    seen, kind, _ = next_event(response)
    assert kind == "passage" and seen
    connection.close()  # the phone's network drops

    # Meanwhile a fever is confirmed at this gate: the first reading, then the re-measure after the rest.
    first = passage(38.6, "419001198808080013")
    answer = call(server, f"/api/v1/passages/{first['id']}/remeasure", token, {"temperature": 38.7})
    assert answer["decision"] == "refer", answer

    connection, response = feed(server, live, cookie, last_event_id=seen)
    kinds = []
    while "alert" not in kinds:
        _, kind, data = next_event(response)
        kinds.append(kind)
        if kind == "alert":
            assert data["temperature"] >= 38.5 and "419001198808080013" not in json.dumps(data)
    assert kinds[0] == "passage", "the missed passages come first, in order"
    connection.close()
    logout(browser)
