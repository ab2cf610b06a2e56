package io.jtwisted.web.resource;

import io.jtwisted.web.http.Html;
import io.jtwisted.web.iweb.IRequest;
import java.nio.charset.StandardCharsets;

/**
 * A page that answers every request below it with one error status and a small HTML body, as
 * Twisted's {@code resource.ErrorPage} ({@code brief} as title and heading, {@code detail} as a
 * paragraph; both escaped).
 */
public class ErrorPage extends Resource {
    private final int code;
    private final String brief;
    private final String detail;

    public ErrorPage(int code, String brief, String detail) {
        this.code = code;
        this.brief = brief;
        this.detail = detail;
    }

    /** The status this page answers with. */
    public int code() {
        return code;
    }

    @Override
    public IResource getChild(String name, IRequest request) {
        return this;
    }

    @Override
    public byte[] render(IRequest request) {
        request.setResponseCode(code);
        request.setHeader("Content-Type", "text/html; charset=utf-8");
        String page =
                "<html>\n  <head><title>" + code + " - " + Html.escape(brief) + "</title></head>\n  <body>\n    <h1>"
                        + Html.escape(brief) + "</h1>\n    <p>" + Html.escape(detail) + "</p>\n  </body>\n</html>\n";
        return page.getBytes(StandardCharsets.UTF_8);
    }
}
