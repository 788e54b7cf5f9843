-- wrk script: GET /healthz, reported in the same format as passages.lua.
function done(summary, latency, requests)
  io.write(string.format("healthz: %.0f req/s, p50 %.2f ms, p99 %.2f ms, errors %d\n",
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
