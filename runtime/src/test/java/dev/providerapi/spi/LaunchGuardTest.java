package dev.providerapi.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.providerapi.errors.CapacityUnavailableException;
import dev.providerapi.errors.ErrorDetails;
import dev.providerapi.errors.ErrorKind;
import dev.providerapi.errors.LaunchOutcomeUnknownException;
import dev.providerapi.errors.ProviderException;
import dev.providerapi.errors.RateLimitedException;
import dev.providerapi.model.Instance;
import dev.providerapi.model.InstanceStatus;
import dev.providerapi.model.LaunchRequest;
import dev.providerapi.testing.FakeClock;
import java.net.ConnectException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class LaunchGuardTest {
  final FakeClock clock = new FakeClock();
  final LaunchRequest request = LaunchRequest.builder().instanceType("gpu_1x_h100_sxm5").clientToken("pa-tok").build();
  final Deque<Supplier<Instance>> createResults = new ArrayDeque<>();
  final Deque<List<Instance>> lookupResults = new ArrayDeque<>();
  final List<String> terminated = new ArrayList<>();
  int creates;
  int lookups;

  LaunchGuard guard() {
    return new LaunchGuard("acme", r -> {
      creates++;
      assertThat(r.clientToken()).isEqualTo("pa-tok");
      return createResults.removeFirst().get();
    }, token -> {
      lookups++;
      assertThat(token).isEqualTo("pa-tok");
      return lookupResults.isEmpty() ? List.of() : lookupResults.removeFirst();
    }, terminated::add, new LaunchGuard.Settings(4, Duration.ofMillis(100), Duration.ofSeconds(60), 3,
        Duration.ofSeconds(2)), clock.sleeper());
  }

  static Instance instance(String id, Instant createdAt) {
    return Instance.builder("acme", id).status(InstanceStatus.PROVISIONING).clientToken("pa-tok").createdAt(createdAt).build();
  }

  static ErrorDetails details(int status, boolean retryable, Duration retryAfter) {
    return new ErrorDetails("acme", "launchInstance", status, null, "m", null, retryable, retryAfter);
  }

  static Supplier<Instance> fail(ProviderException e) {
    return () -> {
      throw e;
    };
  }

  static ProviderException timeout() {
    return ProviderException.of(ErrorKind.PROVIDER_UNAVAILABLE, details(0, false, null),
        new HttpTimeoutException("request timed out"));
  }

  @Test
  void anInstanceFoundAfterATimeoutIsReturnedWithoutASecondCreate() {
    Instance created = instance("i-1", Instant.parse("2026-01-01T00:00:00Z"));
    createResults.add(fail(timeout()));
    lookupResults.add(List.of());
    lookupResults.add(List.of(created));

    assertThat(guard().launch(request)).isEqualTo(created);
    assertThat(creates).isEqualTo(1);
    assertThat(lookups).isEqualTo(2);
    assertThat(clock.sleeps()).containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(2));
    assertThat(terminated).isEmpty();
  }

  @Test
  void anAdapterFailingOnTheAnswerIsResolvedByTheTokenNeverLeaked() {
    Instance created = instance("i-1", null);
    createResults.add(() -> {
      throw new NullPointerException("Cannot invoke \"String.isBlank()\" because \"id\" is null");
    });
    lookupResults.add(List.of(created));

    assertThat(guard().launch(request)).isEqualTo(created);
    assertThat(creates).isEqualTo(1);
    assertThat(lookups).isEqualTo(1);
  }

  @Test
  void anUnreadableAnswerWithNothingFoundIsOutcomeUnknownNamingTheCause() {
    createResults.add(() -> {
      throw new IllegalStateException("acme launch answered success without an instance id");
    });

    LaunchOutcomeUnknownException e = catchThrowableOfType(LaunchOutcomeUnknownException.class,
        () -> guard().launch(request));
    assertThat(creates).isEqualTo(1);
    assertThat(lookups).isEqualTo(3);
    assertThat(e.getMessage()).contains("IllegalStateException: acme launch answered success without an instance id")
        .contains("pa-tok");
  }

  @Test
  void aRequestRefusedBeforeSendingIsNotLookedUp() {
    createResults.add(() -> {
      throw new IllegalArgumentException("no offer matches");
    });
    assertThatThrownBy(() -> guard().launch(request)).isInstanceOf(IllegalArgumentException.class);
    assertThat(lookups).isZero();
  }

  @Test
  void nothingFoundMeansOutcomeUnknownAndExactlyOneCreate() {
    createResults.add(fail(ProviderException.of(ErrorKind.PROVIDER_UNAVAILABLE, details(503, false, null), null)));

    LaunchOutcomeUnknownException e = catchThrowableOfType(LaunchOutcomeUnknownException.class,
        () -> guard().launch(request));

    assertThat(creates).isEqualTo(1);
    assertThat(lookups).isEqualTo(3);
    assertThat(e.clientToken()).isEqualTo("pa-tok");
    assertThat(e.httpStatus()).isEqualTo(503);
    assertThat(e.isRetryable()).isFalse();
    assertThat(e.getMessage()).contains("pa-tok").contains("after 3 lookup(s)").contains("not retried");
    assertThat(e.getCause()).isInstanceOf(ProviderException.class);
  }

  @Test
  void failingLookupsStillEndInOutcomeUnknown() {
    createResults.add(fail(timeout()));
    LaunchGuard g = new LaunchGuard("acme", r -> {
      creates++;
      return createResults.removeFirst().get();
    }, token -> {
      lookups++;
      throw ProviderException.of(ErrorKind.PROVIDER_UNAVAILABLE, details(500, true, null), null);
    }, terminated::add, new LaunchGuard.Settings(4, Duration.ofMillis(1), Duration.ofSeconds(60), 2,
        Duration.ofMillis(1)), clock.sleeper());
    catchThrowableOfType(LaunchOutcomeUnknownException.class, () -> g.launch(request));
    assertThat(creates).isEqualTo(1);
    assertThat(lookups).isEqualTo(2);
  }

  @Test
  void a429IsRetriedBecauseNothingWasCreated() {
    Instance created = instance("i-1", null);
    createResults.add(fail(new RateLimitedException(details(429, true, Duration.ofSeconds(5)), null)));
    createResults.add(() -> created);

    assertThat(guard().launch(request)).isEqualTo(created);
    assertThat(creates).isEqualTo(2);
    assertThat(lookups).isZero();
    assertThat(clock.sleeps()).containsExactly(Duration.ofSeconds(5));
  }

  @Test
  void aRefusedConnectionIsRetried() {
    Instance created = instance("i-1", null);
    createResults.add(fail(ProviderException.of(ErrorKind.PROVIDER_UNAVAILABLE, details(0, true, null),
        new ConnectException("Connection refused"))));
    createResults.add(() -> created);
    assertThat(guard().launch(request)).isEqualTo(created);
    assertThat(creates).isEqualTo(2);
    assertThat(lookups).isZero();
  }

  @Test
  void notAppliedRetriesStopAtMaxAttempts() {
    for (int i = 0; i < 4; i++) {
      createResults.add(fail(new RateLimitedException(details(429, true, null), null)));
    }
    catchThrowableOfType(RateLimitedException.class, () -> guard().launch(request));
    assertThat(creates).isEqualTo(4);
    assertThat(lookups).isZero();
  }

  @Test
  void aRetryAfterBeyondTheMaximumIsNotWaited() {
    createResults.add(fail(new RateLimitedException(details(429, true, Duration.ofMinutes(10)), null)));
    RateLimitedException e = catchThrowableOfType(RateLimitedException.class, () -> guard().launch(request));
    assertThat(e.retryAfter()).contains(Duration.ofMinutes(10));
    assertThat(creates).isEqualTo(1);
    assertThat(clock.sleeps()).isEmpty();
  }

  @Test
  void duplicatesKeepTheOldestAndTerminateTheRest() {
    Instance oldest = instance("i-old", Instant.parse("2026-01-01T00:00:00Z"));
    Instance newer = instance("i-new", Instant.parse("2026-01-01T00:00:05Z"));
    Instance undated = instance("i-undated", null);
    createResults.add(fail(timeout()));
    lookupResults.add(List.of(newer, undated, oldest));

    assertThat(guard().launch(request)).isEqualTo(oldest);
    assertThat(terminated).containsExactly("i-new", "i-undated");
    assertThat(creates).isEqualTo(1);
  }

  @Test
  void nonAmbiguousErrorsPropagateUnchanged() {
    CapacityUnavailableException capacity = new CapacityUnavailableException(details(400, false, null), null);
    createResults.add(fail(capacity));
    assertThat(catchThrowableOfType(CapacityUnavailableException.class, () -> guard().launch(request)))
        .isSameAs(capacity);
    assertThat(creates).isEqualTo(1);
    assertThat(lookups).isZero();
  }

  @Test
  void anUnreadableSuccessIsAmbiguous() {
    Instance created = instance("i-1", null);
    createResults.add(fail(ProviderException.of(ErrorKind.UNEXPECTED_RESPONSE, details(200, false, null), null)));
    lookupResults.add(List.of(created));
    assertThat(guard().launch(request)).isEqualTo(created);
    assertThat(creates).isEqualTo(1);
  }

  @Test
  void theLaunchDeadlineBoundsTheLookupsAndSaysSo() {
    createResults.add(fail(timeout()));
    List<dev.providerapi.ProviderEvent> events = new java.util.concurrent.CopyOnWriteArrayList<>();
    LaunchGuard guard = new LaunchGuard("acme", r -> {
      creates++;
      return createResults.removeFirst().get();
    }, token -> {
      lookups++;
      return List.of();
    }, terminated::add, new LaunchGuard.Settings(4, Duration.ofMillis(10), Duration.ofSeconds(60), 10,
        Duration.ofMillis(150), Duration.ofMillis(400)), dev.providerapi.http.Sleeper.SYSTEM, events::add);
    long start = System.nanoTime();
    LaunchOutcomeUnknownException e = catchThrowableOfType(LaunchOutcomeUnknownException.class,
        () -> guard.launch(request));
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(900));
    assertThat(lookups).isBetween(1, 2);
    assertThat(e.getMessage()).contains("the launch deadline of 400 ms left no time for more");
    assertThat(events).singleElement().satisfies(ev -> {
      dev.providerapi.ProviderEvent.Launch launch = (dev.providerapi.ProviderEvent.Launch) ev;
      assertThat(launch.provider()).isEqualTo("acme");
      assertThat(launch.clientToken()).isEqualTo("pa-tok");
      assertThat(launch.outcome()).isEqualTo(dev.providerapi.ProviderEvent.LaunchOutcome.OUTCOME_UNKNOWN);
    });
  }

  @Test
  void launchEventsSayHowTheLaunchEnded() {
    List<dev.providerapi.ProviderEvent.LaunchOutcome> outcomes = new ArrayList<>();
    java.util.function.Function<Supplier<Instance>, LaunchGuard> guardFor = result -> new LaunchGuard("acme",
        r -> result.get(), token -> List.of(instance("i-found", null)), terminated::add,
        new LaunchGuard.Settings(1, Duration.ofMillis(1), Duration.ofSeconds(60), 1, Duration.ZERO),
        clock.sleeper(), ev -> outcomes.add(((dev.providerapi.ProviderEvent.Launch) ev).outcome()));
    guardFor.apply(() -> instance("i-1", null)).launch(request);
    guardFor.apply(fail(timeout())).launch(request);
    CapacityUnavailableException capacity = new CapacityUnavailableException(details(400, false, null), null);
    assertThatThrownBy(() -> guardFor.apply(fail(capacity)).launch(request)).isSameAs(capacity);
    assertThat(outcomes).containsExactly(dev.providerapi.ProviderEvent.LaunchOutcome.CREATED,
        dev.providerapi.ProviderEvent.LaunchOutcome.RESOLVED_BY_TOKEN,
        dev.providerapi.ProviderEvent.LaunchOutcome.FAILED);
  }
}
