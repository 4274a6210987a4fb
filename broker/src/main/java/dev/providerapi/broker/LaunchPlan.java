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
 *
 * @param filter which offers qualify, and the market to buy in
 * @param image the image to boot; null for the provider's default, where it has one
 * @param sshKeys the public SSH keys to install
 * @param startupScript the script the instance runs at boot; null for none
 * @param env environment variables for the instance
 * @param diskGb the disk size in GB; null for the provider's default
 * @param name the instance's name; null to name it by the client token
 * @param clientToken the token every attempt carries, so at most one instance is created for the plan
 * @param maxAttempts how many offers to try at most, at least 1
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

  /**
   * Checks the plan and copies its lists.
   *
   * @param filter which offers qualify, and the market to buy in
   * @param image the image to boot; null for the provider's default, where it has one
   * @param sshKeys the public SSH keys to install
   * @param startupScript the script the instance runs at boot; null for none
   * @param env environment variables for the instance
   * @param diskGb the disk size in GB; null for the provider's default
   * @param name the instance's name; null to name it by the client token
   * @param clientToken the token every attempt carries
   * @param maxAttempts how many offers to try at most
   * @throws IllegalArgumentException when {@code maxAttempts} is less than 1
   */
  public LaunchPlan {
    Objects.requireNonNull(filter, "filter");
    Objects.requireNonNull(clientToken, "clientToken");
    sshKeys = List.copyOf(sshKeys);
    env = Map.copyOf(env);
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
    }
  }

  /**
   * A builder for a plan over the offers {@code filter} selects.
   *
   * @param filter which offers qualify
   * @return a builder with no image, keys, script or environment, and at most 5 attempts
   */
  public static Builder builder(OfferFilter filter) {
    return new Builder(filter);
  }

  /**
   * The market to buy in: the filter's, else on-demand.
   *
   * @return the filter's market, or {@link Market#ON_DEMAND} when it names none
   */
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

  /** Builds a {@link LaunchPlan}; every setter returns this builder. Not thread-safe. */
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

    /**
     * The image to boot.
     *
     * @param v the image; null for the provider's default
     * @return this builder
     */
    public Builder image(@Nullable String v) { this.image = v; return this; }
    /**
     * Adds a public SSH key to install.
     *
     * @param v the key, as in {@code authorized_keys}
     * @return this builder
     */
    public Builder sshKey(String v) { this.sshKeys.add(v); return this; }
    /**
     * The script the instance runs at boot.
     *
     * @param v the script; null for none
     * @return this builder
     */
    public Builder startupScript(@Nullable String v) { this.startupScript = v; return this; }
    /**
     * Sets an environment variable for the instance.
     *
     * @param key the variable's name
     * @param value its value; a second call with the same key replaces it
     * @return this builder
     */
    public Builder env(String key, String value) { this.env.put(key, value); return this; }
    /**
     * The disk size.
     *
     * @param v the size in GB; null for the provider's default
     * @return this builder
     */
    public Builder diskGb(@Nullable Integer v) { this.diskGb = v; return this; }
    /**
     * The instance's name.
     *
     * @param v the name; null to name it by the client token
     * @return this builder
     */
    public Builder name(@Nullable String v) { this.name = v; return this; }
    /**
     * The client token every attempt carries.
     *
     * @param v the token; null to have {@link #build()} make a fresh one
     * @return this builder
     */
    public Builder clientToken(@Nullable String v) { this.clientToken = v; return this; }
    /**
     * How many offers to try at most (default 5).
     *
     * @param v the number of attempts, at least 1
     * @return this builder
     */
    public Builder maxAttempts(int v) { this.maxAttempts = v; return this; }

    /**
     * The plan, with a fresh client token when none was set.
     *
     * @return a new plan
     * @throws IllegalArgumentException when {@code maxAttempts} is less than 1
     */
    public LaunchPlan build() {
      return new LaunchPlan(filter, image, sshKeys, startupScript, env, diskGb, name,
          clientToken != null ? clientToken : LaunchRequest.newClientToken(), maxAttempts);
    }
  }
}
