package dev.providerapi.paperspace;

import dev.providerapi.paperspace.api.PaperspaceApi;
import dev.providerapi.paperspace.model.CreateStartupScriptRequest;
import dev.providerapi.paperspace.model.StartupScript;
import dev.providerapi.paperspace.model.StartupScriptPage;
import dev.providerapi.lifecycle.Failures;
import dev.providerapi.lifecycle.Paginator;
import dev.providerapi.lifecycle.Values;
import dev.providerapi.spi.StartupScripts;
import java.util.Map;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Paperspace runs a startup script only as a stored resource given to the machine by id. The resource is
 * named after a hash of the script's content, so the same script is created once and reused by every launch.
 */
final class StartupScriptResources {
  static final String NAME_PREFIX = "provider-api-";

  private final Supplier<PaperspaceApi> api;

  StartupScriptResources(Supplier<PaperspaceApi> api) {
    this.api = api;
  }

  /** The id of the resource holding {@code script} with {@code env} folded in, or null when both are empty. */
  @Nullable String idFor(@Nullable String script, Map<String, String> env) {
    String content;
    try {
      content = StartupScripts.withEnv(script, env);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("paperspace launch: " + e.getMessage(), e);
    }
    if (content == null || content.isBlank()) {
      return null;
    }
    String name = nameFor(content);
    for (StartupScript existing : new Paginator("paperspace", "listStartupScripts").<StartupScript>byCursor(after -> {
      StartupScriptPage page = api.get().listStartupScripts(after, PaperspaceProvider.PAGE_SIZE, null, null, name);
      if (page == null) {
        throw Failures.unexpected("paperspace", "listStartupScripts", "a page of startup scripts answered no body");
      }
      return new Paginator.Page<>(page.items(), Boolean.TRUE.equals(page.hasMore()) ? page.nextPage() : null);
    })) {
      // The name filter is the server's; check it here too, and skip deleted or disabled scripts.
      if (name.equals(existing.name()) && existing.dtDeleted() == null && !Boolean.FALSE.equals(existing.isEnabled())) {
        return existing.id();
      }
    }
    // Run once, on first boot, like cloud-init user data elsewhere: a restart must not rerun a setup script.
    return api.get().createStartupScript(new CreateStartupScriptRequest(name, content, true)).id();
  }

  static String nameFor(String content) {
    return NAME_PREFIX + Values.sha256Hex(content).substring(0, 16);
  }
}
