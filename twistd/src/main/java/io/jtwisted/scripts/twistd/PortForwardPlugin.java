package io.jtwisted.scripts.twistd;

import io.jtwisted.application.service.IService;
import io.jtwisted.application.service.IServiceMaker;
import io.jtwisted.application.strports.Strports;
import io.jtwisted.protocols.portforward.ProxyFactory;
import java.util.List;

/**
 * {@code twistd portforward}, as Twisted's {@code twisted.tap.portforward}: listens on {@code --port} (a port
 * number or an endpoint string) and forwards each connection to {@code --host}:{@code --dest_port}.
 */
public final class PortForwardPlugin implements IServiceMaker {
    @Override
    public String tapname() {
        return "portforward";
    }

    @Override
    public String description() {
        return "A simple port-forwarder.";
    }

    @Override
    public List<Option> options() {
        return List.of(
                Option.value(
                        "port",
                        "p",
                        "PORT",
                        "6666",
                        "Where to listen: a port number or an endpoint string (tcp:8080)."),
                Option.value("host", "h", "HOST", "localhost", "The host to forward to."),
                Option.value("dest_port", "d", "PORT", "6665", "The port to forward to."));
    }

    @Override
    public IService makeService(Options options) {
        String port = required(options, "port");
        String listen = port.chars().allMatch(Character::isDigit) ? "tcp:" + port : port;
        ProxyFactory factory = new ProxyFactory(required(options, "host"), options.getInt("dest_port"));
        return Strports.service(listen, factory);
    }

    /** An option that has a default, so is always there. */
    private static String required(Options options, String name) {
        String value = options.get(name);
        if (value == null) {
            throw new IllegalArgumentException("--" + name + " is required");
        }
        return value;
    }
}
