package dev.providerapi.tensordock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.providerapi.tensordock.model.CloudInit;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CloudInitScriptTest {

  @Test
  void nothingToRunIsNoCloudInit() {
    assertThat(CloudInitScript.of(null, Map.of()).cloudInit()).isNull();
    assertThat(CloudInitScript.of("  ", Map.of()).cloudInit()).isNull();
  }

  @Test
  void envAloneBecomesAnExportingScriptRunOnceAndItsValuesStayOutOfToString() {
    CloudInit c = CloudInitScript.of(null, Map.of("TOKEN", "s3cr3t value")).cloudInit();
    assertThat(c.runcmd()).containsExactly(CloudInitScript.PATH);
    assertThat(c.writeFiles()).singleElement().satisfies(f -> {
      assertThat(f.path()).isEqualTo(CloudInitScript.PATH);
      assertThat(f.permissions()).isEqualTo("0700");
      assertThat(f.content()).isEqualTo(
          "#!/bin/bash\nexport TOKEN='s3cr3t value'\necho 'TOKEN=s3cr3t value' >> /etc/environment\n");
    });
    assertThat(c.toString()).doesNotContain("s3cr3t");
  }

  @Test
  void aForeignShebangIsKeptAndBadInputIsRefused() {
    assertThat(CloudInitScript.of("#!/usr/bin/env python3\nprint(1)", Map.of()).cloudInit().writeFiles().get(0)
        .content()).isEqualTo("#!/usr/bin/env python3\nprint(1)");
    assertThatThrownBy(() -> CloudInitScript.of("#cloud-config\nruncmd: []", Map.of()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("#cloud-config");
    assertThatThrownBy(() -> CloudInitScript.of("echo", Map.of("1BAD", "x")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1BAD");
  }
}
