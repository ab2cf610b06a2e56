package io.jtwisted.web.resource;

import io.jtwisted.web.http.Http;

/** 403 Forbidden for everything below it, as Twisted's {@code resource.ForbiddenResource}. */
public class ForbiddenResource extends ErrorPage {
    public ForbiddenResource() {
        this("Sorry, resource is forbidden.");
    }

    public ForbiddenResource(String message) {
        super(Http.FORBIDDEN, "Forbidden Resource", message);
    }
}
