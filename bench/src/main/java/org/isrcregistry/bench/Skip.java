package org.isrcregistry.bench;

/** A scenario that cannot run against this registry yet, typically because an API endpoint does not exist. */
final class Skip extends RuntimeException {

    Skip(String reason) {
        super(reason);
    }

    /** Spring's answer for a path no controller maps: 404 or 405 with the generic problem type, not the registry's. */
    static Http.Response unlessRouted(Http.Response response, String what) {
        boolean generic = !response.body().contains("\"type\"") || response.body().contains("about:blank");
        if ((response.status() == 404 || response.status() == 405) && generic) {
            throw new Skip("waiting for the API: " + what + " answers " + response.status());
        }
        return response;
    }
}
