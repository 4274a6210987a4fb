package dev.providerapi.ops;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.providerapi.Secret;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The config file, {@code ~/.config/provider-api/config.yaml} unless {@code --config} names another. It may hold
 * API keys, so it is read only when neither group nor others may read or write it (mode 600 or 400); otherwise
 * the command stops with exit 2 and says how to fix it. Every provider takes the same keys:
 *
 * <pre>
 * ledger: ~/.local/share/provider-api/ledger.db    # or jdbc:postgresql://host/db, or {url:, user:, password:}
 * deadline: 20s                                    # each provider's deadline for fleet-wide calls
 * providers:
 *   lambda:     {apiKey: secret_..., baseUrl: https://..., deadline: 10s, enabled: true}
 *   coreweave:  {namespace: tenant-x, kubeconfig: ~/.kube/coreweave}
 * </pre>
 *
 * Unknown keys are an error naming the file and the key, so a typo never silently drops a credential.
 * {@link #toString()} shows no secret.
 */
final class OpsConfig {
  static final Set<String> TOP_KEYS = Set.of("ledger", "deadline", "providers");
  static final Set<String> PROVIDER_KEYS = Set.of("apiKey", "baseUrl", "deadline", "enabled", "namespace", "kubeconfig");
  static final Set<String> LEDGER_KEYS = Set.of("url", "user", "password");
  private static final Set<PosixFilePermission> OPEN = EnumSet.of(PosixFilePermission.GROUP_READ,
      PosixFilePermission.GROUP_WRITE, PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE);

  /** One provider's section. */
  record ProviderSection(@Nullable Secret apiKey, @Nullable String baseUrl, @Nullable Duration deadline,
      boolean enabled, @Nullable String namespace, @Nullable String kubeconfig) {
    static final ProviderSection EMPTY = new ProviderSection(null, null, null, true, null, null);

    @Override
    public String toString() {
      return "ProviderSection[apiKey=" + (apiKey == null ? "none" : "***") + ", baseUrl=" + baseUrl + ", deadline="
          + deadline + ", enabled=" + enabled + ", namespace=" + namespace + ", kubeconfig=" + kubeconfig + "]";
    }
  }

  final @Nullable Path file;
  final @Nullable String ledgerUrl;
  final @Nullable String ledgerUser;
  final @Nullable Secret ledgerPassword;
  final @Nullable Duration deadline;
  final Map<String, ProviderSection> providers;

  private OpsConfig(@Nullable Path file, @Nullable String ledgerUrl, @Nullable String ledgerUser,
      @Nullable Secret ledgerPassword, @Nullable Duration deadline, Map<String, ProviderSection> providers) {
    this.file = file;
    this.ledgerUrl = ledgerUrl;
    this.ledgerUser = ledgerUser;
    this.ledgerPassword = ledgerPassword;
    this.deadline = deadline;
    this.providers = Map.copyOf(providers);
  }

  static OpsConfig none() {
    return new OpsConfig(null, null, null, null, null, Map.of());
  }

  ProviderSection provider(String name) {
    return providers.getOrDefault(name, ProviderSection.EMPTY);
  }

  /**
   * Reads {@code explicit} (which must exist) or, when null, the default file if there is one.
   *
   * @throws UsageException when the file is unreadable, open to group or others, or malformed
   */
  static OpsConfig load(@Nullable Path explicit, Env env) {
    Path file = explicit != null ? explicit : env.defaultConfigFile();
    if (explicit == null && !Files.exists(file)) {
      return none();
    }
    checkMode(file);
    String text;
    try {
      text = Files.readString(file);
    } catch (NoSuchFileException e) {
      throw new UsageException(file + ": no such config file (given with --config)");
    } catch (IOException e) {
      throw new UsageException(file + ": cannot read the config file: " + e.getMessage());
    }
    return parse(file, text, env);
  }

  /** Refuses a file that group or others may read or write; skipped where the file system has no POSIX modes. */
  static void checkMode(Path file) {
    if (!Files.exists(file)) {
      throw new UsageException(file + ": no such config file (given with --config)");
    }
    if (Files.getFileAttributeView(file, PosixFileAttributeView.class) == null) {
      return;
    }
    Set<PosixFilePermission> perms;
    try {
      perms = Files.getPosixFilePermissions(file);
    } catch (IOException e) {
      throw new UsageException(file + ": cannot read the config file's mode: " + e.getMessage());
    }
    Set<PosixFilePermission> open = EnumSet.noneOf(PosixFilePermission.class);
    open.addAll(perms);
    open.retainAll(OPEN);
    if (!open.isEmpty()) {
      throw new UsageException(file + " may be read or written by " + who(open) + " (mode "
          + PosixFilePermissions.toString(perms) + "); it can hold API keys, so provider-api will not read it."
          + " Run: chmod 600 " + file);
    }
  }

  private static String who(Set<PosixFilePermission> open) {
    boolean group = open.contains(PosixFilePermission.GROUP_READ) || open.contains(PosixFilePermission.GROUP_WRITE);
    boolean others = open.contains(PosixFilePermission.OTHERS_READ) || open.contains(PosixFilePermission.OTHERS_WRITE);
    return group && others ? "its group and others" : group ? "its group" : "others";
  }

  static OpsConfig parse(Path file, String text, Env env) {
    JsonNode root;
    try {
      root = new ObjectMapper(new YAMLFactory()).readTree(text);
    } catch (JsonProcessingException e) {
      String where = e.getLocation() == null ? ""
          : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
      throw new UsageException(file + ": not valid YAML" + where + ": " + e.getOriginalMessage());
    }
    if (root == null || root.isMissingNode() || root.isNull()) {
      return new OpsConfig(file, null, null, null, null, Map.of());
    }
    if (!root.isObject()) {
      throw new UsageException(file + ": the top level must be a mapping with keys " + sorted(TOP_KEYS));
    }
    unknownKeys(file, "", root, TOP_KEYS);
    String ledgerUrl = null;
    String ledgerUser = null;
    Secret ledgerPassword = null;
    JsonNode ledger = root.get("ledger");
    if (ledger != null && !ledger.isNull()) {
      if (ledger.isTextual()) {
        ledgerUrl = expandHome(ledger.asText(), env);
      } else if (ledger.isObject()) {
        unknownKeys(file, "ledger.", ledger, LEDGER_KEYS);
        ledgerUrl = text(file, "ledger.url", ledger.get("url"));
        if (ledgerUrl == null) {
          throw new UsageException(file + " at ledger: a url is needed (a jdbc: URL or a file)");
        }
        ledgerUrl = expandHome(ledgerUrl, env);
        ledgerUser = text(file, "ledger.user", ledger.get("user"));
        String pw = text(file, "ledger.password", ledger.get("password"));
        ledgerPassword = pw == null ? null : Secret.of(pw);
      } else {
        throw new UsageException(file + " at ledger: a jdbc: URL, a file, or {url, user, password}");
      }
    }
    Duration deadline = duration(file, "deadline", root.get("deadline"));
    Map<String, ProviderSection> providers = new LinkedHashMap<>();
    JsonNode ps = root.get("providers");
    if (ps != null && !ps.isNull()) {
      if (!ps.isObject()) {
        throw new UsageException(file + " at providers: a mapping of provider name to its settings");
      }
      for (Iterator<Map.Entry<String, JsonNode>> it = ps.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        String name = e.getKey();
        String at = "providers." + name;
        JsonNode p = e.getValue();
        if (p == null || p.isNull()) {
          providers.put(name, ProviderSection.EMPTY);
          continue;
        }
        if (!p.isObject()) {
          throw new UsageException(file + " at " + at + ": a mapping with keys " + sorted(PROVIDER_KEYS));
        }
        unknownKeys(file, at + ".", p, PROVIDER_KEYS);
        String key = text(file, at + ".apiKey", p.get("apiKey"));
        JsonNode enabled = p.get("enabled");
        if (enabled != null && !enabled.isBoolean()) {
          throw new UsageException(file + " at " + at + ".enabled: true or false, got " + enabled);
        }
        String kubeconfig = text(file, at + ".kubeconfig", p.get("kubeconfig"));
        providers.put(name, new ProviderSection(key == null ? null : Secret.of(key),
            text(file, at + ".baseUrl", p.get("baseUrl")), duration(file, at + ".deadline", p.get("deadline")),
            enabled == null || enabled.asBoolean(), text(file, at + ".namespace", p.get("namespace")),
            kubeconfig == null ? null : expandHome(kubeconfig, env)));
      }
    }
    return new OpsConfig(file, ledgerUrl, ledgerUser, ledgerPassword, deadline, providers);
  }

  private static void unknownKeys(Path file, String prefix, JsonNode node, Set<String> allowed) {
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String k = it.next();
      if (!allowed.contains(k)) {
        throw new UsageException(file + " at " + prefix + k + ": unknown key; allowed: " + sorted(allowed));
      }
    }
  }

  private static @Nullable String text(Path file, String at, @Nullable JsonNode n) {
    if (n == null || n.isNull()) {
      return null;
    }
    if (!n.isValueNode() || n.isBoolean()) {
      // never echo the value: it may be a key pasted in the wrong shape
      throw new UsageException(file + " at " + at + ": a string is needed, got a " + n.getNodeType().name().toLowerCase());
    }
    String v = n.asText();
    return v.isBlank() ? null : v;
  }

  private static @Nullable Duration duration(Path file, String at, @Nullable JsonNode n) {
    String t = text(file, at, n);
    if (t == null) {
      return null;
    }
    try {
      Duration d = Durations.parse(t);
      if (d.isZero() || d.isNegative()) {
        throw new IllegalArgumentException("a deadline must be positive, got '" + t + "'");
      }
      return d;
    } catch (IllegalArgumentException e) {
      throw new UsageException(file + " at " + at + ": " + e.getMessage());
    }
  }

  static String expandHome(String path, Env env) {
    if (path.equals("~")) {
      return env.home().toString();
    }
    return path.startsWith("~/") ? env.home().resolve(path.substring(2)).toString() : path;
  }

  private static String sorted(Set<String> keys) {
    return keys.stream().sorted().toList().toString();
  }

  @Override
  public String toString() {
    return "OpsConfig[file=" + file + ", ledger=" + (ledgerUrl == null ? null
        : ledgerUrl.replaceAll("(?i)(password=)[^&;]*", "$1***")) + ", ledgerUser=" + ledgerUser
        + ", ledgerPassword=" + (ledgerPassword == null ? "none" : "***") + ", deadline=" + deadline
        + ", providers=" + providers + "]";
  }
}
