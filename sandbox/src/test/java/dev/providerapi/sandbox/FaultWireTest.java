package dev.providerapi.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What each fault puts on the wire, seen by a plain HTTP client (Vast's list and show as the example). */
class FaultWireTest {
  static Sandbox sandbox;
  static FakeProvider vast;
  final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  @BeforeAll
  static void start() {
    sandbox = Sandbox.start("vast");
    vast = sandbox.fake("vast");
  }

  @AfterAll
  static void stop() {
    sandbox.close();
  }

  @BeforeEach
  void reset() {
    sandbox.reset();
    vast.faults().stall(Duration.ofSeconds(3)).delay(Duration.ofMillis(300));
  }

  private HttpRequest list() {
    return HttpRequest.newBuilder(URI.create(sandbox.baseUrl("vast") + "/api/v1/instances/"))
        .header("Authorization", "Bearer " + vast.apiKey()).timeout(Duration.ofSeconds(5)).build();
  }

  private HttpResponse<String> send() throws Exception {
    return http.send(list(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void anEnforcedLimitAnswersTheProvidersOwn429PerCredentialWithItsTolerance() throws Exception {
    vast.enforceRateLimits(java.util.List.of(new dev.providerapi.descriptor.RateLimitWindow(2, Duration.ofMinutes(1), 2)), 1);
    try {
      int before = vast.rateLimitedAnswers();
      for (int i = 0; i < 3; i++) { // burst 2 plus a tolerance of 1
        assertThat(send().statusCode()).as("request %d", i + 1).isEqualTo(200);
      }
      HttpResponse<String> over = send();
      assertThat(over.statusCode()).isEqualTo(429);
      assertThat(over.headers().firstValue("Retry-After")).contains("1");
      assertThat(over.body()).isEqualTo("{\"success\":false,\"error\":\"rate_limit_exceeded\",\"msg\":\"sandbox: over the"
          + " rate limit\"}");
      assertThat(vast.rateLimitedAnswers() - before).isEqualTo(1);
      vast.acceptKey("second-account");
      HttpResponse<String> other = http.send(HttpRequest.newBuilder(URI.create(sandbox.baseUrl("vast") + "/api/v1/instances/"))
          .header("Authorization", "Bearer second-account").build(), HttpResponse.BodyHandlers.ofString());
      assertThat(other.statusCode()).as("another credential has its own bucket").isEqualTo(200);
      assertThatThrownBy(() -> vast.enforceRateLimits(java.util.List.of(), -1)).isInstanceOf(IllegalArgumentException.class)
          .hasMessage("toleranceRequests must be 0 or more, was -1");
    } finally {
      vast.enforceRateLimits(java.util.List.of(), 0);
    }
    assertThat(send().statusCode()).as("no limit once the windows are cleared").isEqualTo(200);
  }

  @Test
  void statusFaultsUseTheProvidersErrorFormatAndRetryAfterWhenAsked() throws Exception {
    vast.faults().once(Op.LIST, FaultKind.STATUS_429_RETRY_AFTER).once(Op.LIST, FaultKind.STATUS_429);
    HttpResponse<String> first = send();
    assertThat(first.statusCode()).isEqualTo(429);
    assertThat(first.headers().firstValue("Retry-After")).contains("1");
    assertThat(first.body()).isEqualTo("{\"success\":false,\"error\":\"rate_limit_exceeded\",\"msg\":\"sandbox fault"
        + " STATUS_429_RETRY_AFTER\"}");
    HttpResponse<String> second = send();
    assertThat(second.statusCode()).isEqualTo(429);
    assertThat(second.headers().firstValue("Retry-After")).isEmpty();
    assertThat(send().statusCode()).isEqualTo(200);
    assertThat(vast.faults().served()).extracting(FaultSchedule.Served::kind)
        .containsExactly(FaultKind.STATUS_429_RETRY_AFTER, FaultKind.STATUS_429);
  }

  @Test
  void bodyFaultsReplaceTheRealAnswer() throws Exception {
    vast.faults().once(Op.LIST, FaultKind.EMPTY_BODY).once(Op.LIST, FaultKind.EMPTY_OBJECT)
        .once(Op.LIST, FaultKind.HTML_BODY).once(Op.LIST, FaultKind.UNKNOWN_FIELDS);
    assertThat(send().body()).isEmpty();
    assertThat(send().body()).isEqualTo("{}");
    HttpResponse<String> html = send();
    assertThat(html.headers().firstValue("Content-Type")).contains("text/html; charset=utf-8");
    assertThat(html.body()).startsWith("<!DOCTYPE html>");
    assertThat(send().body()).contains("\"sandbox_unknown_field\":{\"nested\":1,\"list\":[\"x\"]}")
        .contains("\"instances\":[]");
  }

  @Test
  void aHugeBodyCarriesOneStringOverJacksonsDefaultLimit() throws Exception {
    vast.faults().once(Op.LIST, FaultKind.HUGE_BODY);
    String body = send().body();
    assertThat(body.length()).isGreaterThan(20_000_000);
    assertThat(body).startsWith("{\"sandbox_padding\":\"xxxx").endsWith("\"instances\":[]}");
  }

  @Test
  void unknownEnumValuesReplaceStatusFields() throws Exception {
    String id = createOne();
    vast.faults().once(Op.GET, FaultKind.UNKNOWN_ENUM);
    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(sandbox.baseUrl("vast")
        + "/api/v0/instances/" + id + "/")).header("Authorization", "Bearer " + vast.apiKey()).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(r.body()).contains("\"actual_status\":\"sandbox_unknown_status\"");
  }

  @Test
  void closeAndResetBeforeAnswerEndTheConnectionWithNothingDone() {
    // on a create (PUT): the JDK client would silently retry a GET once on a closed connection
    vast.faults().once(Op.CREATE, FaultKind.CLOSE_BEFORE_ANSWER).once(Op.CREATE, FaultKind.RESET_BEFORE_ANSWER);
    assertThatThrownBy(this::create).isInstanceOf(IOException.class);
    assertThatThrownBy(this::create).isInstanceOf(IOException.class);
    assertThat(vast.state().calls(Op.CREATE)).isEqualTo(2);
    assertThat(vast.state().created()).isZero();
  }

  @Test
  void aStalledBodySendsHeadersAndHalfTheBodyThenNothingUntilTheStallEnds() throws Exception {
    createOne();
    vast.faults().once(Op.LIST, FaultKind.STALL_MID_BODY);
    long t0 = System.nanoTime();
    HttpResponse<InputStream> r = http.send(list(), HttpResponse.BodyHandlers.ofInputStream());
    long headersMillis = (System.nanoTime() - t0) / 1_000_000;
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(headersMillis).isLessThan(2_000);
    try (InputStream in = r.body()) {
      assertThatThrownBy(in::readAllBytes).isInstanceOf(IOException.class);
    }
    assertThat((System.nanoTime() - t0) / 1_000_000).isGreaterThanOrEqualTo(2_900);
  }

  @Test
  void aTruncatedBodyEndsBeforeItsContentLength() {
    vast.faults().once(Op.LIST, FaultKind.TRUNCATED_BODY);
    assertThatThrownBy(this::send).isInstanceOf(IOException.class);
  }

  @Test
  void createdDespiteErrorStoresTheInstanceAndAnswers500() throws Exception {
    vast.faults().once(Op.CREATE, FaultKind.CREATED_DESPITE_ERROR);
    HttpResponse<String> r = create();
    assertThat(r.statusCode()).isEqualTo(500);
    assertThat(vast.state().live()).singleElement().extracting(FakeInstance::token).isEqualTo("job-1");
  }

  @Test
  void aDelayedAnswerComesLateWithTheOperationDone() throws Exception {
    vast.faults().once(Op.CREATE, FaultKind.DELAY);
    long t0 = System.nanoTime();
    assertThat(create().statusCode()).isEqualTo(200);
    assertThat((System.nanoTime() - t0) / 1_000_000).isGreaterThanOrEqualTo(300);
    assertThat(vast.state().created()).isOne();
  }

  @Test
  void aCreateTheSpecRefusesIsRefusedAndStoresNothing() throws Exception {
    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(sandbox.baseUrl("vast")
            + "/api/v0/asks/13684241/")).header("Authorization", "Bearer " + vast.apiKey())
        .PUT(HttpRequest.BodyPublishers.ofString("{\"disk\":\"forty\"}")).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.body()).startsWith("{\"success\":false,\"error\":\"invalid_request\"");
    assertThat(vast.state().created()).isZero();
    assertThat(vast.state().refused()).hasSize(1);
  }

  private HttpResponse<String> create() throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(sandbox.baseUrl("vast") + "/api/v0/asks/13684241/"))
        .header("Authorization", "Bearer " + vast.apiKey())
        .PUT(HttpRequest.BodyPublishers.ofString("{\"image\":\"pytorch/pytorch\",\"disk\":40,\"label\":\"job-1\"}"))
        .build(), HttpResponse.BodyHandlers.ofString());
  }

  private String createOne() throws Exception {
    HttpResponse<String> r = create();
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return vast.state().live().get(0).id();
  }
}
