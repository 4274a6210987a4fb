#!/usr/bin/env bash
# Runtime per-call overhead: JMH, bare JDK HttpClient vs the provider-api chain on the same loopback call.
# Prints JMH's table; the overhead is providerApiClient minus bareJdkClient.
set -euo pipefail
cd "$(dirname "$0")/.."
# One reactor run, so the runtime module resolves from the build (nothing is installed into ~/.m2).
mvn -q -B -ntp -DskipTests -pl bench -am package dependency:build-classpath -Dmdep.outputFile=target/classpath.txt
java -cp "bench/target/classes:$(cat bench/target/classpath.txt)" org.openjdk.jmh.Main "${@:-CallOverheadBenchmark}"
