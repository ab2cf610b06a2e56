package io.jtwisted.internet.endpoints;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Splits an endpoint description ({@code "tcp:8080:interface=127.0.0.1"}) into positional and
 * keyword arguments with Twisted's rules: {@code ':'} separates arguments, the first {@code '='}
 * of an argument separates key from value, a backslash makes the next character literal.
 */
final class Descriptions {
    /** The parsed arguments: {@code args.get(0)} is the endpoint type. */
    record Parsed(List<String> args, Map<String, String> kwargs) {}

    private Descriptions() {}

    static Parsed parse(String description) {
        if (description == null) {
            throw new IllegalArgumentException("endpoint description is null");
        }
        List<String> args = new ArrayList<>();
        Map<String, String> kwargs = new LinkedHashMap<>();
        List<String> sofar = new ArrayList<>(2);
        StringBuilder current = new StringBuilder();
        boolean equalsAllowed = true; // after '=', only ':' is an operator until the next ':'
        for (int i = 0; i < description.length(); i++) {
            char c = description.charAt(i);
            if (c == ':' || (c == '=' && equalsAllowed)) {
                sofar.add(current.toString());
                current.setLength(0);
                if (c == ':') {
                    add(sofar, args, kwargs, description);
                    sofar.clear();
                    equalsAllowed = true;
                } else {
                    equalsAllowed = false;
                }
            } else if (c == '\\') {
                if (i + 1 >= description.length()) {
                    throw new IllegalArgumentException(
                            "Invalid endpoint description '" + description + "': it ends with an unescaped backslash");
                }
                current.append(description.charAt(++i));
            } else {
                current.append(c);
            }
        }
        sofar.add(current.toString());
        add(sofar, args, kwargs, description);
        return new Parsed(args, kwargs);
    }

    private static void add(List<String> sofar, List<String> args, Map<String, String> kwargs, String description) {
        if (sofar.size() == 1) {
            args.add(sofar.get(0));
        } else {
            String key = sofar.get(0);
            if (key.isEmpty()) {
                throw new IllegalArgumentException(
                        "Invalid endpoint description '" + description + "': empty parameter name");
            }
            kwargs.put(key, sofar.get(1));
        }
    }

    /** Escapes {@code argument} for use as one argument of a description, as Twisted's {@code quoteStringArgument}. */
    static String quote(String argument) {
        StringBuilder out = new StringBuilder(argument.length() + 4);
        for (int i = 0; i < argument.length(); i++) {
            char c = argument.charAt(i);
            if (c == '\\' || c == ':') {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }

    /**
     * The description that parses back into {@code args} and {@code kwargs}, as Twisted's
     * {@code unparseEndpoint}: quoted positional arguments, then the keyword arguments sorted by name.
     */
    static String unparse(List<String> args, Map<String, String> kwargs) {
        List<String> parts = new ArrayList<>(args.size() + kwargs.size());
        for (String arg : args) {
            parts.add(quote(arg));
        }
        kwargs.entrySet().stream()
                .sorted(Map.Entry.comparingByKey(Comparator.naturalOrder()))
                .forEach(entry -> parts.add(quote(entry.getKey()) + "=" + quote(entry.getValue())));
        return String.join(":", parts);
    }
}
