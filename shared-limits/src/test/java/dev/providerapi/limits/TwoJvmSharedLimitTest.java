package dev.providerapi.limits;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.providerapi.spi.RateLimitBuckets;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two broker replicas, this JVM and a second one started with the test class path, share one account limit
 * (10 requests/s, burst 5) through PostgreSQL and through Redis. Each offers far more than the limit (4 threads
 * sending without pause); a loopback server records when every request arrives. Together they stay within the
 * limit in every interval, and both get their requests through.
 */
class TwoJvmSharedLimitTest {
  static final int PER_REPLICA = 15;

  HttpServer server;
  final List<Long> arrivals = Collections.synchronizedList(new ArrayList<>());
  final List<String> replicas = Collections.synchronizedList(new ArrayList<>());

  @BeforeEach
  void start() throws Exception {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", exchange -> {
      String replica = String.valueOf(exchange.getRequestHeaders().getFirst("X-Replica"));
      if (!replica.equals("warm-up")) {
        arrivals.add(System.nanoTime());
        replicas.add(replica);
      }
      byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    });
    server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(8));
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
  }

  @Test
  void twoJvmsShareOneLimitThroughPostgres() throws Exception {
    TestServers.assumePostgres();
    String url = TestServers.freshSchema("shared_limits_2jvm_" + ProcessHandle.current().pid());
    twoReplicas("postgres", url);
  }

  @Test
  void twoJvmsShareOneLimitThroughRedis() throws Exception {
    TestServers.assumeRedis();
    twoReplicas("redis", TestServers.REDIS_URI);
  }

  private void twoReplicas(String kind, String where) throws Exception {
    String apiKey = "key-" + UUID.randomUUID();
    long spawned = System.nanoTime();
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    // C1 only and the serial collector: this JVM lives for seconds, so start it fast.
    Process child = new ProcessBuilder(java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp",
        System.getProperty("java.class.path"),
        SharedLimitWorker.class.getName(), kind, where, baseUrl(), apiKey, String.valueOf(PER_REPLICA), "4")
        .redirectErrorStream(true).start();
    try {
      BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
      List<String> childLines = Collections.synchronizedList(new ArrayList<>());
      String line;
      while ((line = out.readLine()) != null && !line.equals("READY")) {
        childLines.add(line);
      }
      assertThat(line).as("the second JVM started: %s", childLines).isEqualTo("READY");
      System.out.printf("%s: the second JVM was ready after %d ms%n", kind, (System.nanoTime() - spawned) / 1_000_000);
      CompletableFuture<Void> reader = CompletableFuture.runAsync(() -> {
        try {
          for (String l; (l = out.readLine()) != null; ) {
            childLines.add(l);
          }
        } catch (java.io.IOException e) {
          childLines.add("read failed: " + e);
        }
      });
      List<Long> sent = Collections.synchronizedList(new ArrayList<>());
      RateLimitBuckets shared = SharedLimitWorker.store(kind, where);
      RateLimitBuckets store = SharedLimitWorker.recording(shared, sent);
      SharedLimitWorker.warmUp(store, baseUrl(), apiKey);
      sent.clear();
      PrintWriter go = new PrintWriter(child.getOutputStream(), true, StandardCharsets.UTF_8);
      long t0 = System.nanoTime();
      go.println("GO");
      int mine = SharedLimitWorker.run(store, baseUrl(), apiKey, PER_REPLICA, 4, "parent");
      assertThat(child.waitFor(60, TimeUnit.SECONDS)).as("the second JVM finished").isTrue();
      reader.get(10, TimeUnit.SECONDS);
      double seconds = (System.nanoTime() - t0) / 1e9;
      assertThat(child.exitValue()).as("second JVM: %s", childLines).isZero();
      assertThat(childLines).as("second JVM's failures").noneMatch(l -> l.startsWith("FAILED"));
      assertThat(childLines).contains("OK " + PER_REPLICA);
      assertThat(mine).isEqualTo(PER_REPLICA);

      List<Long> times = new ArrayList<>(arrivals);
      Collections.sort(times);
      assertThat(times).hasSize(2 * PER_REPLICA);
      assertThat(replicas).contains("parent", "child");
      List<Long> sends = new ArrayList<>();
      sent.forEach(micros -> sends.add(micros * 1_000));
      childLines.stream().filter(l -> l.startsWith("SENT ")).forEach(l -> sends.add(Long.parseLong(l.substring(5)) * 1_000));
      Collections.sort(sends);
      assertThat(sends).hasSize(2 * PER_REPLICA);
      // In any interval of length d the account allows burst + rate * d requests. When the two JVMs were granted
      // their tokens: 50 ms of slack (the store's answer on its way back, on a loaded 2-core machine). When they arrived: 250 ms and one
      // request (loopback, but on a loaded 2-core machine). Two un-shared buckets would let all 30 go in about
      // 1 s, 11 more than allowed.
      SharedLimitWorker.withinLimit(SharedLimitWorker.LIMIT, "granted", sends, 50_000_000L, 0);
      SharedLimitWorker.withinLimit(SharedLimitWorker.LIMIT, "arrived", times, 250_000_000L, 1);
      // 30 requests at 10/s after a burst of 5 take about 2.5 s; both replicas waited, neither was starved.
      double achieved = (sends.size() - SharedLimitWorker.LIMIT.burst())
          / ((sends.get(sends.size() - 1) - sends.get(0)) / 1e9);
      System.out.printf("%s: %d requests from 2 JVMs in %.2f s; tokens granted at %.1f/s after the burst (limit %d/s)%n",
          kind, times.size(), seconds, achieved, SharedLimitWorker.LIMIT.limit());
      assertThat(seconds).as("paced, not frozen").isLessThan(20);
      if (shared instanceof AutoCloseable c) {
        c.close();
      }
    } finally {
      child.destroyForcibly();
    }
  }
}
