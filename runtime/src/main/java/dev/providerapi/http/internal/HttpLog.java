package dev.providerapi.http.internal;

import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the chain's log lines go: SLF4J (logger {@code dev.providerapi.http}), and an optional listener that
 * sees exactly the same, already redacted, lines (tests use it to prove no secret is ever logged).
 */
public final class HttpLog {
  private static final Logger LOG = LoggerFactory.getLogger("dev.providerapi.http");

  private final @Nullable Consumer<String> listener;

  public HttpLog(@Nullable Consumer<String> listener) {
    this.listener = listener;
  }

  public boolean debugEnabled() {
    return LOG.isDebugEnabled() || listener != null;
  }

  public void debug(String line) {
    LOG.debug(line);
    if (listener != null) {
      listener.accept("DEBUG " + line);
    }
  }

  public void warn(String line) {
    LOG.warn(line);
    if (listener != null) {
      listener.accept("WARN " + line);
    }
  }
}
