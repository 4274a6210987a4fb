package dev.providerapi.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine;

/** The version Maven wrote into {@code provider-api-version.properties} at build time. */
final class VersionProvider implements CommandLine.IVersionProvider {
  @Override
  public String[] getVersion() throws IOException {
    Properties p = new Properties();
    try (InputStream in = VersionProvider.class.getResourceAsStream("/provider-api-version.properties")) {
      if (in != null) {
        p.load(in);
      }
    }
    return new String[] {"provider-api " + p.getProperty("version", "unknown"),
        "Java " + System.getProperty("java.version")};
  }
}
