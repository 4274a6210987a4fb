#!/usr/bin/env bash
# Real-spec harness: runs `provider-api generate --spec` over every spec under one or more folders (default:
# ../shared/corpus and ../shared/reference), compiles each output together with its generated tests, runs those
# tests (JUnit Platform launcher, against MockWebServer), and prints per spec: the result, generation, compile and
# test wall time, size, test counts; then the counts and the time per MB of the largest specs.
#   ok            generated; javac compiled client, adapter skeleton and generated tests; every generated test passed
#   refused       exit 2 with a one-line reason (printed; judge it)
#   no-compile    generated, but the output does not compile (first error printed)
#   tests-failed  compiled, but a generated test failed (first failure printed; the output is kept)
#   failed        anything else: exit 3 or a crash of the generator
# A spec is a file whose top level says `openapi:`/`swagger:` (JSON or YAML), a CustomResourceDefinition, or a
# .graphql/.graphqls SDL; files a multi-file spec $refs are not specs of their own. Explicit files may be given.
# Usage: bench/run-corpus.sh [folder-or-spec ...]     (KEEP=1 keeps the outputs under bench/target/corpus)
set -uo pipefail
cd "$(dirname "$0")/.."
root=$PWD
args=("$@")
if [ ${#args[@]} -eq 0 ]; then
  args=(../shared/corpus ../shared/reference)
fi
out_root=$root/bench/target/corpus
rm -rf "$out_root"
mkdir -p "$out_root"

./provider-api --version >/dev/null || { echo "run-corpus: the CLI does not build" >&2; exit 3; }
jar=$root/generator/cli/target/provider-api.jar

# Classpath for compiling generated code: runtime + testing (built in place, never installed) and their deps.
# One reactor run: testing's classpath can then name runtime's jar, which no local repository holds.
if ! mvn -o -q -B -ntp -Dstyle.color=never -DskipTests -pl runtime,testing -am package \
        org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath -Dmdep.includeScope=test \
        -Dmdep.outputFile=target/corpus-classpath.txt >"$out_root/build.log" 2>&1; then
  echo "run-corpus: cannot build runtime/testing (see $out_root/build.log)" >&2
  exit 3
fi
classpath=$root/runtime/target/classes:$root/testing/target/classes:$(cat runtime/target/corpus-classpath.txt):$(cat testing/target/corpus-classpath.txt)

# The JUnit Platform launcher of the same release as the engine the testing module brings (not one of its deps).
engine=$(tr ':' '\n' <<<"$classpath" | grep -m1 '/junit-platform-engine-[0-9.]*\.jar$')
platform=$(basename "$engine" .jar | sed 's/^junit-platform-engine-//')
launcher=${engine%/junit-platform-engine/*}/junit-platform-launcher/$platform/junit-platform-launcher-$platform.jar
if [ ! -f "$launcher" ]; then
  echo "run-corpus: $launcher is missing; fetch it once: mvn dependency:get -Dartifact=org.junit.platform:junit-platform-launcher:$platform" >&2
  exit 3
fi
classpath=$classpath:$launcher
mkdir -p "$out_root/runner"
javac -nowarn -d "$out_root/runner" -cp "$classpath" bench/corpus/RunGeneratedTests.java >"$out_root/runner.log" 2>&1 \
  || { echo "run-corpus: the test runner does not compile (see $out_root/runner.log)" >&2; exit 3; }

is_spec() {  # is $1 the root of a spec?
  case "$1" in
    *.graphql|*.graphqls) return 0 ;;
    *.json) head -c 4000 "$1" | grep -qE '^[{ ]*"(openapi|swagger)" *:|"kind" *: *"CustomResourceDefinition"' ;;
    *.yaml|*.yml) grep -qE '^(openapi|swagger):|^kind: *CustomResourceDefinition' "$1" ;;
    *) return 1 ;;
  esac
}

specs=()
for a in "${args[@]}"; do
  if [ -f "$a" ]; then
    specs+=("$a")
  else
    while IFS= read -r f; do
      is_spec "$f" && specs+=("$f")
    done < <(find "$a" -type f | sort)
  fi
done

now_ms() { echo $(( $(date +%s%N) / 1000000 )); }
size_of() {  # bytes of a spec and the files beside it that it may $ref (a multi-file spec: its whole folder)
  local dir
  dir=$(dirname "$1")
  if [ "$(find "$dir" -type f | wc -l)" -gt 20 ]; then du -sb "$dir" | cut -f1; else stat -c %s "$1"; fi
}

ok=0 refused=0 nocompile=0 testsfailed=0 failed=0 n=0
results=$out_root/results.tsv
: >"$results"
printf '%-12s %8s %8s %8s %10s %6s  %s\n' result gen_ms javac_ms test_ms bytes tests spec
for spec in "${specs[@]}"; do
  n=$((n + 1))
  out=$out_root/$n
  name=$(basename "$spec" | sed -E 's/\.[a-z]+$//' | tr 'A-Z' 'a-z' | sed -E 's/[^a-z0-9]+/-/g; s/^[^a-z]+//; s/-+$//')
  [ -z "$name" ] && name=spec
  t0=$(now_ms)
  java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -jar "$jar" generate --spec "$spec" --out "$out" \
      >"$out.gen.log" 2>&1
  rc=$?
  t1=$(now_ms)
  gen_ms=$((t1 - t0))
  javac_ms=-
  test_ms=-
  tests=-
  reason=
  if [ $rc -eq 0 ]; then
    find "$out/src" -name '*.java' >"$out.sources"
    t2=$(now_ms)
    if javac -nowarn -proc:none -encoding UTF-8 -d "$out/classes" -cp "$classpath" @"$out.sources" \
        >"$out.javac.log" 2>&1; then
      javac_ms=$(( $(now_ms) - t2 ))
      t3=$(now_ms)
      timeout 600 java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -cp "$out/classes:$out_root/runner:$classpath" \
          RunGeneratedTests "$out/classes" >"$out.tests.log" 2>&1
      trc=$?
      test_ms=$(( $(now_ms) - t3 ))
      counts=$(grep -m1 '^tests=' "$out.tests.log")
      tests=$(sed -E 's/^tests=([0-9]+) passed=([0-9]+).*/\2\/\1/' <<<"$counts")
      if [ $trc -eq 0 ]; then
        result=ok; ok=$((ok + 1))
      else
        result=tests-failed; testsfailed=$((testsfailed + 1))
        reason="${counts:-no test summary (exit $trc)}: $(grep -m1 -E '=> ' "$out.tests.log" | sed 's/^ *=> //')"
      fi
    else
      javac_ms=$(( $(now_ms) - t2 ))
      result=no-compile; nocompile=$((nocompile + 1))
      reason="does not compile: $(grep -m1 -E 'error:' "$out.javac.log") ($(grep -cE ' error:' "$out.javac.log") errors)"
    fi
  elif [ $rc -eq 2 ]; then
    result=refused; refused=$((refused + 1))
    reason=$(grep -v '^\s*$' "$out.gen.log" | head -n 1)
  else
    result=failed; failed=$((failed + 1))
    reason="exit $rc: $(grep -v '^\s*$' "$out.gen.log" | head -n 1)"
  fi
  bytes=$(size_of "$spec")
  printf '%-12s %8s %8s %8s %10s %6s  %s\n' "$result" "$gen_ms" "$javac_ms" "$test_ms" "$bytes" "$tests" "$spec"
  [ -n "$reason" ] && printf '         %s\n' "${reason:0:300}"
  grep -i '^warning' "$out.gen.log" | head -n 3 | sed 's/^/         /'
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$result" "$gen_ms" "$javac_ms" "$bytes" "$spec" "$test_ms" "$tests" \
    >>"$results"
  case "$result" in ok|refused) [ "${KEEP:-0}" = 1 ] || rm -rf "$out" ;; esac
done

echo
echo "$n specs: $ok ok, $refused refused, $nocompile failed to compile, $testsfailed with failing tests, $failed failed"
echo "largest (generation wall time per MB, JVM start included; generated tests' wall time):"
sort -t$'\t' -k4,4nr "$results" | head -n 3 | while IFS=$'\t' read -r result gen_ms _ bytes spec test_ms tests; do
  awk -v ms="$gen_ms" -v b="$bytes" -v s="$spec" -v r="$result" -v t="$test_ms" -v n="$tests" \
    'BEGIN { printf "  %-60s %6.2f MB %6d ms  %6.0f ms/MB  tests %s ms (%s)  (%s)\n", s, b / 1048576, ms,
             ms / (b / 1048576), t, n, r }'
done
[ $((failed + nocompile + testsfailed)) -eq 0 ]
