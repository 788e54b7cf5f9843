# Shared by scripts/bench/run and scripts/bench/crash: builds the release server, starts it on a fresh SQLite data
# folder (or the empty PostgreSQL database in DATABASE_URL), and prepares household pass tokens for the load.
# Sets: bin, data, base, server (pid), GATEHOUSE_TOKEN, GATEHOUSE_CHECKPOINT, GATEHOUSE_TOKENS_FILE.
command -v wrk >/dev/null || { echo "wrk is needed: apt-get install wrk"; exit 1; }
# GATEHOUSE_BENCH_BIN runs an already built server binary instead of building one.
if [ -n "${GATEHOUSE_BENCH_BIN:-}" ]; then
  bin=$GATEHOUSE_BENCH_BIN
else
  swift build -c release --product gatehouse >&2
  bin=.build/release/gatehouse
fi
# Pages a build has just written go to disk first: their write-back stalled the first run's own syncs.
sync
data=$(mktemp -d)
port=${GATEHOUSE_BENCH_PORT:-18080}
export GATEHOUSE_DATA_DIR=$data GATEHOUSE_PORT=$port GATEHOUSE_BCRYPT_COST=8
base="http://127.0.0.1:$port"
if [ -n "${DATABASE_URL:-}" ]; then
  $bin migrate --yes >/dev/null
  database=postgres
else
  database="sqlite (WAL, synchronous=FULL, group commit)"
fi
$bin demo >/dev/null

start_server() {
  $bin serve --env production >>"$data/server.log" 2>&1 &
  server=$!
  for _ in $(seq 1 100); do curl -fs "$base/healthz" >/dev/null && return 0; sleep 0.2; done
  echo "the server did not start:"; tail -n 20 "$data/server.log"; exit 1
}

stored_passages() {
  if [ -n "${DATABASE_URL:-}" ]; then
    psql "$DATABASE_URL" -tA -c 'SELECT COUNT(*) FROM passages'
  else
    python3 -c 'import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute("SELECT COUNT(*) FROM passages").fetchone()[0])' "$data/gatehouse.sqlite"
  fi
}

start_server
trap 'kill -9 $server 2>/dev/null; rm -rf "$data"' EXIT
GATEHOUSE_TOKEN=$(curl -fs -X POST "$base/api/v1/auth/token" -H 'Content-Type: application/json' \
  -d '{"username":"demo-guard1","password":"gatehouse-demo"}' | python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])')
GATEHOUSE_CHECKPOINT=$(curl -fs "$base/api/v1/me" -H "Authorization: Bearer $GATEHOUSE_TOKEN" | python3 -c 'import json,sys; print(json.load(sys.stdin)["checkpointId"])')
GATEHOUSE_TOKENS_FILE=$data/pass-tokens.txt
python3 scripts/bench/setup_passes.py "$base" "${GATEHOUSE_BENCH_HOUSEHOLDS:-400}" "$GATEHOUSE_TOKENS_FILE" >&2
export GATEHOUSE_TOKEN GATEHOUSE_CHECKPOINT GATEHOUSE_TOKENS_FILE
