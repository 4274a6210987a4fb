package dev.providerapi.broker;

import dev.providerapi.model.LaunchRequest;
import dev.providerapi.model.Market;
import dev.providerapi.model.OfferFilter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One launch request to the fleet: which offers qualify ({@code filter}), what to run on the instance, and how
 * many offers to try at most. {@code clientToken} is shared by every attempt: since an attempt is only
 * followed by another when the provider proved it created nothing, at most one instance ever carries it.
 *
 * <p>{@link #toString()} shows neither environment values nor the startup script.
 */
public record LaunchPlan(
    OfferFilter filter,
    @Nullable String image,
    List<String> sshKeys,
    @Nullable String startupScript,
    Map<String, String> env,
    @Nullable Integer diskGb,
    @Nullable String name,
    String clientToken,
    int maxAttempts) {

  public LaunchPlan {
    Objects.requireNonNull(filter, "filter");
    Objects.requireNonNull(clientToken, "clientToken");
    sshKeys = List.copyOf(sshKeys);
    env = Map.copyOf(env);
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
    }
  }

  public static Builder builder(OfferFilter filter) {
    return new Builder(filter);
  }

  /** The market to buy in: the filter's, else on-demand. */
  public Market market() {
    return filter.market() == null ? Market.ON_DEMAND : filter.market();
  }

  /** The provider request for one offer of this plan. */
  LaunchRequest requestFor(dev.providerapi.model.Offer offer) {
    return LaunchRequest.builder().offerId(offer.id()).instanceType(offer.instanceType()).region(offer.region())
        .gpu(offer.gpu().canonicalName()).gpuCount(offer.gpuCount()).image(image).sshKeys(sshKeys)
        .startupScript(startupScript).env(env).diskGb(diskGb).market(market()).clientToken(clientToken)
        .name(name).build();
  }

  @Override
  public String toString() {
    return "LaunchPlan[filter=" + filter + ", image=" + image + ", sshKeys=" + sshKeys.size()
        + " key(s), startupScript=" + (startupScript == null ? "none" : startupScript.length() + " chars")
        + ", env=" + env.keySet() + ", diskGb=" + diskGb + ", name=" + name + ", clientToken=" + clientToken
        + ", maxAttempts=" + maxAttempts + "]";
  }

  public static final class Builder {
    private final OfferFilter filter;
    private @Nullable String image;
    private final List<String> sshKeys = new ArrayList<>();
    private @Nullable String startupScript;
    private final Map<String, String> env = new LinkedHashMap<>();
    private @Nullable Integer diskGb;
    private @Nullable String name;
    private @Nullable String clientToken;
    private int maxAttempts = 5;

    private Builder(OfferFilter filter) {
      this.filter = filter;
    }

    public Builder image(@Nullable String v) { this.image = v; return this; }
    public Builder sshKey(String v) { this.sshKeys.add(v); return this; }
    public Builder startupScript(@Nullable String v) { this.startupScript = v; return this; }
    public Builder env(String key, String value) { this.env.put(key, value); return this; }
    public Builder diskGb(@Nullable Integer v) { this.diskGb = v; return this; }
    public Builder name(@Nullable String v) { this.name = v; return this; }
    public Builder clientToken(@Nullable String v) { this.clientToken = v; return this; }
    /** How many offers to try at most (default 5). */
    public Builder maxAttempts(int v) { this.maxAttempts = v; return this; }

    public LaunchPlan build() {
      return new LaunchPlan(filter, image, sshKeys, startupScript, env, diskGb, name,
          clientToken != null ? clientToken : LaunchRequest.newClientToken(), maxAttempts);
    }
  }
}
