package dev.providerapi.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.providerapi.ProviderConfig;
import dev.providerapi.descriptor.AuthSpec;
import dev.providerapi.descriptor.ProviderDescriptor;
import dev.providerapi.errors.ProviderUnavailableException;
import dev.providerapi.http.ApiClient;
import dev.providerapi.http.ApiRequest;
import dev.providerapi.http.Operation;
import dev.providerapi.model.Instance;
import dev.providerapi.model.InstanceStatus;
import dev.providerapi.model.LaunchRequest;
import dev.providerapi.model.Offer;
import dev.providerapi.model.OfferFilter;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A create answered 500 opens the circuit breaker (threshold 1 here); the client-token lookups that resolve it
 * must still be sent, or the instance the provider made is reported unknown and left billing.
 */
class LaunchLookupPastOpenBreakerTest {
  static final ProviderDescriptor ACME = ProviderDescriptor.builder("acme").baseUrl("https://api.acme.invalid")
      .auth(AuthSpec.none()).build();
  static final Operation CREATE = new Operation("createThing", "POST", "/things", false, null);
  static final Operation LIST = new Operation("listThings", "GET", "/things", true, null);
  static final Operation DELETE = new Operation("deleteThing", "DELETE", "/things/{id}", true, null);

  MockWebServer server;

  @BeforeEach
  void start() throws Exception {
    server = new MockWebServer();
    server.start();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  record Thing(String id, String name) {}

  final class HttpBacked extends AbstractProvider {
    HttpBacked(ProviderConfig config) {
      super(ACME, config);
    }

    @Override
    protected ApiClient createApiClient() {
      return ApiClient.builder(descriptor, config).circuitBreaker(1, Duration.ofMinutes(5)).build();
    }

    @Override
    protected List<Offer> fetchOffers(OfferFilter filter) {
      return List.of();
    }

    @Override
    protected Instance launchInstance(LaunchRequest request) {
      Thing t = apiClient().execute(CREATE, ApiRequest.builder().body(Map.of("name", request.effectiveName())).build(),
          Thing.class);
      return instance(t);
    }

    @Override
    protected void terminateInstance(String instanceId) {
      apiClient().execute(DELETE, ApiRequest.builder().path("id", instanceId).build());
    }

    @Override
    public Optional<Instance> get(String instanceId) {
      return list().stream().filter(i -> i.id().equals(instanceId)).findFirst();
    }

    @Override
    public List<Instance> list() {
      List<Thing> things = apiClient().execute(LIST, ApiRequest.builder().build(), new TypeReference<List<Thing>>() {});
      return things.stream().map(this::instance).toList();
    }

    private Instance instance(Thing t) {
      return Instance.builder("acme", t.id()).name(t.name()).status(InstanceStatus.PROVISIONING).build();
    }

    @Override
    public HttpBacked configure(ProviderConfig config) {
      return new HttpBacked(config);
    }

    boolean circuitOpen() {
      return apiClient().circuitOpen();
    }
  }

  static MockResponse json(int code, String body) {
    return new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json").body(body).build();
  }

  @Test
  void theTokenLookupGoesOutWhileTheBreakerIsOpenAndFindsTheInstance() throws Exception {
    server.enqueue(json(500, "{\"message\":\"oops\"}"));
    server.enqueue(json(200, "[{\"id\":\"t-1\",\"name\":\"tok-abc\"}]"));
    HttpBacked p = new HttpBacked(ProviderConfig.builder().environment(Map.of()).baseUrl(server.url("/").toString())
        .rateLimitBuckets(RateLimitBuckets.isolated()).rateLimited(false).launchLookups(2)
        .launchLookupDelay(Duration.ofMillis(1)).build());
    Instance launched = p.launch(LaunchRequest.builder().offerId("o").clientToken("tok-abc").build());
    assertThat(launched.id()).isEqualTo("t-1");
    assertThat(p.circuitOpen()).as("the 500 on create opened it").isTrue();
    RecordedRequest create = server.takeRequest();
    assertThat(create.getMethod()).isEqualTo("POST");
    RecordedRequest lookup = server.takeRequest();
    assertThat(lookup.getMethod()).isEqualTo("GET");
    assertThat(lookup.getTarget()).isEqualTo("/things");
    // Everything else still meets the open breaker, unsent.
    assertThatThrownBy(p::list).isInstanceOf(ProviderUnavailableException.class).hasMessageContaining("circuit open");
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void duplicatesFoundByTheLookupAreTerminatedPastTheOpenBreaker() throws Exception {
    server.enqueue(json(500, "{\"message\":\"oops\"}"));
    server.enqueue(json(200, "[{\"id\":\"t-1\",\"name\":\"tok-dup\"},{\"id\":\"t-2\",\"name\":\"tok-dup\"}]"));
    server.enqueue(new MockResponse.Builder().code(204).build());
    HttpBacked p = new HttpBacked(ProviderConfig.builder().environment(Map.of()).baseUrl(server.url("/").toString())
        .rateLimitBuckets(RateLimitBuckets.isolated()).rateLimited(false).launchLookups(1)
        .launchLookupDelay(Duration.ofMillis(1)).build());
    Instance kept = p.launch(LaunchRequest.builder().offerId("o").clientToken("tok-dup").build());
    assertThat(kept.id()).isEqualTo("t-1");
    server.takeRequest();
    server.takeRequest();
    RecordedRequest delete = server.takeRequest();
    assertThat(delete.getMethod()).isEqualTo("DELETE");
    assertThat(delete.getTarget()).isEqualTo("/things/t-2");
  }
}
