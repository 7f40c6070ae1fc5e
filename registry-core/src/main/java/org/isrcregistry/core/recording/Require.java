package org.isrcregistry.core.recording;

/** Input checks for command and value records: these fail before any aggregate is loaded. */
final class Require {

    private Require() {
    }

    static <T> T present(T value, String what) {
        if (value == null) {
            throw new IllegalArgumentException(what + " is required");
        }
        return value;
    }
}
