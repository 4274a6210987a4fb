package dev.providerapi.generator.inputs;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The version of this generator, as Maven wrote it at build time. It is recorded in every
 * {@code generated.manifest}, so output from another generator version counts as out of date.
 */
public final class GeneratorVersion {
  private static final String RESOURCE = "/dev/providerapi/generator/generator-version.properties";
  private static final String VERSION = load();

  private GeneratorVersion() {}

  /**
   * This generator's version.
   *
   * @return the Maven project version it was built as
   */
  public static String get() {
    return VERSION;
  }

  private static String load() {
    Properties p = new Properties();
    try (InputStream in = GeneratorVersion.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing " + RESOURCE + " in the generator jar");
      }
      p.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE + ": " + e.getMessage(), e);
    }
    String v = p.getProperty("version", "");
    // Unfiltered (e.g. run from an IDE without Maven resources processing): still a stable value.
    return v.isBlank() || v.startsWith("${") ? "dev" : v;
  }
}
