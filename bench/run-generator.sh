#!/usr/bin/env bash
# Generator cost: cold wall time of `./provider-api <provider>` (a fresh JVM each run) and the lines it
# emits, next to OpenAPI Generator's `java` generator on the same spec (fetched from Maven Central).
# Usage: bench/run-generator.sh [provider] [runs]
set -euo pipefail
cd "$(dirname "$0")/.."
provider=${1:-lambda}
runs=${2:-5}
oag_version=7.10.0

./provider-api "$provider" >/dev/null   # builds the jar on first use; not timed

time_runs() {   # prints the median wall time in ms of "$@" over $runs runs
  local times=()
  for _ in $(seq "$runs"); do
    local t0 t1
    t0=$(date +%s%N); "$@" >/dev/null 2>&1; t1=$(date +%s%N)
    times+=($(( (t1 - t0) / 1000000 )))
  done
  printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'
}

lines_in() { find "$@" -name '*.java' -print0 | xargs -0 cat | wc -l; }

jvm_ms=$(time_runs java -Xshare:auto -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -version)
start_ms=$(time_runs ./provider-api --version)
ours_ms=$(time_runs ./provider-api "$provider")
ours_lines=$(lines_in "providers/$provider/src/generated" "providers/$provider/src/generated-test")
echo "JVM start (java -version):               ${jvm_ms} ms"
echo "./provider-api --version (launcher + CLI start, no generation): ${start_ms} ms"
echo "./provider-api $provider (median of $runs):   ${ours_ms} ms, ${ours_lines} generated lines (client, models, adapter base, tests)"

oag_jar=$HOME/.m2/repository/org/openapitools/openapi-generator-cli/$oag_version/openapi-generator-cli-$oag_version.jar
if [ ! -f "$oag_jar" ]; then
  mvn -q -B -ntp dependency:get -Dartifact=org.openapitools:openapi-generator-cli:$oag_version >/dev/null 2>&1 || true
fi
if [ -f "$oag_jar" ]; then
  out=$(mktemp -d)
  spec=$(ls specs/"$provider"/openapi.* | head -n 1)
  oag_ms=$(time_runs java -jar "$oag_jar" generate -g java -i "$spec" -o "$out" --skip-validate-spec)
  oag_lines=$(lines_in "$out")
  echo "OpenAPI Generator $oag_version java (median of $runs): ${oag_ms} ms, ${oag_lines} generated lines"
  rm -rf "$out"
else
  echo "OpenAPI Generator jar not available (no Maven Central?): comparison skipped"
fi
