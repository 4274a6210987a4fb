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

  /** An empty state: no instances, no requests seen. */
  public FakeState() {}

  /**
   * One request's arrival: its operation and {@link System#nanoTime()}.
   *
   * @param op the operation the request was for
   * @param method the request's HTTP method
   * @param path the request's path
   * @param atNanos {@link System#nanoTime()} when it arrived
   */
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

  /**
   * The instance with id {@code id}, terminated or not.
   *
   * @param id the fake's instance id
   * @return the instance, or empty when the fake never created one with that id
   */
  public Optional<FakeInstance> instance(String id) {
    return Optional.ofNullable(instances.get(id));
  }

  /**
   * Every instance ever created, oldest first (terminated ones included).
   *
   * @return a new list
   */
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

  /**
   * Instances that still bill or could: not terminated, not preempted.
   *
   * @return those instances, oldest first
   */
  public List<FakeInstance> live() {
    return instances().stream().filter(FakeInstance::live).toList();
  }

  /**
   * Instances created with {@code token} in the provider's tag field.
   *
   * @param token the tag; null matches nothing
   * @return those instances, oldest first
   */
  public List<FakeInstance> withToken(@Nullable String token) {
    return instances().stream().filter(i -> token != null && token.equals(i.token())).toList();
  }

  /**
   * Tokens that more than one instance was created with: each is a duplicated launch.
   *
   * @return each such token with its number of instances; empty when no launch was duplicated
   */
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

  /**
   * Creates the fake carried out.
   *
   * @return how many instances it created since the last {@link #clear()}
   */
  public int created() {
    return order.size();
  }

  /**
   * Requests seen for {@code op} (faulted ones included).
   *
   * @param op the operation
   * @return how many requests for it arrived
   */
  public int calls(Op op) {
    AtomicInteger n = calls.get(op);
    return n == null ? 0 : n.get();
  }

  /**
   * "OP METHOD path" of every request, in arrival order.
   *
   * @return a copy
   */
  public List<String> requests() {
    return List.copyOf(requests);
  }

  /**
   * Every request's arrival, in order (for pacing assertions such as Retry-After).
   *
   * @return a copy
   */
  public List<Arrival> arrivals() {
    return List.copyOf(arrivals);
  }

  /**
   * Why each refused request was refused (schema violations, unknown offers ...), in arrival order.
   *
   * @return a copy
   */
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
