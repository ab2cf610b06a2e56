package io.jtwisted.web.resource;

import io.jtwisted.web.http.Http;

/** 404 Not Found for everything below it, as Twisted's {@code resource.NoResource}. */
public class NoResource extends ErrorPage {
    public NoResource() {
        this("Sorry. No luck finding that resource.");
    }

    public NoResource(String message) {
        super(Http.NOT_FOUND, "No Such Resource", message);
    }
}
