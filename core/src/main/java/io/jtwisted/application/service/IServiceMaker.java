package io.jtwisted.application.service;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A {@code twistd} plugin, as Twisted's {@code IServiceMaker}: {@code twistd TAPNAME [options]} builds the
 * plugin's service from its options and runs it. Plugins are found with {@link java.util.ServiceLoader}: a
 * module ships one by naming its class in {@code META-INF/services/io.jtwisted.application.service.IServiceMaker}
 * (and, for a named module, {@code provides io.jtwisted.application.service.IServiceMaker with ...}). The class
 * needs a public no-argument constructor.
 *
 * <pre>{@code
 * public final class WebPlugin implements IServiceMaker {
 *     public String tapname() { return "web"; }
 *     public String description() { return "A general-purpose web server."; }
 *     public List<Option> options() {
 *         return List.of(Option.value("listen", null, "ENDPOINT", "tcp:8080", "where to listen"),
 *                        Option.value("path", null, "DIR", ".", "the directory to serve"));
 *     }
 *     public IService makeService(Options options) {
 *         return Strports.service(options.get("listen"), new Site(new File(options.get("path"))));
 *     }
 * }
 * }</pre>
 *
 * <p>{@code twistd} parses the command line against {@link #options()}, prints the plugin's help for
 * {@code twistd TAPNAME --help}, and reports an {@link IllegalArgumentException} thrown by
 * {@link #makeService} as a one-line usage error.
 */
public interface IServiceMaker {
    /** The name on the command line: {@code twistd web}. Lower case, no spaces. */
    String tapname();

    /** One line saying what the plugin runs, shown in {@code twistd --help}. */
    String description();

    /** The plugin's options, in the order its help lists them. */
    default List<Option> options() {
        return List.of();
    }

    /**
     * Builds the service to run from the parsed options; {@code twistd} starts it once the reactor runs.
     *
     * @throws IllegalArgumentException when an option's value is unusable (reported as a usage error)
     */
    IService makeService(Options options) throws Exception;

    /**
     * One option of a plugin.
     *
     * @param name the long name, without dashes ({@code "port"} for {@code --port})
     * @param shortName the one-letter name, without dash, or {@code null}
     * @param argument the label of its value in the help ({@code "PORT"}), or {@code null} for a flag
     * @param defaultValue the value when the option is not given, or {@code null}
     * @param help one line of help
     */
    record Option(
            String name,
            @Nullable String shortName,
            @Nullable String argument,
            @Nullable String defaultValue,
            String help) {
        public Option {
            Objects.requireNonNull(name, "name");
            if (shortName != null && shortName.length() != 1) {
                throw new IllegalArgumentException("a short option name is one character, not '" + shortName + "'");
            }
        }

        /** An option taking a value. */
        public static Option value(
                String name, @Nullable String shortName, String argument, @Nullable String defaultValue, String help) {
            return new Option(name, shortName, argument, defaultValue, help);
        }

        /** A flag: present or not. */
        public static Option flag(String name, @Nullable String shortName, String help) {
            return new Option(name, shortName, null, null, help);
        }

        /** True for a flag. */
        public boolean isFlag() {
            return argument == null;
        }
    }

    /** The parsed options of a plugin: values by long name, flags as {@code "true"}, and the positional arguments. */
    final class Options {
        private final Map<String, String> values;
        private final List<String> arguments;

        /** Parsed options: {@code values} by long name (flags that are set map to {@code "true"}). */
        public Options(Map<String, String> values, List<String> arguments) {
            this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
            this.arguments = List.copyOf(arguments);
        }

        /**
         * The value of option {@code name} (its default when not given), or {@code null}. An option
         * given several times ({@code --listen A --listen B}) has its values joined by new lines:
         * {@link #getAll} gives them one by one.
         */
        public @Nullable String get(String name) {
            return values.get(name);
        }

        /** Every value given for option {@code name}, in order (its default when not given); empty when none. */
        public List<String> getAll(String name) {
            String value = values.get(name);
            return value == null ? List.of() : List.of(value.split("\n", -1));
        }

        /**
         * The value of option {@code name} as an integer.
         *
         * @throws IllegalArgumentException naming the option when it is missing or not a number
         */
        public int getInt(String name) {
            String value = values.get(name);
            if (value == null) {
                throw new IllegalArgumentException("--" + name + " is required");
            }
            try {
                return Integer.parseInt(value.trim());
            } catch (NumberFormatException notNumber) {
                throw new IllegalArgumentException("--" + name + " must be a number, not '" + value + "'");
            }
        }

        /** True when flag {@code name} was given. */
        public boolean isSet(String name) {
            return "true".equals(values.get(name));
        }

        /** Every option's value by long name. */
        public Map<String, String> values() {
            return values;
        }

        /** The positional arguments after the options. */
        public List<String> arguments() {
            return arguments;
        }
    }
}
