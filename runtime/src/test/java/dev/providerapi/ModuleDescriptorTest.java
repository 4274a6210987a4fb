package dev.providerapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The module boundary module-path users get: the API packages exported, the HTTP chain's internals not. */
class ModuleDescriptorTest {
  static ModuleDescriptor descriptor() throws URISyntaxException {
    Path classes = Path.of(Provider.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    return ModuleFinder.of(classes).find("dev.providerapi.runtime").orElseThrow().descriptor();
  }

  @Test
  void everyPackageButTheInternalsIsExported() throws Exception {
    ModuleDescriptor d = descriptor();
    Set<String> exported = d.exports().stream().map(ModuleDescriptor.Exports::source).collect(Collectors.toSet());
    // a new package (as generated code uses dev.providerapi.lifecycle) must be exported on purpose
    assertThat(d.packages()).filteredOn(p -> !p.endsWith(".internal")).allMatch(exported::contains);
  }

  @Test
  void exportsTheApiAndNotTheInternals() throws Exception {
    ModuleDescriptor d = descriptor();
    Set<String> exported = d.exports().stream().map(ModuleDescriptor.Exports::source).collect(Collectors.toSet());
    assertThat(exported).containsExactlyInAnyOrder("dev.providerapi", "dev.providerapi.descriptor",
        "dev.providerapi.errors", "dev.providerapi.gpu", "dev.providerapi.http", "dev.providerapi.json",
        "dev.providerapi.lifecycle", "dev.providerapi.model", "dev.providerapi.spi");
    assertThat(d.packages()).contains("dev.providerapi.http.internal");
    assertThat(d.opens()).noneMatch(o -> o.source().equals("dev.providerapi.http.internal"));
    assertThat(d.uses()).containsExactly("dev.providerapi.Provider");
  }

  @Test
  void jacksonMayBindTheModelAndRequestBodies() throws Exception {
    assertThat(descriptor().opens()).allSatisfy(o -> assertThat(o.targets())
        .containsExactly("com.fasterxml.jackson.databind"))
        .extracting(ModuleDescriptor.Opens::source)
        .contains("dev.providerapi.model", "dev.providerapi.http");
  }
}
