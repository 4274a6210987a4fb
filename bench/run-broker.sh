#!/usr/bin/env bash
# Broker figures: fleet offers over the six sandbox fakes with injected latency (a harness: slowest provider alone,
# the sum, and the fleet's cost), then JMH on decoding a 10,000-offer Vast search response (the runtime's decoder vs
# a hand-written Jackson streaming parse). Not part of the tests. Extra arguments go to JMH.
set -euo pipefail
cd "$(dirname "$0")/.."
# One reactor run, so the modules resolve from the build (nothing is installed into ~/.m2).
mvn -q -B -ntp ${PROVIDER_API_MAVEN_ARGS:-} -DskipTests -pl bench -am package dependency:build-classpath -Dmdep.outputFile=target/classpath.txt
cp="bench/target/classes:$(cat bench/target/classpath.txt)"
java -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -Dorg.slf4j.simpleLogger.log.com.networknt=error \
  -cp "$cp" dev.providerapi.bench.FleetOffersHarness "${ROUNDS:-15}"
java -cp "$cp" org.openjdk.jmh.Main "${@:-VastDecodeBenchmark}"
