// The echo server of Twisted's howtos ("Services provided by Twisted"), as a twistd application file:
//     bin/twistd -noy examples/tac/echo.java
// listens on port 7001, greets each client with the number of open connections, and echoes what it gets.
import io.jtwisted.application.internet.TCPServer;
import io.jtwisted.application.service.Application;
import io.jtwisted.internet.interfaces.IAddress;
import io.jtwisted.internet.protocol.Factory;
import io.jtwisted.internet.protocol.Protocol;
import io.jtwisted.python.failure.Failure;
import java.nio.charset.StandardCharsets;

public class Echo {
    static class EchoProtocol extends Protocol {
        private final EchoFactory factory;

        EchoProtocol(EchoFactory factory) {
            this.factory = factory;
        }

        @Override
        public void connectionMade() {
            factory.numProtocols = factory.numProtocols + 1;
            transport.write(("Welcome! There are currently " + factory.numProtocols + " open connection.\n")
                    .getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public void connectionLost(Failure reason) {
            factory.numProtocols = factory.numProtocols - 1;
        }

        @Override
        public void dataReceived(byte[] data) {
            System.out.println("received: " + new String(data, StandardCharsets.UTF_8).strip());
            transport.write(data);
        }
    }

    static class EchoFactory extends Factory {
        int numProtocols = 0;

        @Override
        public EchoProtocol buildProtocol(IAddress addr) {
            return new EchoProtocol(this);
        }
    }

    /** The port: 7001 as in the howtos, or the value of the ECHO_PORT environment variable. */
    static int port() {
        String port = System.getenv("ECHO_PORT");
        return port == null ? 7001 : Integer.parseInt(port);
    }

    public static Application application() {
        Application application = new Application("echo");
        new TCPServer(port(), new EchoFactory()).setServiceParent(application);
        return application;
    }
}
