package dev.providerapi.http.internal;

import dev.failsafe.CircuitBreaker;
import dev.providerapi.spi.RateLimitBuckets;
import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The state every client of one provider account shares in this JVM, per {@link RateLimitBuckets} store: the
 * rate-limit state and the circuit breaker. An account is a provider, an endpoint and its credentials, named by
 * a SHA-256 of them (never the credentials). Entries live as long as a client holds them.
 */
public final class SharedAccounts {
  private static final Map<Key, Ref> ACCOUNTS = new HashMap<>();
  private static final ReferenceQueue<Account> GONE = new ReferenceQueue<>();

  private SharedAccounts() {}

  /** One account's shared state; its parts are made by the first client that needs them. */
  public static final class Account {
    private final String key;
    private @Nullable AccountLimits limits;
    private @Nullable CircuitBreaker<HttpResult> breaker;

    private Account(String key) {
      this.key = key;
    }

    public String key() {
      return key;
    }

    public synchronized AccountLimits limits(Supplier<AccountLimits> create) {
      if (limits == null) {
        limits = create.get();
      }
      return limits;
    }

    public synchronized CircuitBreaker<HttpResult> breaker(Supplier<CircuitBreaker<HttpResult>> create) {
      if (breaker == null) {
        breaker = create.get();
      }
      return breaker;
    }
  }

  private record Key(RateLimitBuckets store, String account) {}

  private static final class Ref extends WeakReference<Account> {
    final Key key;

    Ref(Key key, Account account) {
      super(account, GONE);
      this.key = key;
    }
  }

  /** The shared state of the account named {@code accountKey} in {@code store}. */
  public static Account account(RateLimitBuckets store, String accountKey) {
    Key key = new Key(store, accountKey);
    synchronized (ACCOUNTS) {
      for (java.lang.ref.Reference<? extends Account> r; (r = GONE.poll()) != null; ) {
        Ref gone = (Ref) r;
        ACCOUNTS.remove(gone.key, gone);
      }
      Ref ref = ACCOUNTS.get(key);
      Account a = ref == null ? null : ref.get();
      if (a == null) {
        a = new Account(accountKey);
        ACCOUNTS.put(key, new Ref(key, a));
      }
      return a;
    }
  }

  /**
   * {@code provider-api:<provider>:<32 hex digits>}: the provider and a SHA-256 of the endpoint and the
   * credential values, so the key names the account without revealing anything that authenticates to it.
   */
  public static String accountKey(String provider, String endpoint, List<String> credentials) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(endpoint.getBytes(StandardCharsets.UTF_8));
      for (String c : credentials) {
        sha.update((byte) 0);
        sha.update(c.getBytes(StandardCharsets.UTF_8));
      }
      return "provider-api:" + provider + ":" + HexFormat.of().formatHex(sha.digest(), 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
