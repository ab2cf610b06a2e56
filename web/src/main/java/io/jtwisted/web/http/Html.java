package io.jtwisted.web.http;

/** HTML escaping for the pages the server writes itself (error pages, directory listings). */
public final class Html {
    private Html() {}

    /** {@code text} with {@code & < > " '} replaced by entities: safe in element content and in quoted attributes. */
    public static String escape(String text) {
        StringBuilder b = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String entity = switch (c) {
                case '&' -> "&amp;";
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '"' -> "&quot;";
                case '\'' -> "&#39;";
                default -> null;
            };
            if (entity != null && b == null) {
                b = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            if (b != null) {
                if (entity != null) {
                    b.append(entity);
                } else {
                    b.append(c);
                }
            }
        }
        return b == null ? text : b.toString();
    }
}
