package dev.providerapi.generator.crd;

import dev.providerapi.generator.SpecReader;
import dev.providerapi.generator.inputs.ReferencedFiles;
import dev.providerapi.generator.model.ApiModel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** A Kubernetes CustomResourceDefinition through {@link CrdReader}; the API server is the kubeconfig's. */
public final class CrdSpecReader implements SpecReader {
  private static final Pattern CRD_KIND = Pattern.compile("(?m)^\\s*\"?kind\"?\\s*:\\s*\"?CustomResourceDefinition\"?");

  /** The CRD kind's reader; it holds no state between reads. */
  public CrdSpecReader() {}

  private final CrdReader reader = new CrdReader();

  @Override
  public String kind() {
    return "crd";
  }

  /** A file with {@code kind: CustomResourceDefinition} at the start of a line (YAML or JSON). */
  @Override
  public boolean accepts(Path file) {
    String text;
    try {
      text = new String(Files.readAllBytes(file), java.nio.charset.StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
    return CRD_KIND.matcher(text).find();
  }

  @Override
  public ApiModel read(Path spec, @Nullable String responseEnvelope) {
    return reader.read(spec, responseEnvelope);
  }

  @Override
  public Set<Path> inputs(Path spec) {
    return ReferencedFiles.ofSpec(spec);
  }

  @Override
  public String unnamedBaseUrl(String providerName) {
    return "https://kubernetes.invalid";
  }

  /** The kind without its group and version, split into words: {@code VirtualServer (x.io/v1)} -> {@code Virtual Server}. */
  @Override
  public String nameSource(ApiModel model) {
    String source = model.title();
    int paren = source.indexOf(" (");
    source = paren > 0 ? source.substring(0, paren) : source;
    // A kind is one camel-case word: VirtualServer -> Virtual Server.
    return source.replaceAll("([a-z0-9])([A-Z])", "$1 $2").replaceAll("([A-Z]+)([A-Z][a-z])", "$1 $2");
  }
}
