package dev.providerapi.lifecycle;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The SSH key rules providers share: a launch's key is either public key text ({@code ssh-ed25519 AAAA... me@host})
 * or the name of a key already registered with the provider; a public key is registered once under a name derived
 * from its material, so the next launch with the same key finds it instead of registering it again.
 */
public final class SshKeys {
  private static final Pattern PUBLIC_KEY = Pattern.compile("^(ssh-|ecdsa-|sk-)\\S+ \\S+.*", Pattern.DOTALL);

  private SshKeys() {}

  /**
   * True for public key text (type and base64 body, comment optional), false for a registered key's name or id.
   *
   * @param key a key as the caller gave it
   * @return true if it is public key text
   */
  public static boolean isPublicKey(String key) {
    return PUBLIC_KEY.matcher(key.strip()).matches();
  }

  /**
   * The one key of a launch, stripped, for providers that take exactly one.
   *
   * @param what what the provider accepts, for the message: {@code "a registered key name or a public key"}
   * @throws IllegalArgumentException when there are none or several (the caller's input, refused before any call)
   * @param provider the provider's name, for the message
   * @param keys the launch's keys
   * @return the one key, stripped
   */
  public static String exactlyOne(String provider, List<String> keys, String what) {
    if (keys.size() != 1) {
      throw new IllegalArgumentException(provider + " launches take exactly one SSH key (" + what + "), got "
          + keys.size());
    }
    return keys.get(0).strip();
  }

  /**
   * The key type and base64 body of public key text, without the comment: what identifies the key.
   *
   * @param publicKey public key text
   * @return the type and body, joined by one space
   */
  public static String material(String publicKey) {
    String[] parts = publicKey.strip().split("\\s+");
    return parts.length >= 2 ? parts[0] + " " + parts[1] : publicKey.strip();
  }

  /**
   * True when two public keys have the same material (comments may differ).
   *
   * @param a public key text
   * @param b public key text
   * @return true if the type and body match
   */
  public static boolean sameKey(String a, String b) {
    return material(a).equals(material(b));
  }

  /**
   * The name a public key is registered under: {@code provider-api-} and the first 16 hex digits of the SHA-256
   * of its material, the same for every launch with that key.
   *
   * @param publicKey public key text
   * @return the name, {@code provider-api-} and 16 hex digits
   */
  public static String registeredName(String publicKey) {
    return "provider-api-" + Values.sha256Hex(material(publicKey)).substring(0, 16);
  }
}
