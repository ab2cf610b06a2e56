package io.jtwisted.web.docs;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.jtwisted.internet.Reactor;
import io.jtwisted.internet.endpoints.Endpoints;
import io.jtwisted.internet.interfaces.IReactorTime;
import io.jtwisted.internet.task.Task;
import io.jtwisted.web.iweb.IRequest;
import io.jtwisted.web.iweb.ISession;
import io.jtwisted.web.resource.Resource;
import io.jtwisted.web.server.Site;
import io.jtwisted.web.staticfiles.Data;
import io.jtwisted.web.staticfiles.File;
import io.jtwisted.web.util.Redirect;
import io.jtwisted.web.vhost.NameVirtualHost;
import java.nio.file.Path;

/** The examples of docs/web.md, compiled and exercised by {@link WebDocExamplesTest}. */
final class WebDocExamples {
    private WebDocExamples() {}

    /** Serving a directory, as the howtos' service.tac does with server.Site(static.File(...)). */
    static void serveDirectory(Reactor reactor) {
        Site site = new Site(new File(Path.of(".")));
        Endpoints.serverFromString(reactor, "tcp:8080").listen(site);
    }

    static class Hello extends Resource {
        @Override
        public boolean isLeaf() {
            return true;
        }

        @Override
        protected byte[] renderGET(IRequest request) {
            String name = request.getArg("name");
            request.setHeader("Content-Type", "text/plain; charset=utf-8");
            return ("Hello, " + (name == null ? "world" : name) + "!\n").getBytes(UTF_8);
        }
    }

    static Resource tree() {
        Resource root = new Resource();
        root.putChild("hello", new Hello());
        root.putChild("static", new File(Path.of("public")));
        root.putChild("robots.txt", new Data("User-agent: *\nDisallow:\n".getBytes(UTF_8), "text/plain"));
        root.putChild("old", new Redirect("/hello"));
        return root;
    }

    static class Slow extends Resource {
        private final IReactorTime reactor;

        Slow(IReactorTime reactor) {
            this.reactor = reactor;
        }

        @Override
        public boolean isLeaf() {
            return true;
        }

        @Override
        protected byte[] renderGET(IRequest request) {
            Task.deferLater(reactor, 2.0, () -> "done, two seconds later\n")
                    .addCallback(text -> {
                        request.write(text.getBytes(UTF_8));
                        request.finish();
                        return null;
                    })
                    .addErrback(failure -> {
                        request.processingFailed(failure);
                        return null;
                    });
            request.notifyFinish().addErrback(lost -> null); // the client may leave first
            return Site.NOT_DONE_YET;
        }
    }

    static class Counter extends Resource {
        @Override
        public boolean isLeaf() {
            return true;
        }

        @Override
        protected byte[] renderGET(IRequest request) {
            ISession session = request.getSession();
            Integer visits = (Integer) session.getAttribute("visits");
            visits = visits == null ? 1 : visits + 1;
            session.setAttribute("visits", visits);
            return ("visit number " + visits + "\n").getBytes(UTF_8);
        }
    }

    static NameVirtualHost virtualHosts() {
        NameVirtualHost vhosts = new NameVirtualHost();
        vhosts.addHost("example.com", new File(Path.of("sites/example.com")));
        vhosts.addHost("example.org", new File(Path.of("sites/example.org")));
        vhosts.setDefault(new Data("no such site\n".getBytes(UTF_8), "text/plain"));
        return vhosts;
    }
}
