package io.jtwisted.scripts.twistd;

import io.jtwisted.application.service.IServiceMaker;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.TreeMap;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.ParseResult;

/**
 * The plugins on the class path ({@link IServiceMaker}s found with {@link ServiceLoader}), each turned into a
 * picocli subcommand with its declared options, so that each gets its own parsing and {@code --help}.
 */
final class Plugins {
    private final Map<String, IServiceMaker> makers = new TreeMap<>();

    Plugins(ClassLoader loader) throws StartupError {
        try {
            for (IServiceMaker maker : ServiceLoader.load(IServiceMaker.class, loader)) {
                IServiceMaker clash = makers.putIfAbsent(maker.tapname(), maker);
                if (clash != null && clash.getClass() != maker.getClass()) {
                    throw new StartupError("two plugins are named '" + maker.tapname() + "': "
                            + clash.getClass().getName() + " and "
                            + maker.getClass().getName());
                }
            }
        } catch (ServiceConfigurationError broken) {
            throw new StartupError("a plugin cannot be loaded: " + broken.getMessage());
        }
    }

    /** The plugins by name, sorted. */
    Map<String, IServiceMaker> makers() {
        return makers;
    }

    /** Adds a subcommand per plugin to {@code command}. */
    void addTo(CommandLine command) {
        for (IServiceMaker maker : makers.values()) {
            command.addSubcommand(maker.tapname(), new CommandLine(specOf(maker)));
        }
    }

    /** The command line of one plugin: its options (value options repeatable), --help, and arguments. */
    static CommandSpec specOf(IServiceMaker maker) {
        CommandSpec spec = CommandSpec.create().name(maker.tapname());
        spec.usageMessage().description(maker.description()).sortOptions(false);
        for (IServiceMaker.Option option : maker.options()) {
            List<String> names = new ArrayList<>();
            if (option.shortName() != null) {
                names.add("-" + option.shortName());
            }
            names.add("--" + option.name());
            OptionSpec.Builder builder = OptionSpec.builder(names.toArray(String[]::new));
            String help = option.help() == null ? "" : option.help();
            if (option.isFlag()) {
                builder.arity("0").type(boolean.class);
            } else {
                // Every value option may be repeated (--listen A --listen B): the plugin gets the
                // values joined by new lines, the form IServiceMaker.Options documents.
                builder.arity("1").type(List.class).auxiliaryTypes(String.class).paramLabel(option.argument());
                if (option.defaultValue() != null) {
                    builder.defaultValue(option.defaultValue());
                    help = help + " Default: " + option.defaultValue() + ".";
                }
            }
            spec.addOption(builder.description(help).build());
        }
        spec.addOption(OptionSpec.builder("--help")
                .usageHelp(true)
                .description("Show this plugin's help and exit.")
                .build());
        spec.addPositional(PositionalParamSpec.builder()
                .arity("0..*")
                .type(String.class)
                .paramLabel("ARG")
                .hidden(true)
                .build());
        return spec;
    }

    /** The plugin's parsed options: values by long name, set flags as "true". */
    static IServiceMaker.Options optionsOf(IServiceMaker maker, ParseResult parsed) {
        Map<String, String> values = new LinkedHashMap<>();
        for (IServiceMaker.Option option : maker.options()) {
            OptionSpec spec = parsed.commandSpec().findOption("--" + option.name());
            Object value = spec.getValue();
            if (option.isFlag()) {
                if (Boolean.TRUE.equals(value)) {
                    values.put(option.name(), "true");
                }
            } else if (value instanceof List<?> given && !given.isEmpty()) {
                values.put(
                        option.name(),
                        String.join("\n", given.stream().map(String::valueOf).toList()));
            }
        }
        List<String> arguments = new ArrayList<>();
        for (PositionalParamSpec positional : parsed.commandSpec().positionalParameters()) {
            List<String> given = positional.getValue();
            if (given != null) {
                arguments.addAll(given);
            }
        }
        return new IServiceMaker.Options(values, arguments);
    }
}
