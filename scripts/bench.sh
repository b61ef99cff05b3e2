#!/usr/bin/env bash
# The engine benchmark matrix behind docs/benchmarks.md: both shared processes on the in-memory
# store, SQLite and a throwaway PostgreSQL 15 (durable: fsync on), one JSON line per run.
#   scripts/bench.sh [INSTANCES...]      default: 2000 20000 200000 for memory, 5000 for databases
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=scripts/test.sh
source "${ROOT}/scripts/test.sh"

SHARED="$(cd "${ROOT}/../shared/bench" && pwd)"
MEMORY_SIZES=("${@:-2000 20000 200000}")
read -r -a MEMORY_SIZES <<<"${MEMORY_SIZES[*]}"
DB_INSTANCES="${DB_INSTANCES:-5000}"

trap stop_all EXIT
ensure_postgres
WORK_DIR="$(mktemp -d -t approvalhub-bench.XXXXXX)"
PG_DURABLE=1 start_postgres

dotnet build "${ROOT}/bench/ApprovalHub.Bench" -c Release -v q -nologo >/dev/null
BENCH=(dotnet "${ROOT}/bench/ApprovalHub.Bench/bin/Release/net10.0/ApprovalHub.Bench.dll" engine)

for process in straight approval; do
  for n in "${MEMORY_SIZES[@]}"; do
    "${BENCH[@]}" --process "${SHARED}/${process}.bpmn" --instances "${n}" --store memory --concurrency 2
  done
  "${BENCH[@]}" --process "${SHARED}/${process}.bpmn" --instances "${DB_INSTANCES}" --store sqlite --concurrency 2
  "${BENCH[@]}" --process "${SHARED}/${process}.bpmn" --instances "${DB_INSTANCES}" --store postgres --concurrency 8 \
    --pg "${APPROVALHUB_TEST_POSTGRES}"
done

# The audit trail (issue #6): appends are serialised to keep the hash chain linear; concurrent
# writers share a commit (group commit). One line per store and writer count.
BENCH_AUDIT=(dotnet "${ROOT}/bench/ApprovalHub.Bench/bin/Release/net10.0/ApprovalHub.Bench.dll" audit --appends "${AUDIT_APPENDS:-3000}")
for writers in 1 8 32; do
  "${BENCH_AUDIT[@]}" --store sqlite --writers "${writers}"
  "${BENCH_AUDIT[@]}" --store postgres --writers "${writers}" --pg "${APPROVALHUB_TEST_POSTGRES}"
done
