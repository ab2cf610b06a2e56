package io.jtwisted.internet.base;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;

/**
 * Names what a delayed call will run, for reports such as trial's dirty-reactor error: a lambda's
 * own class name ({@code Foo$$Lambda/0x...}) says little, so a lambda or method reference is named
 * after the class that wrote it and the objects it captured ({@code lambda in TimeoutMixin,
 * capturing TimeoutProtocol@1b6d3586}): the protocol that left the timer behind. Runs only when a
 * report is written, never when a call is scheduled.
 */
final class CallableNames {
    private static final String LAMBDA_MARK = "$$Lambda";

    private CallableNames() {}

    static String describe(Object callable) {
        String className = callable.getClass().getName();
        int mark = className.indexOf(LAMBDA_MARK);
        if (mark < 0) {
            return String.valueOf(callable);
        }
        String host = className.substring(0, mark);
        StringBuilder out = new StringBuilder("lambda in ").append(host.substring(host.lastIndexOf('.') + 1));
        List<String> captured = captured(callable);
        if (!captured.isEmpty()) {
            out.append(", capturing ").append(String.join(", ", captured));
        }
        return out.toString();
    }

    /** The captured values, each as class@identity (strings, numbers and booleans as themselves). */
    private static List<String> captured(Object lambda) {
        List<String> values = new ArrayList<>();
        for (Field field : lambda.getClass().getDeclaredFields()) {
            if (Modifier.isStatic(field.getModifiers())) {
                continue;
            }
            try {
                field.setAccessible(true);
                values.add(name(field.get(lambda)));
            } catch (RuntimeException | IllegalAccessException notOpenToUs) {
                // A lambda of a module that does not open its package to this one: name the host only.
                return List.of();
            }
        }
        return values;
    }

    private static String name(Object value) {
        if (value == null || value instanceof CharSequence || value instanceof Number || value instanceof Boolean) {
            return String.valueOf(value);
        }
        String simple = value.getClass().getSimpleName();
        if (simple.isEmpty()) { // an anonymous class: Outer$1
            simple = value.getClass()
                    .getName()
                    .substring(value.getClass().getName().lastIndexOf('.') + 1);
        }
        return simple + "@" + Integer.toHexString(System.identityHashCode(value));
    }
}
