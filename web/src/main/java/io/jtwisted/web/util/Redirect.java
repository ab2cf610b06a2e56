package io.jtwisted.web.util;

import io.jtwisted.web.http.Html;
import io.jtwisted.web.iweb.IRequest;
import io.jtwisted.web.resource.Resource;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/** Redirects every request below it to one URL (302 Found), as Twisted's {@code util.Redirect}. */
public class Redirect extends Resource {
    private final String url;

    public Redirect(String url) {
        this.url = Objects.requireNonNull(url, "url");
    }

    @Override
    public boolean isLeaf() {
        return true;
    }

    @Override
    public byte[] render(IRequest request) {
        return redirectTo(url, request);
    }

    /**
     * Sets {@code request} to redirect to {@code url} and returns a small page linking to it, as
     * Twisted's {@code util.redirectTo}.
     */
    public static byte[] redirectTo(String url, IRequest request) {
        request.redirect(url);
        request.setHeader("Content-Type", "text/html; charset=utf-8");
        String u = Html.escape(url);
        return ("<html>\n    <head>\n        <meta http-equiv=\"refresh\" content=\"0;URL=" + u + "\">\n    </head>\n"
                        + "    <body bgcolor=\"#FFFFFF\" text=\"#000000\">\n    <a href=\"" + u
                        + "\">click here</a>\n    </body>\n</html>\n")
                .getBytes(StandardCharsets.UTF_8);
    }
}
