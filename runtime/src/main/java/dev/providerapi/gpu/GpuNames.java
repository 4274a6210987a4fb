package dev.providerapi.gpu;

/** How GPU names are compared everywhere: case, spaces, dashes and underscores do not count. */
public final class GpuNames {
  private GpuNames() {}

  /**
   * {@code "RTX 4090"}, {@code rtx-4090}, {@code RTX_4090} -> {@code rtx4090}.
   *
   * @param name a GPU name
   * @return the name in lower case, without spaces, tabs, dashes and underscores
   */
  public static String normalize(String name) {
    StringBuilder sb = new StringBuilder(name.length());
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c != ' ' && c != '-' && c != '_' && c != '\t') {
        sb.append(Character.toLowerCase(c));
      }
    }
    return sb.toString();
  }
}
