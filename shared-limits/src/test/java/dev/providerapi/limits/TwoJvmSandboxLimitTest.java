package dev.providerapi.limits;

import static org.assertj.core.api.Assertions.assertThat;

import dev.providerapi.descriptor.RateLimitWindow;
import dev.providerapi.paperspace.PaperspaceProviderBase;
import dev.providerapi.sandbox.FakeProvider;
import dev.providerapi.sandbox.Sandbox;
import dev.providerapi.spi.RateLimitBuckets;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Issue 12's replica test on a real fake: two JVMs (this one and a child on the test class path) run the
 * Paperspace adapter against one Paperspace sandbox fake that enforces Paperspace's declared account limit
 * (provider.yaml: 5 requests/s, burst 5) with 429s, and share that limit through PostgreSQL. Together they offer
 * 10x the limit (25 calls/s each for 8 s, each call bounded by a 1 s deadline, so a broker under overload sheds
 * what it cannot send in time). The fake answers no 429, the tokens granted stay within the declared limit in
 * every interval, and the pair reaches at least 90% of the allowed rate.
 */
class TwoJvmSandboxLimitTest {
  static final int PER_JVM_PER_SECOND = 25;
  static final int SECONDS = 8;
  /**
   * The fake admits 3 requests over the burst: a request granted in time by the shared bucket can still reach
   * the server up to 600 ms late on a loaded 2-core machine (the grant-time check below has no such slack).
   */
  static final int SERVER_TOLERANCE = 3;

  @Test
  void twoJvmsOnOnePaperspaceFakeGetNo429sAtTenTimesTheLimitAndReachNinetyPercentOfIt() throws Exception {
    TestServers.assumePostgres();
    List<RateLimitWindow> declared = PaperspaceProviderBase.DESCRIPTOR.rateLimits();
    assertThat(declared).singleElement().isEqualTo(new RateLimitWindow(5, Duration.ofSeconds(1), 5));
    RateLimitWindow limit = declared.get(0);
    String url = TestServers.freshSchema("shared_limits_sandbox_" + ProcessHandle.current().pid());
    String apiKey = "key-" + UUID.randomUUID();
    try (Sandbox sandbox = Sandbox.start("paperspace")) {
      FakeProvider fake = sandbox.fake("paperspace").acceptKey(apiKey).acceptKey("warm-up-" + apiKey)
          .enforceRateLimits(declared, SERVER_TOLERANCE);
      String baseUrl = sandbox.baseUrl("paperspace");
      String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
      Process child = new ProcessBuilder(java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp",
          System.getProperty("java.class.path"), SandboxLimitWorker.class.getName(), url, baseUrl, apiKey,
          String.valueOf(PER_JVM_PER_SECOND), String.valueOf(SECONDS)).redirectErrorStream(true).start();
      try {
        BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        List<String> childLines = Collections.synchronizedList(new ArrayList<>());
        String line;
        while ((line = out.readLine()) != null && !line.equals("READY")) {
          childLines.add(line);
        }
        assertThat(line).as("the second JVM started: %s", childLines).isEqualTo("READY");
        List<Long> granted = Collections.synchronizedList(new ArrayList<>());
        RateLimitBuckets shared = SharedLimitWorker.store("postgres", url);
        RateLimitBuckets store = SharedLimitWorker.recording(shared, granted);
        SandboxLimitWorker.run(store, baseUrl, "warm-up-" + apiKey, 4, Duration.ofSeconds(1));
        granted.clear();
        int before = fake.rateLimitedAnswers();
        CompletableFuture<Void> reader = CompletableFuture.runAsync(() -> {
          try {
            for (String l; (l = out.readLine()) != null; ) {
              childLines.add(l);
            }
          } catch (java.io.IOException e) {
            childLines.add("read failed: " + e);
          }
        });
        new PrintWriter(child.getOutputStream(), true, StandardCharsets.UTF_8).println("GO");
        SandboxLimitWorker.Outcome mine =
            SandboxLimitWorker.run(store, baseUrl, apiKey, PER_JVM_PER_SECOND, Duration.ofSeconds(SECONDS));
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).as("the second JVM finished").isTrue();
        reader.get(10, TimeUnit.SECONDS);
        assertThat(child.exitValue()).as("second JVM: %s", childLines).isZero();
        String outcomeLine = childLines.stream().filter(l -> l.startsWith("OUTCOME ")).findFirst()
            .orElseThrow(() -> new AssertionError("no outcome from the second JVM: " + childLines));
        SandboxLimitWorker.Outcome theirs = SandboxLimitWorker.Outcome.parse(outcomeLine,
            childLines.stream().filter(l -> l.startsWith("FAILED ")).toList());

        assertThat(mine.failures()).as("this JVM's failures").isEmpty();
        assertThat(theirs.failures()).as("the second JVM's failures").isEmpty();
        int offered = mine.offered() + theirs.offered();
        assertThat(offered).isEqualTo(2 * PER_JVM_PER_SECOND * SECONDS); // 400 calls: 10x the 5/s limit
        assertThat(mine.sent() + mine.shed()).isEqualTo(mine.offered());
        assertThat(theirs.sent() + theirs.shed()).isEqualTo(theirs.offered());
        assertThat(mine.rateLimitedByServer() + theirs.rateLimitedByServer()).as("429s the adapters saw").isZero();
        assertThat(fake.rateLimitedAnswers() - before).as("429s the fake answered").isZero();
        assertThat(mine.sent()).as("this JVM was not starved of tokens").isPositive();
        assertThat(theirs.sent()).as("the second JVM was not starved of tokens").isPositive();

        List<Long> grants = new ArrayList<>();
        granted.forEach(micros -> grants.add(micros * 1_000));
        childLines.stream().filter(l -> l.startsWith("GRANTED ")).forEach(l -> grants.add(Long.parseLong(l.substring(8)) * 1_000));
        Collections.sort(grants);
        int sent = mine.sent() + theirs.sent();
        // Every sent call held a token. A call whose deadline passed between taking its token and sending holds one
        // too and counts as shed (a loaded machine does this), so the grants are the sent calls plus at most those.
        assertThat(grants.size()).as("tokens granted").isBetween(sent, sent + mine.shed() + theirs.shed());
        SharedLimitWorker.withinLimit(limit, "granted", grants, 50_000_000L, 0);
        // After the burst, tokens come at the refill rate; the pair should use at least 90% of them.
        double seconds = (grants.get(grants.size() - 1) - grants.get(0)) / 1e9;
        double rate = (sent - limit.burst()) / seconds;
        double allowed = limit.limit() / (limit.period().toNanos() / 1e9);
        System.out.printf("paperspace fake, 2 JVMs sharing PostgreSQL: offered %d calls at %d/s, sent %d (this JVM %d,"
            + " the other %d; %d answered after their deadline), shed %d unsent, 429s 0; tokens after the burst at"
            + " %.2f/s = %.0f%% of the declared %.0f/s%n",
            offered, 2 * PER_JVM_PER_SECOND, sent, mine.sent(), theirs.sent(), mine.late() + theirs.late(),
            mine.shed() + theirs.shed(), rate,
            100 * rate / allowed, allowed);
        assertThat(rate / allowed).as("share of the allowed rate reached").isGreaterThanOrEqualTo(0.9);
        if (shared instanceof AutoCloseable c) {
          c.close();
        }
      } finally {
        child.destroyForcibly();
      }
    }
  }
}
