package dev.providerapi.ops;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.providerapi.broker.Finding;
import dev.providerapi.broker.LaunchRecord;
import dev.providerapi.broker.LaunchStep;
import dev.providerapi.broker.ProviderResult;
import dev.providerapi.errors.ProviderException;
import dev.providerapi.gpu.GpuType;
import dev.providerapi.model.Instance;
import dev.providerapi.model.Market;
import dev.providerapi.model.Offer;
import dev.providerapi.model.OfferSort;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * Tables and JSON for the operations commands. JSON is built field by field from our model (never by serializing
 * an object wholesale), so nothing the model does not mean to show, a credential least of all, can reach stdout.
 */
final class Render {
  static final ObjectMapper JSON = new ObjectMapper()
      .enable(SerializationFeature.INDENT_OUTPUT)
      .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);

  private Render() {}

  static void json(PrintWriter out, Object value) {
    try {
      out.println(JSON.writeValueAsString(value));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write JSON: " + e.getMessage(), e);
    }
    out.flush();
  }

  static @Nullable String money(@Nullable BigDecimal v) {
    if (v == null) {
      return null;
    }
    BigDecimal s = v.setScale(4, RoundingMode.HALF_UP).stripTrailingZeros();
    return (s.scale() < 2 ? s.setScale(2) : s).toPlainString();
  }

  static @Nullable String decimal(@Nullable BigDecimal v) {
    return v == null ? null : v.stripTrailingZeros().toPlainString();
  }

  static @Nullable String time(@Nullable Instant t) {
    return t == null ? null : t.truncatedTo(ChronoUnit.SECONDS).toString();
  }

  static Table offersTable(List<Offer> offers, @Nullable Market market) {
    Table t = new Table("PROVIDER", "OFFER", "GPU", "N", "REGION", "$/GPU-H", "$/H", "SPOT $/H", "VCPU", "RAM GiB",
        "AVAIL");
    for (Offer o : offers) {
      t.row(o.provider(), o.id(), o.gpu().canonicalName(), o.gpuCount(), o.region(),
          money(OfferSort.perGpuHour(o, market)),
          money(o.pricing().onDemandPerHour()), money(o.pricing().spotPerHour()), o.vcpus(),
          decimal(o.memoryGib()), o.availableCount());
    }
    return t;
  }

  static Map<String, Object> offer(Offer o, UnaryOperator<String> canonicalRegion) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("provider", o.provider());
    m.put("id", o.id());
    m.put("instanceType", o.instanceType());
    m.put("gpu", gpu(o.gpu()));
    m.put("gpuCount", o.gpuCount());
    m.put("region", o.region());
    m.put("canonicalRegion", o.region() == null ? null : canonicalRegion.apply(o.region()));
    m.put("onDemandPerHour", o.pricing().onDemandPerHour());
    m.put("spotPerHour", o.pricing().spotPerHour());
    m.put("onDemandPerGpuHour", o.pricing().onDemandPerGpuHour().orElse(null));
    m.put("spotPerGpuHour", o.pricing().spotPerGpuHour().orElse(null));
    m.put("priceSource", o.priceSource().name());
    m.put("priceAsOf", time(o.priceAsOf()));
    m.put("vcpus", o.vcpus());
    m.put("memoryGib", o.memoryGib());
    m.put("diskGib", o.diskGib());
    m.put("availableCount", o.availableCount());
    m.put("details", new TreeMap<>(o.details()));
    return m;
  }

  static @Nullable Map<String, Object> gpu(@Nullable GpuType g) {
    if (g == null) {
      return null;
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", g.canonicalName());
    m.put("model", g.model());
    m.put("memoryGb", g.memoryGb());
    m.put("formFactor", g.formFactor());
    m.put("known", g.known());
    m.put("providerName", g.providerName());
    return m;
  }

  static Table instancesTable(List<Instance> instances) {
    Table t = new Table("PROVIDER", "ID", "NAME", "STATUS", "GPU", "N", "REGION", "IP", "$/H", "MARKET", "CREATED",
        "CLIENT-TOKEN");
    for (Instance i : instances) {
      t.row(i.provider(), i.id(), i.name(), i.status() + (i.preempted() ? " (preempted)" : ""),
          i.gpu() == null ? null : i.gpu().canonicalName(), i.gpuCount(), i.region(),
          i.publicIp() == null ? null : i.publicIp() + (i.sshPort() == null || i.sshPort() == 22 ? "" : ":" + i.sshPort()),
          i.pricing() == null ? null : money(i.pricing().perHour(i.market()).orElse(i.pricing().cheapestPerHour())),
          i.market().name(), time(i.createdAt()), i.clientToken());
    }
    return t;
  }

  static Map<String, Object> instance(Instance i) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("provider", i.provider());
    m.put("id", i.id());
    m.put("name", i.name());
    m.put("status", i.status().name());
    m.put("rawStatus", i.rawStatus());
    m.put("preempted", i.preempted());
    m.put("instanceType", i.instanceType());
    m.put("gpu", gpu(i.gpu()));
    m.put("gpuCount", i.gpuCount());
    m.put("region", i.region());
    m.put("publicIp", i.publicIp());
    m.put("sshPort", i.sshPort());
    m.put("onDemandPerHour", i.pricing() == null ? null : i.pricing().onDemandPerHour());
    m.put("spotPerHour", i.pricing() == null ? null : i.pricing().spotPerHour());
    m.put("market", i.market().name());
    m.put("clientToken", i.clientToken());
    m.put("createdAt", time(i.createdAt()));
    return m;
  }

  /** One provider's answer to a fleet-wide call: outcome, time, and the error's type and message. */
  static Map<String, Object> providerResult(ProviderResult<?> r, @Nullable Integer count) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("provider", r.provider());
    m.put("outcome", r.outcome().name());
    m.put("elapsedMs", r.elapsed().toMillis());
    if (count != null) {
      m.put("count", count);
    }
    if (r.error() != null) {
      m.put("error", error(r.error()));
    }
    return m;
  }

  static Map<String, Object> error(Throwable e) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("type", e.getClass().getSimpleName());
    m.put("message", e.getMessage());
    if (e instanceof ProviderException p) {
      m.put("kind", p.kind().name());
      m.put("retryable", p.isRetryable());
    }
    return m;
  }

  /** One line per provider for stderr: {@code lambda      ok in 120 ms, 14 offers}. */
  static void providerLines(PrintWriter err, List<? extends ProviderResult<?>> results, String what,
      java.util.function.ToIntFunction<ProviderResult<?>> count) {
    int width = results.stream().mapToInt(r -> r.provider().length()).max().orElse(0);
    for (ProviderResult<?> r : results) {
      String pad = " ".repeat(width - r.provider().length() + 2);
      if (r.ok()) {
        err.println("  " + r.provider() + pad + "ok in " + r.elapsed().toMillis() + " ms, " + count.applyAsInt(r)
            + " " + what);
      } else {
        err.println("  " + r.provider() + pad + r.describe());
      }
    }
    err.flush();
  }

  static Map<String, Object> step(LaunchStep s) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("attempt", s.attempt());
    m.put("provider", s.provider());
    m.put("offerId", s.offerId());
    m.put("pricePerHour", s.pricePerHour());
    m.put("result", s.result().name());
    m.put("instanceId", s.instanceId());
    m.put("error", s.error());
    m.put("elapsedMs", s.elapsed().toMillis());
    return m;
  }

  static Map<String, Object> record(LaunchRecord r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("clientToken", r.clientToken());
    m.put("attempt", r.attempt());
    m.put("provider", r.provider());
    m.put("offerId", r.offerId());
    m.put("state", r.state().name());
    m.put("instanceId", r.instanceId());
    m.put("error", r.error());
    m.put("createdAt", time(r.createdAt()));
    m.put("updatedAt", time(r.updatedAt()));
    try {
      m.put("request", JSON.readTree(r.request()));
    } catch (JsonProcessingException e) {
      m.put("request", r.request());
    }
    return m;
  }

  static Map<String, Object> finding(Finding f) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("kind", f.kind().name());
    m.put("provider", f.provider());
    m.put("clientToken", f.clientToken());
    m.put("instanceId", f.instanceId());
    m.put("status", f.status() == null ? null : f.status().name());
    m.put("ledgerState", f.ledgerState() == null ? null : f.ledgerState().name());
    m.put("ageSeconds", f.age() == null ? null : f.age().toSeconds());
    m.put("action", f.action().name());
    m.put("detail", f.detail());
    return m;
  }

  static @Nullable String age(@Nullable Duration d) {
    return d == null ? null : Durations.human(d);
  }
}
