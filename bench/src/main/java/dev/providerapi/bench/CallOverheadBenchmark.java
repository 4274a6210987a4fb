package dev.providerapi.bench;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.providerapi.ProviderConfig;
import dev.providerapi.descriptor.AuthSpec;
import dev.providerapi.descriptor.ProviderDescriptor;
import dev.providerapi.descriptor.RateLimitWindow;
import dev.providerapi.http.ApiClient;
import dev.providerapi.http.ApiRequest;
import dev.providerapi.http.Operation;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What the runtime adds to a call: the same GET against the same loopback server, once with a bare JDK
 * HttpClient + Jackson decode, once through {@link ApiClient} (auth, rate limiter, retry policy, circuit
 * breaker, error mapping, envelope unwrap, decode). The difference of the two averages is the overhead.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
// TCP_NODELAY on the loopback server: without it Nagle + delayed ACK add ~40 ms to every call of both.
@Fork(value = 1, jvmArgsAppend = "-Dsun.net.httpserver.nodelay=true")
public class CallOverheadBenchmark {

  static final byte[] BODY = ("{\"data\":{\"id\":\"0920582c7ff041399e34823a0be62549\",\"name\":\"bench\","
      + "\"status\":\"active\",\"ip\":\"198.51.100.2\",\"region\":{\"name\":\"us-west-1\"},"
      + "\"unknown_field\":[1,2,3]}}").getBytes(StandardCharsets.UTF_8);

  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Region(String name) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Instance(String id, String name, String status, String ip, Region region) {}

  private HttpServer server;
  private HttpClient http;
  private ObjectMapper mapper;
  private URI uri;
  private ApiClient client;
  private Operation operation;

  @Setup(Level.Trial)
  public void setUp() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", exchange -> {
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, BODY.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(BODY);
      }
    });
    server.start();
    String base = "http://127.0.0.1:" + server.getAddress().getPort();
    uri = URI.create(base + "/api/v1/instances/0920582c7ff041399e34823a0be62549");
    http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    mapper = new ObjectMapper();
    ProviderDescriptor descriptor = ProviderDescriptor.builder("bench")
        .baseUrl(base)
        .auth(AuthSpec.bearer("BENCH_API_KEY"))
        .rateLimit(new RateLimitWindow(10_000_000, Duration.ofSeconds(1), 10_000_000))
        .build();
    client = ApiClient.create(descriptor, ProviderConfig.builder().apiKey("bench-key").build());
    operation = new Operation("getInstance", "GET", "/api/v1/instances/{id}", true, "data");
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    client.close();
    server.stop(0);
  }

  @Benchmark
  public Instance bareJdkClient() throws IOException, InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(uri)
        .header("Authorization", "Bearer bench-key").header("Accept", "application/json").GET().build();
    HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
    JsonNode data = mapper.readTree(response.body()).get("data");
    return mapper.treeToValue(data, Instance.class);
  }

  @Benchmark
  public Instance providerApiClient() {
    return client.execute(operation,
        ApiRequest.builder().path("id", "0920582c7ff041399e34823a0be62549").build(), Instance.class);
  }
}
