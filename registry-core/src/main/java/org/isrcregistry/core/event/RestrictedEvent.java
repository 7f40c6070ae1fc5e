package org.isrcregistry.core.event;

/**
 * An event that names a registrant or ties a prefix to one. IFPI Bulletin 2006/02: agencies do not disclose who holds
 * a registrant code to third parties, so these events never reach the public topics (docs/kafka.md).
 */
public interface RestrictedEvent extends RegistryEvent {
}
