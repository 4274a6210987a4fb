// Hand-written tests of the HyperstackProvider adapter. provider-api new wrote this start once; extend it
// with MockWebServer tests of each method you implement (see providers/lambda/src/test for the pattern).
package dev.providerapi.hyperstack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.providerapi.Provider;
import dev.providerapi.Providers;
import java.util.Set;
import org.junit.jupiter.api.Test;

class HyperstackProviderTest {

  @Test
  void isFoundByNameThroughServiceLoader() {
    Provider p = Providers.find("hyperstack").orElseThrow();

    assertThat(p).isInstanceOf(HyperstackProvider.class);
    assertThat(p.info().displayName()).isEqualTo("Hyperstack Infrahub API");
  }

  @Test
  void declaresTheCapabilitiesOfProviderYaml() {
    assertThat(Providers.find("hyperstack").orElseThrow().info().capabilities())
        .isEqualTo(Set.of(dev.providerapi.Capability.STOP_START, dev.providerapi.Capability.RESTART));
  }
}
