#!/usr/bin/env bash
# The one test command (README, .ci/run): installs and starts what the tests need, runs every test
# project of TeamsPlans.sln, and closes with the summed "N passed, N failed" line.
set -uo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
bash scripts/setup.sh || { echo "setup failed"; exit 1; }
export TEAMSPLANS_TEST_PG="${TEAMSPLANS_TEST_PG:-Host=127.0.0.1;Port=${TEAMSPLANS_PG_PORT:-55432};Username=postgres;Database=postgres}"
export TEAMSPLANS_TOOLS="$root/tools/node_modules"
export TEAMSAPPTESTER_BROWSER=none
export TEAMSPLANS_SEEDS="${TEAMSPLANS_SEEDS:-$root/tests/fixtures/seeds}"
mkdir -p artifacts
out=artifacts/test-output.txt
dotnet build TeamsPlans.sln -c Release -nologo -v q > artifacts/build-output.txt 2>&1
brc=$?
tail -n 20 artifacts/build-output.txt
if [ "$brc" -ne 0 ]; then echo "build failed"; echo "tests: 0 passed, 1 failed"; exit "$brc"; fi
dotnet test TeamsPlans.sln -c Release --no-build -m:1 --logger "console;verbosity=normal" --results-directory artifacts/TestResults --blame-hang-timeout 5m "$@" 2>&1 | tee "$out"
rc=${PIPESTATUS[0]}
passed=$(grep -Eo 'Passed: +[0-9]+' "$out" | awk '{s+=$2} END {print s+0}')
failed=$(grep -Eo 'Failed: +[0-9]+' "$out" | awk '{s+=$2} END {print s+0}')
skipped=$(grep -Eo 'Skipped: +[0-9]+' "$out" | awk '{s+=$2} END {print s+0}')
if [ "$rc" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi
echo "tests: $passed passed, $failed failed, $skipped skipped"
exit $rc
