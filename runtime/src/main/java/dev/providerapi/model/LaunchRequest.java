package dev.providerapi.model;

import java.math.BigDecimal;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What to launch. Either {@code offerId} (from {@link Offer#id()}) or {@code instanceType} (+ {@code region})
 * says where. {@code clientToken} tags the instance (label or name) so an ambiguous failure can be resolved
 * by looking it up; the builder makes one when none is given.
 *
 * <p>{@link #toString()} shows neither environment values nor the startup script: both often hold secrets.
 *
 * @param offerId the offer to launch ({@link Offer#id()}); null to say where by instance type or GPU
 * @param instanceType the provider's instance type; null when {@code offerId} or {@code gpu} says it
 * @param region the region to launch in (canonical or provider name); null for the provider's choice
 * @param gpu a canonical GPU name or model prefix; null when the offer or instance type says it
 * @param gpuCount the number of GPUs
 * @param image the image or template to boot; null for the provider's default
 * @param sshKeys public SSH keys to install (copied)
 * @param startupScript a script to run at boot; null for none
 * @param env environment variables for the instance (copied)
 * @param diskGb the disk size in GB; null for the provider's default
 * @param market the market to buy in
 * @param spotBidPerHour a spot bid in USD per hour for the whole instance; only with market SPOT, null for the
 *     market price
 * @param clientToken the tag used to find the instance after an ambiguous failure; never blank
 * @param name the instance's name; null to use {@code clientToken}
 */
public record LaunchRequest(
    @Nullable String offerId,
    @Nullable String instanceType,
    @Nullable String region,
    @Nullable String gpu,
    int gpuCount,
    @Nullable String image,
    List<String> sshKeys,
    @Nullable String startupScript,
    Map<String, String> env,
    @Nullable Integer diskGb,
    Market market,
    @Nullable BigDecimal spotBidPerHour,
    String clientToken,
    @Nullable String name) {

  private static final SecureRandom RANDOM = new SecureRandom();

  /**
   * Checks the request and copies {@code sshKeys} and {@code env}.
   *
   * @param offerId the offer to launch ({@link Offer#id()}); null to say where by instance type or GPU
   * @param instanceType the provider's instance type; null when {@code offerId} or {@code gpu} says it
   * @param region the region to launch in (canonical or provider name); null for the provider's choice
   * @param gpu a canonical GPU name or model prefix; null when the offer or instance type says it
   * @param gpuCount the number of GPUs
   * @param image the image or template to boot; null for the provider's default
   * @param sshKeys public SSH keys to install (copied)
   * @param startupScript a script to run at boot; null for none
   * @param env environment variables for the instance (copied)
   * @param diskGb the disk size in GB; null for the provider's default
   * @param market the market to buy in
   * @param spotBidPerHour a spot bid in USD per hour for the whole instance; only with market SPOT, null for the
   *     market price
   * @param clientToken the tag used to find the instance after an ambiguous failure; never blank
   * @param name the instance's name; null to use {@code clientToken}
   * @throws IllegalArgumentException if none of {@code offerId}, {@code instanceType} and {@code gpu} is given,
   *     {@code clientToken} is blank, or a {@code spotBidPerHour} is given for a market other than SPOT
   * @throws NullPointerException if {@code market} or {@code clientToken} is null
   */
  public LaunchRequest {
    if (offerId == null && instanceType == null && gpu == null) {
      throw new IllegalArgumentException("a launch needs an offerId, an instanceType or a gpu");
    }
    Objects.requireNonNull(market, "market");
    Objects.requireNonNull(clientToken, "clientToken");
    if (clientToken.isBlank()) {
      throw new IllegalArgumentException("clientToken must not be blank");
    }
    if (spotBidPerHour != null && market != Market.SPOT) {
      throw new IllegalArgumentException("spotBidPerHour is only for market SPOT");
    }
    sshKeys = List.copyOf(sshKeys);
    env = Map.copyOf(env);
  }

  /**
   * The name to give the instance: the explicit name, else the client token.
   *
   * @return {@link #name()} if not null, else {@link #clientToken()}
   */
  public String effectiveName() {
    return name != null ? name : clientToken;
  }

  /**
   * A fresh client token: {@code pa-} and 16 random hex digits (fits every provider's name rules).
   *
   * @return a new random token
   */
  public static String newClientToken() {
    byte[] bytes = new byte[8];
    RANDOM.nextBytes(bytes);
    return "pa-" + HexFormat.of().formatHex(bytes);
  }

  /**
   * A builder with one GPU, market ON_DEMAND and no other field set; {@link Builder#build()} makes a client
   * token when none is given.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public String toString() {
    return "LaunchRequest[offerId=" + offerId + ", instanceType=" + instanceType + ", region=" + region
        + ", gpu=" + gpu + ", gpuCount=" + gpuCount + ", image=" + image + ", sshKeys=" + sshKeys.size()
        + " key(s), startupScript=" + (startupScript == null ? "none" : startupScript.length() + " chars")
        + ", env=" + env.keySet() + ", diskGb=" + diskGb + ", market=" + market
        + ", spotBidPerHour=" + spotBidPerHour + ", clientToken=" + clientToken + ", name=" + name + "]";
  }

  /** Builds a {@link LaunchRequest} field by field; see the record's components for what each one means. */
  public static final class Builder {
    private @Nullable String offerId;
    private @Nullable String instanceType;
    private @Nullable String region;
    private @Nullable String gpu;
    private int gpuCount = 1;
    private @Nullable String image;
    private final List<String> sshKeys = new ArrayList<>();
    private @Nullable String startupScript;
    private final Map<String, String> env = new LinkedHashMap<>();
    private @Nullable Integer diskGb;
    private Market market = Market.ON_DEMAND;
    private @Nullable BigDecimal spotBidPerHour;
    private @Nullable String clientToken;
    private @Nullable String name;

    /** An empty builder; {@link LaunchRequest#builder()} makes one. */
    private Builder() {}

    /**
     * Sets the offer to launch.
     *
     * @param v an {@link Offer#id()}, or null
     * @return this builder
     */
    public Builder offerId(@Nullable String v) { this.offerId = v; return this; }
    /**
     * Sets the provider's instance type.
     *
     * @param v the instance type, or null
     * @return this builder
     */
    public Builder instanceType(@Nullable String v) { this.instanceType = v; return this; }
    /**
     * Sets the region.
     *
     * @param v a canonical or provider region name, or null
     * @return this builder
     */
    public Builder region(@Nullable String v) { this.region = v; return this; }
    /**
     * Sets the GPU.
     *
     * @param v a canonical GPU name or model prefix, or null
     * @return this builder
     */
    public Builder gpu(@Nullable String v) { this.gpu = v; return this; }
    /**
     * Sets the number of GPUs (default 1).
     *
     * @param v the GPU count
     * @return this builder
     */
    public Builder gpuCount(int v) { this.gpuCount = v; return this; }
    /**
     * Sets the image to boot.
     *
     * @param v the image, or null for the provider's default
     * @return this builder
     */
    public Builder image(@Nullable String v) { this.image = v; return this; }
    /**
     * Adds one public SSH key.
     *
     * @param v the key
     * @return this builder
     */
    public Builder sshKey(String v) { this.sshKeys.add(v); return this; }
    /**
     * Adds public SSH keys.
     *
     * @param v the keys
     * @return this builder
     */
    public Builder sshKeys(List<String> v) { this.sshKeys.addAll(v); return this; }
    /**
     * Sets the startup script.
     *
     * @param v the script, or null for none
     * @return this builder
     */
    public Builder startupScript(@Nullable String v) { this.startupScript = v; return this; }
    /**
     * Adds one environment variable.
     *
     * @param key the variable's name
     * @param value its value
     * @return this builder
     */
    public Builder env(String key, String value) { this.env.put(key, value); return this; }
    /**
     * Adds environment variables.
     *
     * @param v the variables
     * @return this builder
     */
    public Builder env(Map<String, String> v) { this.env.putAll(v); return this; }
    /**
     * Sets the disk size.
     *
     * @param v the size in GB, or null for the provider's default
     * @return this builder
     */
    public Builder diskGb(@Nullable Integer v) { this.diskGb = v; return this; }
    /**
     * Sets the market (default ON_DEMAND).
     *
     * @param v the market
     * @return this builder
     */
    public Builder market(Market v) { this.market = v; return this; }
    /**
     * A spot bid in USD per hour for the whole instance; sets the market to SPOT.
     *
     * @param v the bid, or null for the market price (the market is then left as it is)
     * @return this builder
     */
    public Builder spotBidPerHour(@Nullable BigDecimal v) {
      this.spotBidPerHour = v;
      if (v != null) {
        this.market = Market.SPOT;
      }
      return this;
    }
    /**
     * Sets the client token.
     *
     * @param v the token, or null to have {@link #build()} make one
     * @return this builder
     */
    public Builder clientToken(@Nullable String v) { this.clientToken = v; return this; }
    /**
     * Sets the instance's name.
     *
     * @param v the name, or null to use the client token
     * @return this builder
     */
    public Builder name(@Nullable String v) { this.name = v; return this; }

    /**
     * Builds the request, with a {@link LaunchRequest#newClientToken() new client token} if none was set.
     *
     * @return the request
     * @throws IllegalArgumentException if the fields are inconsistent (see the record's constructor)
     */
    public LaunchRequest build() {
      return new LaunchRequest(offerId, instanceType, region, gpu, gpuCount, image, sshKeys, startupScript, env,
          diskGb, market, spotBidPerHour, clientToken != null ? clientToken : newClientToken(), name);
    }
  }
}
