package dev.providerapi.tensordock;

import dev.providerapi.spi.StartupScripts;
import dev.providerapi.tensordock.model.CloudInit;
import dev.providerapi.tensordock.model.CloudInitFile;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A startup script and environment as TensorDock's {@code cloud_init} object. TensorDock takes cloud-config
 * keys, not user data, so the script (with the environment exported at its top and added to
 * {@code /etc/environment}) is written to a root-only file by {@code write_files} and run once by
 * {@code runcmd}. Kept in a file rather than inlined in runcmd: a multi-line script would otherwise have to
 * survive YAML and {@code sh -c} quoting, and the file's 0700 mode keeps secrets in the environment from other
 * users of the VM.
 */
final class CloudInitScript {
  static final String PATH = "/opt/provider-api/startup.sh";

  private CloudInitScript() {}

  /** Null cloud-init when there is nothing to run. */
  record Result(@Nullable CloudInit cloudInit) {}

  static Result of(@Nullable String script, Map<String, String> env) {
    String full = StartupScripts.executable(script, env);
    if (full == null) {
      return new Result(null);
    }
    CloudInitFile file = CloudInitFile.builder().path(PATH).content(full).permissions("0700").owner("root:root")
        .build();
    return new Result(CloudInit.builder().writeFiles(List.of(file)).runcmd(List.of(PATH)).build());
  }
}
