// The service.tac of Twisted's howtos ("twistd and tac"), as a twistd application file:
//     bin/twistd -ny examples/tac/service.java
// starts a web server on port 8080 (WEB_PORT overrides it) serving the files under the current directory.
import io.jtwisted.application.internet.TCPServer;
import io.jtwisted.application.service.Application;
import io.jtwisted.application.service.IService;
import io.jtwisted.web.server.Site;
import io.jtwisted.web.staticfiles.File;
import java.nio.file.Path;

public class ServiceTac {
    /**
     * A service suitable for an application: a simple web server on port 8080 serving the files under the
     * current working directory.
     */
    static IService getWebService() {
        // a resource that serves static files
        Site fileServer = new Site(new File(Path.of(System.getProperty("user.dir"))));
        String port = System.getenv("WEB_PORT");
        return new TCPServer(port == null ? 8080 : Integer.parseInt(port), fileServer);
    }

    // The core part of any application file: the creation of the application object twistd looks for.
    public static Application application() {
        Application application = new Application("Demo application");
        // attach the service to its parent application
        IService service = getWebService();
        service.setServiceParent(application);
        return application;
    }
}
