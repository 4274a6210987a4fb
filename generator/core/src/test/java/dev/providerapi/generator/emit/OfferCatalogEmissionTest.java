package dev.providerapi.generator.emit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.providerapi.descriptor.OfferCatalog;
import dev.providerapi.descriptor.ProviderDescriptor;
import dev.providerapi.generator.model.ApiModel;
import dev.providerapi.generator.testing.Compiled;
import dev.providerapi.generator.testing.TestManifests;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A declared offer catalog survives the trip provider.yaml -> generated descriptor constant, exactly. */
class OfferCatalogEmissionTest {

  @Test
  void theGeneratedDescriptorCarriesTheCatalog() throws Exception {
    OfferCatalog catalog = new OfferCatalog(LocalDate.of(2023, 12, 31), "list", null, List.of(
        new OfferCatalog.Entry("A40", List.of(1, 8), List.of("ORD1", "LAS1"), new BigDecimal("1.28")),
        new OfferCatalog.Entry("RTX_A4000", List.of(1), List.of("LGA1"), new BigDecimal("0.610"))));
    ProviderDescriptor d = ProviderDescriptor.builder("cat").baseUrl("https://api.example.test")
        .offerCatalog(catalog).build();
    ApiModel empty = new ApiModel("Cat", "1", null, List.of(), List.of(), List.of(), "spec.yaml");
    Compiled compiled = Compiled.compile(JavaEmitters.emit(empty, TestManifests.manifest(d, "test.cat", "Cat")));
    ProviderDescriptor emitted = (ProviderDescriptor) compiled.load("test.cat.CatProviderBase")
        .getField("DESCRIPTOR").get(null);
    assertThat(emitted.offerCatalog()).isEqualTo(catalog);
  }
}
