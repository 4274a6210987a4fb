#!/usr/bin/env bash
# Measures the Maven plugin's incremental no-op on this repository's own providers: runs only the
# `generate` goal (no check before it, so the JVM is as cold as in a real build) N times and prints what the
# plugin reports ("checked in X ms") and the whole mvn wall time.
# Needs the plugin's integration-test repository: mvn -B -pl generator/maven-plugin -am verify
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)"
runs="${1:-5}"
itrepo="$root/generator/maven-plugin/target/it-repo"
project="$root/generator/maven-plugin/target/it/repo-providers"
if [[ ! -d "$itrepo" || ! -d "$project" ]]; then
  echo "run first: mvn -B -pl generator/maven-plugin -am verify" >&2
  exit 2
fi
settings="$(mktemp)"
trap 'rm -f "$settings"' EXIT
local_repo="${M2_REPO:-$HOME/.m2/repository}"
sed "s#@localRepositoryUrl@#file://$local_repo#g" "$root/generator/maven-plugin/src/it/settings.xml" > "$settings"
cd "$project"
for _ in $(seq "$runs"); do
  start=$(date +%s%N)
  log="$(mvn -B -o -Dstyle.color=never -s "$settings" -Dmaven.repo.local="$itrepo" provider-api:generate@generate)" \
    || { echo "$log" >&2; exit 1; }
  line="$(grep 'checked in' <<<"$log" || true)"
  echo "${line#*\] } | mvn wall $(( ($(date +%s%N) - start) / 1000000 )) ms"
done
