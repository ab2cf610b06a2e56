package io.jtwisted.web.staticfiles;

import io.jtwisted.web.http.Http;
import io.jtwisted.web.iweb.IRequest;

/** The preconditions of RFC 9110 13.2.2, in its order, for a representation with a strong ETag and a date. */
final class Conditional {
    private Conditional() {}

    /** 200 to go on, 304 or 412 to answer with. */
    static int evaluate(IRequest request, String etag, long modified) {
        boolean getOrHead = "GET".equals(request.method()) || "HEAD".equals(request.method());
        String ifMatch = request.getHeader("if-match");
        if (ifMatch != null) {
            if (!matches(ifMatch, etag, false)) {
                return Http.PRECONDITION_FAILED;
            }
        } else {
            String ius = request.getHeader("if-unmodified-since");
            if (ius != null) {
                long since = Http.stringToDatetime(ius);
                if (since >= 0 && modified > since) {
                    return Http.PRECONDITION_FAILED;
                }
            }
        }
        String ifNoneMatch = request.getHeader("if-none-match");
        if (ifNoneMatch != null) {
            if (matches(ifNoneMatch, etag, true)) {
                return getOrHead ? Http.NOT_MODIFIED : Http.PRECONDITION_FAILED;
            }
            return Http.OK; // If-Modified-Since is ignored when If-None-Match is present
        }
        String ims = request.getHeader("if-modified-since");
        if (ims != null && getOrHead) {
            long since = Http.stringToDatetime(ims);
            if (since >= 0 && modified <= since) {
                return Http.NOT_MODIFIED;
            }
        }
        return Http.OK;
    }

    /** Whether a Range header is to be honoured given If-Range (absent, or naming this representation). */
    static boolean rangeApplies(IRequest request, String etag, long modified) {
        String ifRange = request.getHeader("if-range");
        if (ifRange == null) {
            return true;
        }
        String v = ifRange.strip();
        if (v.startsWith("\"")) {
            return v.equals(etag);
        }
        if (v.startsWith("W/")) {
            return false; // a weak validator never matches for If-Range
        }
        return Http.stringToDatetime(v) == modified;
    }

    /** Whether the list {@code header} ("*", or tags) names {@code etag}; weak comparison drops W/ prefixes. */
    static boolean matches(String header, String etag, boolean weak) {
        String h = header.strip();
        if (h.equals("*")) {
            return true;
        }
        for (String raw : h.split(",")) {
            String tag = raw.strip();
            if (tag.startsWith("W/")) {
                if (!weak) {
                    continue;
                }
                tag = tag.substring(2);
            }
            if (tag.equals(etag)) {
                return true;
            }
        }
        return false;
    }
}
