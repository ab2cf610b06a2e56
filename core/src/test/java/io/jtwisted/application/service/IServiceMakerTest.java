package io.jtwisted.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The plugin SPI's value types. Twisted's IServiceMaker has no tests of its own (its plugins are tested
 * through twistd, as the twistd module's tests do here).
 */
class IServiceMakerTest {
    @Test
    void optionsGiveValuesNumbersFlagsAndArguments() {
        IServiceMaker.Options options =
                new IServiceMaker.Options(Map.of("port", "8080", "verbose", "true"), List.of("x"));
        assertThat(options.get("port")).isEqualTo("8080");
        assertThat(options.getInt("port")).isEqualTo(8080);
        assertThat(options.isSet("verbose")).isTrue();
        assertThat(options.isSet("quiet")).isFalse();
        assertThat(options.get("missing")).isNull();
        assertThat(options.arguments()).containsExactly("x");
    }

    @Test
    void aBadNumberNamesTheOption() {
        IServiceMaker.Options options = new IServiceMaker.Options(Map.of("port", "eighty"), List.of());
        assertThatThrownBy(() -> options.getInt("port"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--port must be a number, not 'eighty'");
        assertThatThrownBy(() -> options.getInt("host")).hasMessage("--host is required");
    }

    @Test
    void anOptionHasALongNameAndAtMostOneLetterShortName() {
        assertThat(IServiceMaker.Option.flag("n", null, "h").isFlag()).isTrue();
        assertThat(IServiceMaker.Option.value("port", "p", "PORT", "80", "h").isFlag())
                .isFalse();
        assertThatThrownBy(() -> IServiceMaker.Option.flag("x", "xy", "h"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
