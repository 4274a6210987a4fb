package dev.providerapi.gpu;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The catalog read from {@code gpu-catalog.yaml}, loaded once on first use. Every lookup goes through maps
 * keyed by {@link #normalize(String) normalized} names, so resolving a provider name is O(1).
 */
final class YamlGpuCatalog implements GpuCatalog {
  static final String RESOURCE = "/dev/providerapi/gpu/gpu-catalog.yaml";
  static final GpuCatalog STANDARD = new YamlGpuCatalog(RESOURCE);

  /** Count prefixes providers put in front of GPU names: {@code gpu_8x_...}, {@code 8x H100}, {@code 8 x A100}. */
  private static final Pattern COUNT_PREFIX = Pattern.compile("^(?:gpu_)?(\\d+)\\s*x[_\\s]+.+$",
      Pattern.CASE_INSENSITIVE);
  /** Vendor words that some providers prepend and others leave out. */
  private static final List<String> VENDOR_PREFIXES = List.of("nvidia", "geforce", "tesla");

  private final String resource;
  private volatile @Nullable Index index;

  YamlGpuCatalog(String resource) {
    this.resource = resource;
  }

  static String normalize(String name) {
    return GpuNames.normalize(name);
  }

  @Override
  public GpuType resolve(String provider, String providerName) {
    Index idx = index();
    String key = normalize(providerName);
    GpuType found = idx.lookup(provider, key);
    if (found == null) {
      found = idx.lookup(provider, stripVendor(key));
    }
    return found == null ? GpuType.unknown(providerName) : found.withProviderName(providerName);
  }

  @Override
  public Optional<Integer> countIn(String provider, String providerName) {
    Matcher m = COUNT_PREFIX.matcher(providerName.trim());
    return m.matches() ? Optional.of(Integer.parseInt(m.group(1))) : Optional.empty();
  }

  @Override
  public Optional<String> providerName(String provider, String canonicalName) {
    Index idx = index();
    GpuType gpu = idx.byCanonical.get(normalize(canonicalName));
    if (gpu == null) {
      return Optional.empty();
    }
    List<String> names = idx.preferredNames.getOrDefault(provider, Map.of()).get(gpu.canonicalName());
    return names == null || names.isEmpty() ? Optional.empty() : Optional.of(names.get(0));
  }

  @Override
  public List<GpuType> find(String canonicalNameOrModel) {
    Index idx = index();
    GpuType exact = idx.byCanonical.get(normalize(canonicalNameOrModel));
    if (exact != null) {
      return List.of(exact);
    }
    return idx.all.stream().filter(g -> matches(g, canonicalNameOrModel)).toList();
  }

  @Override
  public boolean matches(GpuType gpu, String filterTerm) {
    String term = normalize(filterTerm);
    if (term.isEmpty()) {
      return false;
    }
    if (normalize(gpu.canonicalName()).equals(term)) {
      return true;
    }
    if (!gpu.known()) {
      return false;
    }
    if (gpu.model() != null && normalize(gpu.model()).equals(term)) {
      return true;
    }
    // A prefix counts only at a dash boundary, so "A10" never matches "A100-SXM-80GB".
    String prefix = filterTerm.trim().toUpperCase(Locale.ROOT).replace(' ', '-').replace('_', '-');
    return gpu.canonicalName().toUpperCase(Locale.ROOT).startsWith(prefix + "-");
  }

  @Override
  public List<GpuType> all() {
    return index().all;
  }

  /** Canonical GPUs this provider has at least one alias for, in catalog order. */
  @Override
  public List<GpuType> forProvider(String provider) {
    Map<String, List<String>> names = index().preferredNames.getOrDefault(provider, Map.of());
    return index().all.stream().filter(g -> names.containsKey(g.canonicalName())).toList();
  }

  private static String stripVendor(String key) {
    String k = key;
    boolean stripped = true;
    while (stripped) {
      stripped = false;
      for (String v : VENDOR_PREFIXES) {
        if (k.startsWith(v) && k.length() > v.length()) {
          k = k.substring(v.length());
          stripped = true;
        }
      }
    }
    return k;
  }

  private Index index() {
    Index i = index;
    if (i == null) {
      synchronized (this) {
        i = index;
        if (i == null) {
          i = load();
          index = i;
        }
      }
    }
    return i;
  }

  private Index load() {
    ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
        .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
    CatalogFile file;
    try (InputStream in = YamlGpuCatalog.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("GPU catalog resource " + resource + " is missing from the class path");
      }
      file = yaml.readValue(in, CatalogFile.class);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read GPU catalog " + resource + ": " + e.getMessage(), e);
    }
    if (file.gpus == null || file.gpus.isEmpty()) {
      throw new IllegalStateException("GPU catalog " + resource + " declares no gpus");
    }
    return Index.build(resource, file.gpus);
  }

  /** The YAML file's shape. */
  static final class CatalogFile {
    public @Nullable LinkedHashMap<String, Entry> gpus;
  }

  static final class Entry {
    public @Nullable String model;
    public @Nullable Integer memoryGb;
    public @Nullable String formFactor;
    public LinkedHashMap<String, List<String>> aliases = new LinkedHashMap<>();
  }

  /** Immutable lookup tables built once from the file. */
  private static final class Index {
    final List<GpuType> all;
    final Map<String, GpuType> byCanonical;
    /** provider -> normalized alias -> GPU. */
    final Map<String, Map<String, GpuType>> byProviderAlias;
    /** normalized alias from any provider -> GPU, for names a provider shares with another. */
    final Map<String, GpuType> byAnyAlias;
    /** provider -> canonical name -> aliases in declared order (the first is preferred). */
    final Map<String, Map<String, List<String>>> preferredNames;

    private Index(List<GpuType> all, Map<String, GpuType> byCanonical, Map<String, Map<String, GpuType>> byProviderAlias,
        Map<String, GpuType> byAnyAlias, Map<String, Map<String, List<String>>> preferredNames) {
      this.all = all;
      this.byCanonical = byCanonical;
      this.byProviderAlias = byProviderAlias;
      this.byAnyAlias = byAnyAlias;
      this.preferredNames = preferredNames;
    }

    @Nullable GpuType lookup(String provider, String key) {
      GpuType g = byProviderAlias.getOrDefault(provider, Map.of()).get(key);
      if (g == null) {
        g = byCanonical.get(key);
      }
      if (g == null) {
        g = byAnyAlias.get(key);
      }
      return g;
    }

    static Index build(String resource, Map<String, Entry> gpus) {
      List<GpuType> all = new ArrayList<>();
      Map<String, GpuType> byCanonical = new HashMap<>();
      Map<String, Map<String, GpuType>> byProvider = new HashMap<>();
      Map<String, GpuType> byAny = new HashMap<>();
      Map<String, Map<String, List<String>>> preferred = new HashMap<>();
      for (Map.Entry<String, Entry> e : gpus.entrySet()) {
        String canonical = e.getKey();
        Entry entry = e.getValue();
        if (entry == null || entry.model == null || entry.memoryGb == null) {
          throw new IllegalStateException("GPU catalog " + resource + ": gpus." + canonical
              + " needs model and memoryGb");
        }
        GpuType gpu = new GpuType(canonical, entry.model, entry.memoryGb, entry.formFactor, true, null);
        if (byCanonical.putIfAbsent(normalize(canonical), gpu) != null) {
          throw new IllegalStateException("GPU catalog " + resource + ": gpus." + canonical
              + " duplicates another canonical name");
        }
        all.add(gpu);
        for (Map.Entry<String, List<String>> a : entry.aliases.entrySet()) {
          String provider = a.getKey();
          Map<String, GpuType> aliases = byProvider.computeIfAbsent(provider, k -> new HashMap<>());
          for (String alias : a.getValue()) {
            GpuType prev = aliases.putIfAbsent(normalize(alias), gpu);
            if (prev != null && prev != gpu) {
              throw new IllegalStateException("GPU catalog " + resource + ": " + provider + " alias '" + alias
                  + "' is declared for both " + prev.canonicalName() + " and " + canonical);
            }
            byAny.putIfAbsent(normalize(alias), gpu);
          }
          preferred.computeIfAbsent(provider, k -> new HashMap<>()).put(canonical, List.copyOf(a.getValue()));
        }
      }
      Map<String, Map<String, GpuType>> frozenProvider = new HashMap<>();
      byProvider.forEach((k, v) -> frozenProvider.put(k, Map.copyOf(v)));
      Map<String, Map<String, List<String>>> frozenPreferred = new HashMap<>();
      preferred.forEach((k, v) -> frozenPreferred.put(k, Map.copyOf(v)));
      return new Index(Collections.unmodifiableList(all), Map.copyOf(byCanonical), Map.copyOf(frozenProvider),
          Map.copyOf(byAny), Map.copyOf(frozenPreferred));
    }
  }
}
