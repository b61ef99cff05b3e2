#!/usr/bin/env bash
# The benchmarks behind docs/benchmarks.md, one JSON line per run, on a throwaway PostgreSQL 15
# (durable: fsync on):
# - engine: both shared processes on the in-memory store, SQLite and PostgreSQL;
# - timers (issue #4): N pending timers on PostgreSQL fired by two node processes, a throughput
#   and a lateness scenario per N.
#   scripts/bench.sh [INSTANCES...]      default: 2000 20000 200000 for memory, 5000 for databases
#   SUITES="engine timers audit"         which suites to run (default all three)
#   TIMER_PENDING="100000 1000000"       pending timers per timer run
# - cockpit (issue #10, opt-in: SUITES=cockpit): COCKPIT_DEVICES (default 1750000) seeded, the full
#   risk recompute cold and steady, incremental recomputes and cockpit loads per region level.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=scripts/test.sh
source "${ROOT}/scripts/test.sh"

SHARED="$(cd "${ROOT}/../shared/bench" && pwd)"
MEMORY_SIZES=("${@:-2000 20000 200000}")
read -r -a MEMORY_SIZES <<<"${MEMORY_SIZES[*]}"
DB_INSTANCES="${DB_INSTANCES:-5000}"
SUITES="${SUITES:-engine timers audit}"
read -r -a TIMER_PENDING <<<"${TIMER_PENDING:-100000 1000000}"

trap stop_all EXIT
ensure_postgres
WORK_DIR="$(mktemp -d -t approvalhub-bench.XXXXXX)"
PG_DURABLE=1 start_postgres

dotnet build "${ROOT}/bench/ApprovalHub.Bench" -c Release -v q -nologo >/dev/null
BENCH=(dotnet "${ROOT}/bench/ApprovalHub.Bench/bin/Release/net10.0/ApprovalHub.Bench.dll")

if [[ " ${SUITES} " == *" engine "* ]]; then
  for process in straight approval; do
    for n in "${MEMORY_SIZES[@]}"; do
      "${BENCH[@]}" engine --process "${SHARED}/${process}.bpmn" --instances "${n}" --store memory --concurrency 2
    done
    "${BENCH[@]}" engine --process "${SHARED}/${process}.bpmn" --instances "${DB_INSTANCES}" --store sqlite --concurrency 2
    "${BENCH[@]}" engine --process "${SHARED}/${process}.bpmn" --instances "${DB_INSTANCES}" --store postgres --concurrency 8 \
      --pg "${APPROVALHUB_TEST_POSTGRES}"
  done
fi

# Timers: a backlog of min(N, 100,000) due at once (throughput), then 1,000 due per second for
# 10 s of warm-up + 60 s (lateness), each scenario on a fresh database with N pending timers.
if [[ " ${SUITES} " == *" timers "* ]]; then
  for n in "${TIMER_PENDING[@]}"; do
    "${BENCH[@]}" timers --pending "${n}" --nodes 2 --due-rate 1000 --window 60 --pg "${APPROVALHUB_TEST_POSTGRES}"
  done
fi

# The audit trail (issue #6): appends are serialised to keep the hash chain linear; concurrent
# writers share a commit (group commit). One line per store and writer count.
if [[ " ${SUITES} " == *" audit "* ]]; then
  for writers in 1 8 32; do
    "${BENCH[@]}" audit --appends "${AUDIT_APPENDS:-3000}" --store sqlite --writers "${writers}"
    "${BENCH[@]}" audit --appends "${AUDIT_APPENDS:-3000}" --store postgres --writers "${writers}" --pg "${APPROVALHUB_TEST_POSTGRES}"
  done
fi

# The control centre (issue #10): the registry seeded at Zhejiang scale, then the full risk recompute
# (cold, then the next night's), single-device recomputes and cockpit loads per region level.
if [[ " ${SUITES} " == *" cockpit "* ]]; then
  "${BENCH[@]}" cockpit --devices "${COCKPIT_DEVICES:-1750000}" --loads 100 --changes 100 --pg "${APPROVALHUB_TEST_POSTGRES}"
fi
