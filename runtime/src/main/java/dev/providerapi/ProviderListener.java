package dev.providerapi;

import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Receives a provider client's {@link ProviderEvent}s, on the calling thread, while the call runs: keep it
 * fast and thread-safe (one listener serves every thread using the provider). An exception thrown by a
 * listener is logged and otherwise ignored; it never fails the call.
 */
@FunctionalInterface
public interface ProviderListener {
  /** Ignores everything (the default). */
  ProviderListener NONE = event -> {};

  /**
   * Receives one event; see the interface's comment for the rules.
   *
   * @param event the event
   */
  void onEvent(ProviderEvent event);

  /**
   * Every event to each listener, in order.
   *
   * @param listeners the listeners
   * @return a listener that calls each of them in turn
   */
  static ProviderListener all(ProviderListener... listeners) {
    List<ProviderListener> list = List.of(listeners);
    return event -> list.forEach(l -> l.onEvent(event));
  }

  /**
   * Delivers {@code event}, containing a failing listener (what every emitter in the runtime calls).
   *
   * @param listener the listener
   * @param event the event
   * @throws NullPointerException if {@code event} is null
   */
  static void emit(ProviderListener listener, ProviderEvent event) {
    Objects.requireNonNull(event, "event");
    if (listener == NONE) {
      return;
    }
    try {
      listener.onEvent(event);
    } catch (RuntimeException e) {
      Holder.LOG.warn("ProviderListener {} failed on {}: {}", listener.getClass().getName(),
          event.getClass().getSimpleName(), e.toString());
    }
  }

  /** Keeps the logger out of the interface's public constants. */
  final class Holder {
    private static final Logger LOG = LoggerFactory.getLogger(ProviderListener.class);

    private Holder() {}
  }
}
