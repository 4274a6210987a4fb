package dev.providerapi.gpu;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class YamlGpuCatalogTest {
  private final GpuCatalog catalog = GpuCatalog.standard();

  @ParameterizedTest(name = "{0} {1} -> {2}")
  @CsvSource(delimiter = '|', value = {
      "lambda     | h100_sxm5                | H100-SXM-80GB",
      "lambda     | a100_80gb_sxm4           | A100-SXM-80GB",
      "lambda     | gh200                    | GH200-96GB",
      "lambda     | b200_sxm6                | B200-SXM-180GB",
      "lambda     | a6000                    | A6000-48GB",
      "runpod     | NVIDIA H100 80GB HBM3    | H100-SXM-80GB",
      "runpod     | NVIDIA GeForce RTX 4090  | RTX-4090-24GB",
      "runpod     | NVIDIA RTX 6000 Ada Generation | RTX-6000-ADA-48GB",
      "runpod     | NVIDIA A100-SXM4-80GB    | A100-SXM-80GB",
      "tensordock | geforcertx4090-pcie-24gb | RTX-4090-24GB",
      "tensordock | h100-sxm5-80gb           | H100-SXM-80GB",
      "vast       | RTX 4090                 | RTX-4090-24GB",
      "vast       | RTX_3090                 | RTX-3090-24GB",
      "vast       | H100 SXM                 | H100-SXM-80GB",
      "coreweave  | H100_NVLINK_80GB         | H100-SXM-80GB",
      "coreweave  | A100_PCIE_40GB           | A100-PCIE-40GB",
      "coreweave  | RTX_A6000                | A6000-48GB",
      "coreweave  | Quadro_RTX_4000          | QUADRO-RTX-4000-8GB",
      "paperspace | A100-80G                 | A100-SXM-80GB",
  })
  void resolvesProviderNames(String provider, String raw, String canonical) {
    GpuType gpu = catalog.resolve(provider, raw);
    assertThat(gpu.known()).isTrue();
    assertThat(gpu.canonicalName()).isEqualTo(canonical);
    assertThat(gpu.providerName()).isEqualTo(raw);
  }

  @Test
  void matchingIgnoresCaseSpacesDashesAndUnderscores() {
    assertThat(catalog.resolve("vast", "rtx-4090").canonicalName()).isEqualTo("RTX-4090-24GB");
    assertThat(catalog.resolve("runpod", "nvidia_h100_80gb_hbm3").canonicalName()).isEqualTo("H100-SXM-80GB");
    assertThat(catalog.resolve("lambda", "H100-SXM5").canonicalName()).isEqualTo("H100-SXM-80GB");
  }

  @Test
  void canonicalNamesResolveForAnyProvider() {
    GpuType gpu = catalog.resolve("someone-new", "h100 sxm 80gb");
    assertThat(gpu.canonicalName()).isEqualTo("H100-SXM-80GB");
    assertThat(gpu.model()).isEqualTo("H100");
    assertThat(gpu.memoryGb()).isEqualTo(80);
    assertThat(gpu.formFactor()).isEqualTo("SXM");
  }

  @Test
  void unknownNamesPassThroughFlagged() {
    GpuType gpu = catalog.resolve("vast", "Voodoo 5 6000");
    assertThat(gpu.known()).isFalse();
    assertThat(gpu.canonicalName()).isEqualTo("Voodoo 5 6000");
    assertThat(gpu.providerName()).isEqualTo("Voodoo 5 6000");
    assertThat(gpu.model()).isNull();
  }

  @Test
  void findByModelReturnsEveryVariant() {
    List<String> h100 = catalog.find("H100").stream().map(GpuType::canonicalName).toList();
    assertThat(h100).containsExactlyInAnyOrder("H100-SXM-80GB", "H100-PCIE-80GB", "H100-NVL-94GB");
    assertThat(catalog.find("h100-sxm-80gb")).extracting(GpuType::canonicalName).containsExactly("H100-SXM-80GB");
    assertThat(catalog.find("A10")).extracting(GpuType::canonicalName).containsExactly("A10-24GB");
    assertThat(catalog.find("no-such-gpu")).isEmpty();
  }

  @Test
  void matchesModelPrefixOrExactName() {
    GpuType sxm = catalog.find("H100-SXM-80GB").get(0);
    assertThat(catalog.matches(sxm, "H100")).isTrue();
    assertThat(catalog.matches(sxm, "h100")).isTrue();
    assertThat(catalog.matches(sxm, "H100-SXM")).isTrue();
    assertThat(catalog.matches(sxm, "H100-SXM-80GB")).isTrue();
    assertThat(catalog.matches(sxm, "H100-PCIE-80GB")).isFalse();
    assertThat(catalog.matches(sxm, "H10")).isFalse();
    GpuType a100 = catalog.find("A100-SXM-80GB").get(0);
    assertThat(catalog.matches(a100, "A10")).isFalse();
    GpuType rtx = catalog.find("RTX-4090-24GB").get(0);
    assertThat(catalog.matches(rtx, "RTX 4090")).isTrue();
    assertThat(catalog.matches(GpuType.unknown("Mystery X"), "mystery-x")).isTrue();
    assertThat(catalog.matches(GpuType.unknown("Mystery X"), "H100")).isFalse();
  }

  @Test
  void preferredProviderNameIsTheFirstAlias() {
    assertThat(catalog.providerName("lambda", "H100-SXM-80GB")).contains("h100_sxm5");
    assertThat(catalog.providerName("runpod", "h100-sxm-80gb")).contains("NVIDIA H100 80GB HBM3");
    assertThat(catalog.providerName("coreweave", "H100-SXM-80GB")).contains("H100_NVLINK_80GB");
    assertThat(catalog.providerName("lambda", "RTX-4090-24GB")).isEmpty();
    assertThat(catalog.providerName("lambda", "nonsense")).isEmpty();
  }

  @Test
  void countInReadsCommonCountPrefixes() {
    assertThat(catalog.countIn("lambda", "gpu_8x_h100_sxm5")).contains(8);
    assertThat(catalog.countIn("vast", "4x RTX 4090")).contains(4);
    assertThat(catalog.countIn("vast", "RTX 4090")).isEmpty();
  }

  @Test
  void catalogCoversTheRequiredGpusWithConsistentData() {
    List<String> names = catalog.all().stream().map(GpuType::canonicalName).toList();
    assertThat(names).contains("H100-SXM-80GB", "H100-PCIE-80GB", "H100-NVL-94GB", "H200-SXM-141GB", "GH200-96GB",
        "B200-SXM-180GB", "A100-SXM-80GB", "A100-SXM-40GB", "A100-PCIE-80GB", "A100-PCIE-40GB", "A10-24GB",
        "A10G-24GB", "A40-48GB", "A6000-48GB", "A5000-24GB", "A4000-16GB", "RTX-6000-ADA-48GB", "L40S-48GB",
        "L40-48GB", "L4-24GB", "RTX-4090-24GB", "RTX-3090-24GB", "RTX-5090-32GB", "V100-SXM-16GB", "V100-SXM-32GB",
        "T4-16GB", "QUADRO-RTX-6000-24GB", "QUADRO-RTX-8000-48GB");
    for (GpuType g : catalog.all()) {
      assertThat(g.known()).isTrue();
      assertThat(g.canonicalName()).as("memory in the name of %s", g.canonicalName()).endsWith("-" + g.memoryGb() + "GB");
    }
    assertThat(catalog.forProvider("coreweave")).extracting(GpuType::canonicalName).contains("H100-SXM-80GB", "A40-48GB")
        .doesNotContain("RTX-4090-24GB");
  }

  @Test
  void aMissingResourceFailsWithItsName() {
    YamlGpuCatalog broken = new YamlGpuCatalog("/no/such/catalog.yaml");
    org.assertj.core.api.Assertions.assertThatThrownBy(broken::all)
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("/no/such/catalog.yaml");
  }
}
