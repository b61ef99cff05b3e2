#!/usr/bin/env bash
# The one test command. Starts every service the tests need on this machine (a throwaway
# PostgreSQL; Mosquitto is installed here and started per test class; Chromium joins later), runs all tests of the
# solution on SQLite and PostgreSQL, stops everything again, and ends with one line:
#   tests: N passed, N failed
# Works on a fresh Debian 12, as root (CI) or as a user who already has PostgreSQL 15 installed.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
RESULTS_DIR="${ROOT}/artifacts/test-results"
PG_VERSION=15
PG_BIN="/usr/lib/postgresql/${PG_VERSION}/bin"
PG_FIRST_PORT=55432
MOSQUITTO_BIN=/usr/sbin/mosquitto

WORK_DIR=""
PG_DATA=""
TEST_STATUS=0

export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1

log() { printf '[test.sh] %s\n' "$*" >&2; }

is_root() { [[ "$(id -u)" -eq 0 ]]; }

# Runs a command as root: directly when we are root, through sudo when it needs no password.
as_root() {
  if is_root; then
    "$@"
  elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
    sudo -n "$@"
  else
    log "needs root to run: $*"
    log "install PostgreSQL ${PG_VERSION} yourself (apt-get install postgresql-${PG_VERSION}) or run as root"
    return 1
  fi
}

