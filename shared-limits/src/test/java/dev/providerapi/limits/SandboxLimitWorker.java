package dev.providerapi.limits;

import dev.providerapi.ProviderConfig;
import dev.providerapi.errors.DeadlineExceededException;
import dev.providerapi.errors.RateLimitedException;
import dev.providerapi.paperspace.PaperspaceProvider;
import dev.providerapi.spi.RateLimitBuckets;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One broker replica of the two-JVM sandbox test: the Paperspace adapter on a shared store, offered
 * {@code perSecond} {@code list()} calls a second for {@code seconds}, each bounded by a 1 s deadline (a broker
 * under overload sheds what it cannot send in time). Run in-process and as a second JVM ({@link #main}).
 */
final class SandboxLimitWorker {
  /** The deadline of one offered call: one that cannot get a token within it gives up, unsent. */
  static final Duration CALL_DEADLINE = Duration.ofSeconds(1);

  private SandboxLimitWorker() {}

  /** What one replica's offered calls came to. */
  /**
   * {@code late}: sent with a token, but the answer did not come before the call's deadline (a loaded machine);
   * such a request still reached the fake and counts against the limit.
   */
  record Outcome(int offered, int ok, int late, int shed, int rateLimitedByServer, List<String> failures) {
    String line() {
      return "OUTCOME " + offered + " " + ok + " " + late + " " + shed + " " + rateLimitedByServer;
    }

    int sent() {
      return ok + late;
    }

    static Outcome parse(String line, List<String> failures) {
      String[] p = line.split(" ");
      return new Outcome(Integer.parseInt(p[1]), Integer.parseInt(p[2]), Integer.parseInt(p[3]),
          Integer.parseInt(p[4]), Integer.parseInt(p[5]), failures);
    }
  }

  static PaperspaceProvider provider(RateLimitBuckets store, String baseUrl, String apiKey) {
    return new PaperspaceProvider(ProviderConfig.builder().environment(Map.of()).baseUrl(baseUrl).apiKey(apiKey)
        .maxAttempts(1).callTimeout(CALL_DEADLINE).requestTimeout(CALL_DEADLINE).rateLimitBuckets(store).build());
  }

  /** Offers the calls at an even pace and waits for the last one to end. */
  static Outcome run(RateLimitBuckets store, String baseUrl, String apiKey, int perSecond, Duration duration)
      throws Exception {
    PaperspaceProvider provider = provider(store, baseUrl, apiKey);
    AtomicInteger ok = new AtomicInteger();
    AtomicInteger late = new AtomicInteger();
    AtomicInteger shed = new AtomicInteger();
    AtomicInteger limited = new AtomicInteger();
    List<String> failures = Collections.synchronizedList(new ArrayList<>());
    ExecutorService callers = Executors.newCachedThreadPool();
    long periodNanos = 1_000_000_000L / perSecond;
    int offered = (int) (duration.toNanos() / periodNanos);
    long t0 = System.nanoTime();
    for (int n = 0; n < offered; n++) {
      long due = t0 + n * periodNanos;
      long wait = due - System.nanoTime();
      if (wait > 0) {
        TimeUnit.NANOSECONDS.sleep(wait);
      }
      callers.execute(() -> {
        try {
          provider.list();
          ok.incrementAndGet();
        } catch (RateLimitedException e) {
          if (e.details().httpStatus() == 429) {
            limited.incrementAndGet();
          } else {
            shed.incrementAndGet(); // the client's own limiter said no in time: nothing was sent
          }
        } catch (DeadlineExceededException e) {
          if (e.sent()) {
            late.incrementAndGet();
          } else {
            shed.incrementAndGet();
          }
        } catch (RuntimeException e) {
          failures.add(e.getClass().getSimpleName() + ": " + e.getMessage());
        }
      });
    }
    callers.shutdown();
    if (!callers.awaitTermination(30, TimeUnit.SECONDS)) {
      failures.add("calls still running 30 s after the last was offered");
    }
    return new Outcome(offered, ok.get(), late.get(), shed.get(), limited.get(), failures);
  }

  /** {@code <postgres jdbc url> <base url> <api key> <calls per second> <seconds>}. */
  public static void main(String[] args) throws Exception {
    List<Long> granted = Collections.synchronizedList(new ArrayList<>());
    RateLimitBuckets store = SharedLimitWorker.recording(SharedLimitWorker.store("postgres", args[0]), granted);
    run(store, args[1], "warm-up-" + args[2], 4, Duration.ofSeconds(1)); // class loading, JIT, first connections
    granted.clear();
    System.out.println("READY");
    System.out.flush();
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    if (!"GO".equals(in.readLine())) {
      System.exit(3);
    }
    Outcome outcome = run(store, args[1], args[2], Integer.parseInt(args[3]), Duration.ofSeconds(Long.parseLong(args[4])));
    for (long micros : granted) {
      System.out.println("GRANTED " + micros);
    }
    outcome.failures().forEach(f -> System.out.println("FAILED " + f));
    System.out.println(outcome.line());
    System.out.flush();
    System.exit(0);
  }
}
