package dev.providerapi.sandbox;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/** What a fake holds and saw: its instances, every request, and every request it refused. Tests assert on it. */
public final class FakeState {
  private final Map<String, FakeInstance> instances = new ConcurrentHashMap<>();
  private final List<String> order = new CopyOnWriteArrayList<>();
  private final List<String> requests = new CopyOnWriteArrayList<>();
  private final List<String> refused = new CopyOnWriteArrayList<>();
  private final Map<Op, AtomicInteger> calls = new ConcurrentHashMap<>();
  private final List<Arrival> arrivals = new CopyOnWriteArrayList<>();

  /** One request's arrival: its operation and {@link System#nanoTime()}. */
  public record Arrival(Op op, String method, String path, long atNanos) {}

  void add(FakeInstance instance) {
    instances.put(instance.id(), instance);
    order.add(instance.id());
  }

  void recordRequest(Op op, String method, String path) {
    requests.add(op + " " + method + " " + path);
    arrivals.add(new Arrival(op, method, path, System.nanoTime()));
    calls.computeIfAbsent(op, o -> new AtomicInteger()).incrementAndGet();
  }

  void recordRefused(String reason) {
    refused.add(reason);
  }

  public Optional<FakeInstance> instance(String id) {
    return Optional.ofNullable(instances.get(id));
  }

  /** Every instance ever created, oldest first (terminated ones included). */
  public List<FakeInstance> instances() {
    List<FakeInstance> out = new ArrayList<>();
    for (String id : order) {
      FakeInstance i = instances.get(id);
      if (i != null) {
        out.add(i);
      }
    }
    return out;
  }

  /** Instances that still bill or could: not terminated, not preempted. */
  public List<FakeInstance> live() {
    return instances().stream().filter(FakeInstance::live).toList();
  }

  /** Instances created with {@code token} in the provider's tag field. */
  public List<FakeInstance> withToken(@Nullable String token) {
    return instances().stream().filter(i -> token != null && token.equals(i.token())).toList();
  }

  /** Tokens that more than one instance was created with: each is a duplicated launch. */
  public Map<String, Integer> duplicateTokens() {
    Map<String, Integer> counts = new LinkedHashMap<>();
    for (FakeInstance i : instances()) {
      if (i.token() != null) {
        counts.merge(i.token(), 1, Integer::sum);
      }
    }
    counts.values().removeIf(n -> n < 2);
    return counts;
  }

  /** Creates the fake carried out. */
  public int created() {
    return order.size();
  }

  /** Requests seen for {@code op} (faulted ones included). */
  public int calls(Op op) {
    AtomicInteger n = calls.get(op);
    return n == null ? 0 : n.get();
  }

  /** "OP METHOD path" of every request, in arrival order. */
  public List<String> requests() {
    return List.copyOf(requests);
  }

  /** Every request's arrival, in order (for pacing assertions such as Retry-After). */
  public List<Arrival> arrivals() {
    return List.copyOf(arrivals);
  }

  /** Why each refused request was refused (schema violations, unknown offers ...), in arrival order. */
  public List<String> refused() {
    return List.copyOf(refused);
  }

  Collection<FakeInstance> all() {
    return instances.values();
  }

  /** Forgets instances and requests (faults are cleared by the schedule). */
  public void clear() {
    instances.clear();
    order.clear();
    requests.clear();
    refused.clear();
    calls.clear();
    arrivals.clear();
  }
}