# initdb and postgres refuse to run as root; as root we use the postgres account the package creates.
as_postgres() {
  if is_root; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

# The first loopback port from $1 on that nobody listens on.
free_port() {
  local port
  for ((port = $1; port < $1 + 200; port++)); do
    if ! (exec 3<>"/dev/tcp/127.0.0.1/${port}") 2>/dev/null; then
      echo "${port}"
      return 0
    fi
  done
  log "no free port between $1 and $(($1 + 199))"
  return 1
}

ensure_postgres() {
  if [[ -x "${PG_BIN}/initdb" ]]; then
    return 0
  fi
  log "installing postgresql-${PG_VERSION}"
  as_root apt-get update -qq
  # The package also starts a system cluster on 5432; it is left alone, the tests use their own.
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "postgresql-${PG_VERSION}" >/dev/null
}

# Browser tests (tests/Browser.Tests) drive Debian's Chromium through Playwright: Playwright's own
# browser download cannot work here. A CJK font is needed too, or every Chinese label in the
# screenshots is an empty box.
ensure_chromium() {
  if [[ ! -x /usr/bin/chromium ]] || ! fc-list 2>/dev/null | grep -qi "Noto Sans CJK"; then
    log "installing chromium and fonts-noto-cjk"
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-cjk >/dev/null
  fi
  export APPROVALHUB_CHROMIUM=/usr/bin/chromium
  export APPROVALHUB_SCREENSHOTS="${RESULTS_DIR}/screenshots"
}

# The e-certificate PDFs need a Chinese font with TrueType outlines (PDFsharp cannot subset the
# CFF outlines of fonts-noto-cjk); fonts are not kept in the repository.
ensure_certificate_font() {
  if [[ -f /usr/share/fonts/truetype/wqy/wqy-microhei.ttc ]]; then
    return 0
  fi
  log "installing fonts-wqy-microhei"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq fonts-wqy-microhei >/dev/null
}

# Mosquitto (Debian's package) for the MQTT tests. Each IoT test class starts its own broker on a
# free loopback port, with a password file and ACL generated from its database's device credentials
# (the reliability tests restart it); this only makes sure the binary is there and names it.
ensure_mosquitto() {
  if [[ ! -x "${MOSQUITTO_BIN}" ]]; then
    log "installing mosquitto"
    as_root apt-get update -qq
    # The package may start a system broker on 1883; it is left alone, the tests use their own.
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq mosquitto >/dev/null
  fi
  export APPROVALHUB_TEST_MOSQUITTO="${MOSQUITTO_BIN}"
  log "Mosquitto: ${MOSQUITTO_BIN} ($("${MOSQUITTO_BIN}" -h 2>&1 | head -1))"
}

start_postgres() {
  PG_DATA="${WORK_DIR}/postgres"
  local port
  port="$(free_port "${PG_FIRST_PORT}")"
  if is_root; then
    chown postgres:postgres "${WORK_DIR}"
  fi

  as_postgres "${PG_BIN}/initdb" -D "${PG_DATA}" -U postgres -A trust -E UTF8 --no-locale --no-sync >/dev/null
  # Durability is pointless for a database that is deleted in a minute, so tests turn it off;
  # benchmarks keep it on (PG_DURABLE=1) so that their figures mean what production would see.
  local durability="-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
  if [[ "${PG_DURABLE:-0}" == "1" ]]; then
    durability=""
  fi
  as_postgres "${PG_BIN}/pg_ctl" -D "${PG_DATA}" -l "${WORK_DIR}/postgres.log" -w -t 60 \
    -o "-h 127.0.0.1 -p ${port} -k ${WORK_DIR} ${durability} -c max_connections=300" \
    start >/dev/null

  export APPROVALHUB_TEST_POSTGRES="Host=127.0.0.1;Port=${port};Username=postgres;Password=postgres"
  log "PostgreSQL ${PG_VERSION} on 127.0.0.1:${port}"
}

stop_postgres() {
  if [[ -n "${PG_DATA}" && -f "${PG_DATA}/postmaster.pid" ]]; then
    as_postgres "${PG_BIN}/pg_ctl" -D "${PG_DATA}" -m immediate -w stop >/dev/null 2>&1 || true
  fi
}

# Always runs (trap on EXIT): whatever failed, no server and no temporary files are left behind.
stop_all() {
  stop_postgres
  if [[ -n "${WORK_DIR}" ]]; then
    rm -rf "${WORK_DIR}"
  fi
}

run_tests() {
  rm -rf "${RESULTS_DIR}"
  mkdir -p "${RESULTS_DIR}"
  set +e
  dotnet test "${ROOT}/ApprovalHub.sln" -c Release \
    --logger "trx;LogFilePrefix=approvalhub" --results-directory "${RESULTS_DIR}"
  TEST_STATUS=$?
  set -e
}

# Sums the <Counters/> of every TRX file and prints the closing line. Fails when nothing ran.
report() {
  local passed=0 failed=0 files=0 file counters
  for file in "${RESULTS_DIR}"/*.trx; do
    [[ -e "${file}" ]] || continue
    files=$((files + 1))
    counters="$(grep -o '<Counters [^>]*>' "${file}" || true)"
    passed=$((passed + $(counter passed "${counters}")))
    failed=$((failed + $(counter failed "${counters}") + $(counter error "${counters}") \
      + $(counter timeout "${counters}") + $(counter aborted "${counters}")))
  done
  echo "tests: ${passed} passed, ${failed} failed"
  if [[ "${files}" -eq 0 || "${passed}" -eq 0 ]]; then
    log "no test results found in ${RESULTS_DIR}"
    return 1
  fi
  [[ "${failed}" -eq 0 ]]
}

counter() {
  local value
  value="$(sed -n "s/.* $1=\"\([0-9]*\)\".*/\1/p" <<<"$2")"
  echo "${value:-0}"
}

main() {
  trap stop_all EXIT
  ensure_postgres
  ensure_chromium
  ensure_certificate_font
  ensure_mosquitto
  WORK_DIR="$(mktemp -d -t approvalhub-test.XXXXXX)"
  start_postgres
  run_tests
  local report_status=0
  report || report_status=$?
  if [[ "${TEST_STATUS}" -ne 0 ]]; then
    log "dotnet test exited with ${TEST_STATUS}"
    exit "${TEST_STATUS}"
  fi
  exit "${report_status}"
}

# Sourced by scripts/bench.sh for the PostgreSQL functions; run directly, it runs the tests.
if [[ "${BASH_SOURCE[0]}" == "$0" ]]; then
  main "$@"
fi
