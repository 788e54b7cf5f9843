-- wrk script: POST /api/v1/passages with a household pass token (as scanned from its QR), in and out in turn, and a
-- fresh clientRequestId per request; tokens rotate through GATEHOUSE_TOKENS_FILE. Counts the 2xx answers into GATEHOUSE_ACKS_FILE (one
-- line per thread) so that a crash test can compare them with the rows stored.
-- Environment: GATEHOUSE_TOKEN (operator bearer token), GATEHOUSE_CHECKPOINT, GATEHOUSE_TOKENS_FILE, GATEHOUSE_ACKS_FILE.
local token = os.getenv("GATEHOUSE_TOKEN")
local checkpoint = os.getenv("GATEHOUSE_CHECKPOINT")
local acks_file = os.getenv("GATEHOUSE_ACKS_FILE")
local passes = {}
for line in io.lines(os.getenv("GATEHOUSE_TOKENS_FILE")) do
  if #line > 0 then passes[#passes + 1] = line end
end
local counter = 0
acked = 0 -- a global, so that done() can read it from each thread
local threads = {}

function setup(thread)
  thread:set("tag", #threads + 1)
  threads[#threads + 1] = thread
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
  local pass = passes[(counter % #passes) + 1]
  local direction = (counter % 2 == 0) and "in" or "out"
  local body = string.format('{"checkpointId":"%s","direction":"%s","passCode":"%s","temperature":%s,"mask":true,"clientRequestId":"%s"}',
    checkpoint, direction, pass, temps[math.random(1, #temps)], uuid())
  return wrk.format("POST", "/api/v1/passages", {
    ["Content-Type"] = "application/json",
    ["Authorization"] = "Bearer " .. token,
  }, body)
end

function response(status, headers, body)
  if status >= 200 and status < 300 then acked = acked + 1 end
end

function done(summary, latency, requests)
  local total = 0
  for _, thread in ipairs(threads) do total = total + (thread:get("acked") or 0) end
  if acks_file then
    local f = io.open(acks_file, "w")
    f:write(tostring(total) .. "\n")
    f:close()
  end
  io.write(string.format("passages: %.0f req/s, p50 %.2f ms, p99 %.2f ms, 2xx %d, errors %d\n",
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(99) / 1000, total,
    summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
