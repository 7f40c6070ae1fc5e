package org.isrcregistry.core.testing;

import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;
import org.isrcregistry.core.rule.RegistryRuleException;

public final class Refusals {

    private Refusals() {
    }

    /** A refusal of this kind whose message contains {@code text}. */
    public static Matcher<RegistryRuleException> refused(RegistryRuleException.Kind kind, String text) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(RegistryRuleException refusal) {
                return refusal.kind() == kind && refusal.getMessage().contains(text) && refusal.action() != null;
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a " + kind + " refusal saying \"" + text + "\"");
            }
        };
    }
}
