package dev.providerapi.sandbox;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.providerapi.Capability;
import dev.providerapi.Provider;
import dev.providerapi.Providers;
import dev.providerapi.errors.CapacityUnavailableException;
import dev.providerapi.errors.UnexpectedResponseException;
import dev.providerapi.model.Instance;
import dev.providerapi.model.InstanceStatus;
import dev.providerapi.model.Offer;
import dev.providerapi.model.OfferFilter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * What a generated {@code <Prefix>ProviderBase} promises, checked against the provider's stateful fake: the
 * lifecycle end to end, {@code list()} across three pages (or one answer when the binding has no paging), get of
 * an instance that is gone or answered 404 reads as empty, terminate of a gone instance succeeds, empty and
 * {@code {}} 200 answers are {@link UnexpectedResponseException} (never "not found"), an empty 200 on create is
 * resolved by the client token without a second instance, and the provider's "no capacity" answer is
 * {@link CapacityUnavailableException}.
 *
 * <p>The generator writes one subclass per provider with a fake ({@code sandbox: true} in provider.yaml), passing
 * what provider.yaml's bindings say; a test failing here means the bindings, the base or the fake disagree with
 * the provider's documented behaviour.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ProviderBaseContract {

  /**
   * What the provider's bindings declare.
   *
   * @param provider the provider's name (its fake and its adapter are looked up by it)
   * @param pageSize the page size the list binding asks for; 0 when the list is one unpaged answer
   * @param capacityErrors whether provider.yaml maps any answer to CAPACITY_UNAVAILABLE (a Kubernetes create
   *     never fails for capacity, so CoreWeave's does not)
   * @param stopRetried whether the base retries a stop answered 502, 503 or 504 (the stop operation is idempotent), false when
   *     it is sent once (a state-changing GET declared {@code idempotent: false}), null when no binding implements
   *     stop in the base
   */
  public record Bindings(String provider, int pageSize, boolean capacityErrors, @Nullable Boolean stopRetried) {}

  private final Bindings bindings;
  private final Sandbox sandbox;
  private final FakeProvider fake;
  private Provider provider;
  /** The offer launches use, read once per test: an adapter drops its offers cache after every create. */
  private @Nullable String offerId;

  /**
   * Starts the fake of {@code bindings.provider()} on a free loopback port.
   *
   * @param bindings what the provider's bindings declare
   */
  protected ProviderBaseContract(Bindings bindings) {
    this.bindings = bindings;
    this.sandbox = Sandbox.start(bindings.provider());
    this.fake = sandbox.fake(bindings.provider());
  }

  @BeforeEach
  void connect() {
    sandbox.reset();
    offerId = null;
    provider = Providers.load(bindings.provider(), sandbox.config(bindings.provider()).rateLimited(false)
        .launchLookups(3).maxAttempts(3).build());
  }

  @AfterEach
  void disconnect() {
    provider.close();
  }

  @AfterAll
  void stop() {
    sandbox.close();
  }

  /**
   * One instance through its life: launched once with its token, read RUNNING after boot, listed and found by
   * token, stopped and started where the provider can, terminated; the fake refused no request.
   */
  @Test
  public void launchReadListStopStartTerminate() {
    String token = "contract-" + bindings.provider();
    Instance launched = launch(token);
    assertEquals(List.of(), fake.state().refused(), "requests the fake refused");
    assertEquals(List.of(launched.id()), ids(fake.state().live()), "the fake's live instances");
    assertEquals(1, fake.state().withToken(token).size(), "instances tagged with the client token");

    sandbox.clock().advance(Duration.ofMinutes(5));
    assertEquals(InstanceStatus.RUNNING, provider.get(launched.id()).orElseThrow().status());
    assertEquals(List.of(launched.id()), provider.list().stream().map(Instance::id).toList());
    assertEquals(List.of(launched.id()), provider.findByClientToken(token).stream().map(Instance::id).toList());
    if (provider.supports(Capability.STOP_START)) {
      provider.stop(launched.id());
      assertEquals(FakeInstance.State.STOPPED, fake.state().instance(launched.id()).orElseThrow()
          .state(sandbox.clock().now()));
      provider.start(launched.id());
      assertTrue(Set.of(FakeInstance.State.BOOTING, FakeInstance.State.RUNNING)
          .contains(fake.state().instance(launched.id()).orElseThrow().state()));
    }
    provider.terminate(launched.id());
    assertEquals(List.of(), fake.state().live());
    assertEquals(Optional.empty(), provider.get(launched.id()));
    assertEquals(List.of(), fake.state().refused(), "requests the fake refused");
  }

  /** 2 x page size + 1 instances come back complete from three pages; an unpaged list reads once. */
  @Test
  public void listReadsEveryPage() {
    int count = bindings.pageSize() > 0 ? 2 * bindings.pageSize() + 1 : 3;
    Set<String> launched = new TreeSet<>();
    for (int i = 0; i < count; i++) {
      launched.add(launch("page-" + i).id());
    }
    int before = fake.state().calls(Op.LIST);
    Set<String> listed = new TreeSet<>(provider.list().stream().map(Instance::id).toList());
    assertEquals(launched, listed, "every launched instance is listed");
    assertEquals(bindings.pageSize() > 0 ? 3 : 1, fake.state().calls(Op.LIST) - before, "list requests");
  }

  /** Get of a terminated instance is empty, not an error. */
  @Test
  public void getOfATerminatedInstanceIsEmpty() {
    Instance launched = launch("gone");
    provider.terminate(launched.id());
    assertEquals(Optional.empty(), provider.get(launched.id()));
  }

  /** Get answered 404 is empty, not an error. */
  @Test
  public void getAnswered404IsEmpty() {
    Instance launched = launch("404");
    fake.faults().times(Op.GET, FaultKind.STATUS_404, 10);
    assertEquals(Optional.empty(), provider.get(launched.id()));
  }

  /** A second terminate of the same instance succeeds. */
  @Test
  public void terminateOfAGoneInstanceSucceeds() {
    Instance launched = launch("twice");
    provider.terminate(launched.id());
    assertDoesNotThrow(() -> provider.terminate(launched.id()), "a second terminate");
    assertEquals(List.of(), fake.state().live());
  }

  /** A 200 to get with an empty body or {@code {}} is an UnexpectedResponseException, not a gone instance. */
  @Test
  public void emptyAnswersToGetAreUnexpectedNotGone() {
    Instance launched = launch("empty-get");
    for (FaultKind kind : List.of(FaultKind.EMPTY_BODY, FaultKind.EMPTY_OBJECT)) {
      fake.faults().clear();
      fake.faults().times(Op.GET, kind, 10);
      assertThrows(UnexpectedResponseException.class, () -> provider.get(launched.id()), "get with " + kind);
    }
  }

  /** A 200 to list with an empty body or {@code {}} is an UnexpectedResponseException, not an empty list. */
  @Test
  public void emptyAnswersToListAreUnexpectedNotEmpty() {
    launch("empty-list");
    for (FaultKind kind : List.of(FaultKind.EMPTY_BODY, FaultKind.EMPTY_OBJECT)) {
      fake.faults().clear();
      fake.faults().times(Op.LIST, kind, 10);
      assertThrows(UnexpectedResponseException.class, () -> provider.list(), "list with " + kind);
    }
  }

  /** The create happened but answered nothing: the launch guard finds it by its token instead of creating again. */
  @Test
  public void anEmptyCreateAnswerIsResolvedByTheClientToken() {
    for (FaultKind kind : List.of(FaultKind.EMPTY_BODY, FaultKind.EMPTY_OBJECT)) {
      sandbox.reset();
      fake.faults().once(Op.CREATE, kind);
      String token = "empty-create-" + kind.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
      Instance launched = launch(token);
      assertEquals(List.of(launched.id()), ids(fake.state().live()), "instances after a create answered " + kind);
      assertEquals(1, fake.state().created(), "creates after a create answered " + kind);
    }
  }

  /**
   * The provider's own no-capacity answer is a CapacityUnavailableException and creates nothing (skipped when
   * provider.yaml maps no answer to CAPACITY_UNAVAILABLE).
   */
  @Test
  public void noCapacityIsCapacityUnavailable() {
    org.junit.jupiter.api.Assumptions.assumeTrue(bindings.capacityErrors(),
        bindings.provider() + "'s provider.yaml maps no answer to CAPACITY_UNAVAILABLE");
    fake.faults().once(Op.CREATE, FaultKind.NO_CAPACITY);
    assertThrows(CapacityUnavailableException.class, () -> launch("no-capacity"));
    assertEquals(0, fake.state().created(), "creates");
  }

  /**
   * A stop answered 502 (a gateway that may or may not have passed it on) is sent again only when the stop operation
   * is idempotent; one declared not idempotent (a state-changing GET) is sent once and the failure reaches the
   * caller.
   */
  @Test
  public void aStopAnswered502IsRetriedOnlyWhenIdempotent() {
    org.junit.jupiter.api.Assumptions.assumeTrue(bindings.stopRetried() != null
        && provider.supports(Capability.STOP_START), bindings.provider() + "'s base implements no stop");
    Instance launched = launch("stop-502");
    sandbox.clock().advance(Duration.ofMinutes(5));
    int before = fake.state().calls(Op.STOP);
    fake.faults().once(Op.STOP, FaultKind.STATUS_502_HTML);
    if (bindings.stopRetried()) {
      assertDoesNotThrow(() -> provider.stop(launched.id()), "an idempotent stop retried after a 502");
      assertEquals(2, fake.state().calls(Op.STOP) - before, "stop requests");
    } else {
      assertThrows(dev.providerapi.errors.ProviderException.class, () -> provider.stop(launched.id()));
      assertEquals(1, fake.state().calls(Op.STOP) - before, "stop requests of a stop declared not idempotent");
    }
  }

  /**
   * Launches one instance of the first offer, tagged with {@code token}.
   *
   * @param token the client token
   * @return the launched instance
   */
  protected Instance launch(String token) {
    if (offerId == null) {
      List<Offer> offers = provider.offers(OfferFilter.any());
      assertTrue(!offers.isEmpty(), bindings.provider() + " offers nothing");
      offerId = offers.get(0).id();
    }
    return provider.launch(fake.sampleLaunch(provider.supports(Capability.SSH_KEYS))
        .offerId(offerId).clientToken(token).build());
  }

  private static List<String> ids(List<FakeInstance> instances) {
    List<String> out = new ArrayList<>();
    instances.forEach(i -> out.add(i.id()));
    return out;
  }
}
