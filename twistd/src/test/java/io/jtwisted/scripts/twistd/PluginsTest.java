package io.jtwisted.scripts.twistd;

import static org.assertj.core.api.Assertions.assertThat;

import io.jtwisted.application.service.IService;
import io.jtwisted.application.service.IServiceMaker;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** How a plugin's command line reaches its makeService: repeated options, defaults, flags. */
class PluginsTest {
    /** A plugin with a repeatable value option, a value option with a default, and a flag. */
    static final class ListeningPlugin implements IServiceMaker {
        @Override
        public String tapname() {
            return "listening";
        }

        @Override
        public String description() {
            return "listens where it is told";
        }

        @Override
        public List<Option> options() {
            return List.of(
                    Option.value("listen", null, "ENDPOINT", null, "where to listen (repeatable)"),
                    Option.value("index", null, "NAME", "index.html", "the index file"),
                    Option.flag("no-listing", null, "no directory listings"));
        }

        @Override
        public IService makeService(Options options) {
            throw new UnsupportedOperationException("not run in these tests");
        }
    }

    private static IServiceMaker.Options parse(String... args) {
        ListeningPlugin plugin = new ListeningPlugin();
        CommandLine.ParseResult parsed = new CommandLine(Plugins.specOf(plugin)).parseArgs(args);
        return Plugins.optionsOf(plugin, parsed);
    }

    @Test
    void aRepeatedOptionReachesThePluginWithEveryValueInOrder() {
        IServiceMaker.Options options = parse("--listen", "tcp:8080", "--listen", "ssl:8443:privateKey=k.pem");
        assertThat(options.getAll("listen")).containsExactly("tcp:8080", "ssl:8443:privateKey=k.pem");
        assertThat(options.get("listen")).isEqualTo("tcp:8080\nssl:8443:privateKey=k.pem");
    }

    @Test
    void anOptionGivenOnceIsItsOneValue() {
        IServiceMaker.Options options = parse("--listen", "tcp:8080");
        assertThat(options.get("listen")).isEqualTo("tcp:8080");
        assertThat(options.getAll("listen")).containsExactly("tcp:8080");
    }

    @Test
    void defaultsAndFlags() {
        IServiceMaker.Options options = parse("--no-listing");
        assertThat(options.get("index")).isEqualTo("index.html");
        assertThat(options.get("listen")).isNull();
        assertThat(options.getAll("listen")).isEmpty();
        assertThat(options.isSet("no-listing")).isTrue();
    }
}
