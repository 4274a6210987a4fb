package dev.providerapi;

/** Optional behaviour a provider may have. Declared in provider.yaml under {@code capabilities}. */
public enum Capability {
  /** Interruptible (spot / bid) instances. */
  SPOT,
  /** Stop and start an instance while keeping its disk. */
  STOP_START,
  /** Restart (reboot) an instance. */
  RESTART,
  /** A startup script (cloud-init user data, onstart, dockerArgs) runs at first boot. */
  STARTUP_SCRIPT,
  /** Environment variables passed to the instance. */
  ENV_VARS,
  /** A caller-chosen OS or container image. */
  CUSTOM_IMAGE,
  /** A caller-chosen disk size. */
  DISK_SIZE,
  /** SSH public keys installed at launch. */
  SSH_KEYS,
  /** Charges can be read back through the API, so billing can be verified without the console. */
  BILLING_VERIFICATION
}
