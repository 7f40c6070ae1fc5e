/**
 * What a rule of the registry answers when a command would break it: {@link
 * org.isrcregistry.core.rule.RegistryRuleException}, with a stable kind, the field concerned and the action to take
 * (the HTTP API turns it into an RFC 9457 problem). Every feature refuses with it; the rules themselves live with the
 * feature they guard, in its aggregate or, for the set-based ones, in a port beside it
 * ({@code recording.RecordingCatalogue}, {@code prefix.RegistrantCodes}).
 */
package org.isrcregistry.core.rule;
