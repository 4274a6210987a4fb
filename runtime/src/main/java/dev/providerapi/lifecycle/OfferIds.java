package dev.providerapi.lifecycle;

/**
 * The offer-id formats providers share. A malformed id is the caller's input, refused before anything is sent
 * with an IllegalArgumentException that shows an example of the right form.
 *
 * <ul>
 *   <li>{@code <instance type>@<region>} ({@code gpu_1x_h100_sxm5@us-east-1}, {@code A100-80G@ny2}):
 *       {@link #typeAtRegion(String, String, String)};
 *   <li>{@code <head>/<count>/<tail>} ({@code A40/1/ORD1}, {@code SECURE/1/NVIDIA H100 80GB HBM3}):
 *       {@link #counted};
 *   <li>a number (a marketplace's ask id): {@link #number}.
 * </ul>
 */
public final class OfferIds {
  private OfferIds() {}

  /**
   * An offer id of the {@code type@region} form.
   *
   * @param instanceType the provider's instance type
   * @param region the provider's region name
   */
  public record TypeAtRegion(String instanceType, String region) {
    @Override
    public String toString() {
      return instanceType + "@" + region;
    }
  }

  /**
   * An offer id of the {@code head/count/tail} form; the tail may itself contain slashes.
   *
   * @param head what comes before the count (a GPU class, a cloud)
   * @param count the GPU count, at least 1
   * @param tail what comes after it (a region, a GPU type id)
   */
  public record Counted(String head, int count, String tail) {
    @Override
    public String toString() {
      return head + "/" + count + "/" + tail;
    }
  }

  /**
   * Reads {@code type@region} (split at the last {@code @}).
   *
   * @param provider the provider's name, for the message
   * @param offerId the offer id
   * @param example a valid id, for the message
   * @return the instance type and region
   * @throws IllegalArgumentException if there is no {@code @} with text on both sides
   */
  public static TypeAtRegion typeAtRegion(String provider, String offerId, String example) {
    int at = offerId.lastIndexOf('@');
    if (at <= 0 || at == offerId.length() - 1) {
      throw new IllegalArgumentException(provider + " offer ids look like '" + example + "', got '" + offerId + "'");
    }
    return new TypeAtRegion(offerId.substring(0, at), offerId.substring(at + 1));
  }

  /**
   * Writes {@code type@region}.
   *
   * @param instanceType the provider's instance type
   * @param region the provider's region name
   * @return the offer id
   */
  public static String typeAtRegion(String instanceType, String region) {
    return instanceType + "@" + region;
  }

  /**
   * Reads {@code head/count/tail}: three parts, a count of at least 1 in the middle.
   *
   * @param provider the provider's name, for the message
   * @param offerId the offer id
   * @param example a valid id, for the message
   * @return the three parts
   * @throws IllegalArgumentException if the id is not of that form
   */
  public static Counted counted(String provider, String offerId, String example) {
    String[] parts = offerId.split("/", 3);
    if (parts.length != 3 || parts[0].isEmpty() || parts[2].isEmpty() || !parts[1].matches("[1-9][0-9]{0,5}")) {
      throw new IllegalArgumentException(provider + " offer ids look like '" + example + "', got '" + offerId + "'");
    }
    return new Counted(parts[0], Integer.parseInt(parts[1]), parts[2]);
  }

  /**
   * Reads a numeric offer id.
   *
   * @param provider the provider's name, for the message
   * @param offerId the offer id
   * @return the number
   * @throws IllegalArgumentException if the id is not a number
   */
  public static long number(String provider, String offerId) {
    try {
      return Long.parseLong(offerId.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(provider + " offer ids are numbers (the id of a search result), got '"
          + offerId + "'", e);
    }
  }
}
