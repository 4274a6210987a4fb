package dev.providerapi.sandbox;

/** The operations of a fake a fault can target (each fake maps its API's requests onto these). */
public enum Op {
  OFFERS, CREATE, GET, LIST, TERMINATE, STOP, START, RESTART, BILLING,
  /** Everything else (SSH keys, images, templates, startup scripts, events). */
  OTHER
}
