-- wrk script: POST /api/v1/passages with a fresh clientRequestId per request (a registered person, typed ID).
-- Environment: GATEHOUSE_TOKEN, GATEHOUSE_CHECKPOINT, GATEHOUSE_ID_NUMBER.
local token = os.getenv("GATEHOUSE_TOKEN")
local checkpoint = os.getenv("GATEHOUSE_CHECKPOINT")
local idNumber = os.getenv("GATEHOUSE_ID_NUMBER")
local counter = 0
local thread_tag = 0

function setup(thread)
  thread_tag = thread_tag + 1
  thread:set("tag", thread_tag)
end

function init(args)
  math.randomseed(os.time() + (tag or 0) * 7919)
end

local function uuid()
  counter = counter + 1
  return string.format("%08x-%04x-4%03x-a%03x-%012x", math.random(0, 0x7fffffff), (tag or 0) % 0xffff,
    math.random(0, 0xfff), math.random(0, 0xfff), counter)
end

function request()
  local temps = {"36.2", "36.4", "36.5", "36.6", "36.8"}
  local body = string.format('{"checkpointId":"%s","direction":"in","idNumber":"%s","temperature":%s,"mask":true,"clientRequestId":"%s"}',
    checkpoint, idNumber, temps[math.random(1, #temps)], uuid())
  return wrk.format("POST", "/api/v1/passages", {
    ["Content-Type"] = "application/json",
    ["Authorization"] = "Bearer " .. token,
  }, body)
end

local statuses = {}
function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
end

function done(summary, latency, requests)
  io.write(string.format("passages: %.0f req/s, p50 %.2f ms, p99 %.2f ms, errors %d\n",
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
