package dev.providerapi.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.providerapi.http.Operation;
import dev.providerapi.http.internal.HttpResult;
import dev.providerapi.http.internal.JsonMappers;
import dev.providerapi.http.internal.Redactor;
import dev.providerapi.http.internal.ResponseDecoder;
import dev.providerapi.vast.model.Offer;
import dev.providerapi.vast.model.OfferList;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Decoding a 10,000-offer Vast search response (6.9 MB, built from {@code specs/vast/fixtures/searchOffers.response.json}
 * with fresh ids): through the runtime's {@link ResponseDecoder} into the generated {@link OfferList} (what
 * {@code VastApiClient.searchOffers} does with the body), versus a hand-written Jackson streaming parse into the
 * same generated records, and Jackson databind straight from the bytes for reference. Target: the runtime within
 * 1.3x of the hand-written parse.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class VastDecodeBenchmark {
  static final int OFFERS = 10_000;
  static final Operation SEARCH = new Operation("searchOffers", "POST", "/api/v0/bundles/", true, null);

  byte[] body;
  HttpResult result;
  ResponseDecoder decoder;
  ObjectMapper mapper;
  JavaType type;
  final JsonFactory factory = new JsonFactory();

  @Setup
  public void setUp() throws IOException {
    body = response(OFFERS);
    result = new HttpResult(200, Map.of("content-type", List.of("application/json")), body, Duration.ZERO);
    mapper = JsonMappers.create();
    type = mapper.constructType(OfferList.class);
    decoder = new ResponseDecoder("vast", mapper, Redactor.none());
    OfferList a = runtimeDecoder();
    OfferList b = handWrittenStreaming();
    if (a.offers().size() != OFFERS || b.offers().size() != OFFERS) {
      throw new IllegalStateException("expected " + OFFERS + " offers, got " + a.offers().size() + " and "
          + b.offers().size());
    }
    for (int i = 0; i < OFFERS; i++) {
      for (java.lang.reflect.RecordComponent c : Offer.class.getRecordComponents()) {
        Object x;
        Object y;
        try {
          x = c.getAccessor().invoke(a.offers().get(i));
          y = c.getAccessor().invoke(b.offers().get(i));
        } catch (ReflectiveOperationException e) {
          throw new IllegalStateException(e);
        }
        boolean same = x instanceof java.math.BigDecimal bx && y instanceof java.math.BigDecimal by
            ? bx.compareTo(by) == 0 : java.util.Objects.equals(x, y);
        if (!same) {
          throw new IllegalStateException("the decoders disagree on offer " + i + " " + c.getName() + ": " + x
              + " vs " + y);
        }
      }
    }
  }

  /** {@code n} offers: the fixture's, repeated with ids made unique. */
  static byte[] response(int n) throws IOException {
    ObjectMapper m = new ObjectMapper();
    JsonNode fixture;
    try (InputStream in = VastDecodeBenchmark.class.getResourceAsStream("/fixtures/vast/searchOffers.response.json")) {
      if (in == null) {
        throw new IllegalStateException("fixtures/vast/searchOffers.response.json is not on the class path");
      }
      fixture = m.readTree(in);
    }
    ArrayNode samples = (ArrayNode) fixture.get("offers");
    ObjectNode out = m.createObjectNode();
    ArrayNode offers = out.putArray("offers");
    for (int i = 0; i < n; i++) {
      ObjectNode o = samples.get(i % samples.size()).deepCopy();
      o.put("id", 30_000_000L + i);
      o.put("ask_contract_id", 30_000_000L + i);
      o.put("machine_id", 50_000 + i / 4);
      offers.add(o);
    }
    return m.writeValueAsBytes(out);
  }

  @Benchmark
  public OfferList runtimeDecoder() {
    return decoder.decode(SEARCH, result, type);
  }

  @Benchmark
  public OfferList databindFromBytes() throws IOException {
    return mapper.readValue(body, OfferList.class);
  }

  @Benchmark
  public OfferList handWrittenStreaming() throws IOException {
    try (JsonParser p = factory.createParser(body)) {
      List<Offer> offers = new ArrayList<>(1024);
      expect(p.nextToken(), JsonToken.START_OBJECT);
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        JsonToken t = p.nextToken();
        if (field.equals("offers") && t == JsonToken.START_ARRAY) {
          while (p.nextToken() == JsonToken.START_OBJECT) {
            offers.add(offer(p));
          }
        } else {
          p.skipChildren();
        }
      }
      return OfferList.builder().offers(offers).build();
    }
  }

  private static Offer offer(JsonParser p) throws IOException {
    Offer.Builder b = Offer.builder();
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String field = p.currentName();
      JsonToken t = p.nextToken();
      if (t == JsonToken.VALUE_NULL) {
        continue;
      }
      switch (field) {
        case "id" -> b.id(p.getLongValue());
        case "ask_contract_id" -> b.askContractId(p.getLongValue());
        case "machine_id" -> b.machineId(p.getLongValue());
        case "host_id" -> b.hostId(p.getLongValue());
        case "gpu_name" -> b.gpuName(p.getText());
        case "num_gpus" -> b.numGpus(p.getIntValue());
        case "gpu_ram" -> b.gpuRam(p.getDecimalValue());
        case "gpu_total_ram" -> b.gpuTotalRam(p.getDecimalValue());
        case "gpu_frac" -> b.gpuFrac(p.getDecimalValue());
        case "dph_total" -> b.dphTotal(p.getDecimalValue());
        case "dph_base" -> b.dphBase(p.getDecimalValue());
        case "min_bid" -> b.minBid(p.getDecimalValue());
        case "storage_cost" -> b.storageCost(p.getDecimalValue());
        case "inet_up" -> b.inetUp(p.getDecimalValue());
        case "inet_down" -> b.inetDown(p.getDecimalValue());
        case "inet_up_cost" -> b.inetUpCost(p.getDecimalValue());
        case "inet_down_cost" -> b.inetDownCost(p.getDecimalValue());
        case "reliability2" -> b.reliability2(p.getDecimalValue());
        case "geolocation" -> b.geolocation(p.getText());
        case "cpu_name" -> b.cpuName(p.getText());
        case "cpu_cores" -> b.cpuCores(p.getIntValue());
        case "cpu_cores_effective" -> b.cpuCoresEffective(p.getDecimalValue());
        case "cpu_ram" -> b.cpuRam(p.getDecimalValue());
        case "disk_space" -> b.diskSpace(p.getDecimalValue());
        case "cuda_max_good" -> b.cudaMaxGood(p.getDecimalValue());
        case "driver_version" -> b.driverVersion(p.getText());
        case "verification" -> b.verification(p.getText());
        case "rentable" -> b.rentable(p.getBooleanValue());
        case "rented" -> b.rented(p.getBooleanValue());
        case "static_ip" -> b.staticIp(p.getBooleanValue());
        case "direct_port_count" -> b.directPortCount(p.getIntValue());
        case "total_flops" -> b.totalFlops(p.getDecimalValue());
        case "dlperf" -> b.dlperf(p.getDecimalValue());
        case "duration" -> b.duration(p.getDecimalValue());        default -> p.skipChildren();
      }
    }
    return b.build();
  }

  private static void expect(JsonToken got, JsonToken want) {
    if (got != want) {
      throw new IllegalStateException("expected " + want + ", got " + got);
    }
  }
}
