package io.jtwisted.web.tap;

import io.jtwisted.application.internet.StreamServerEndpointService;
import io.jtwisted.application.service.IService;
import io.jtwisted.application.service.IServiceMaker;
import io.jtwisted.application.service.MultiService;
import io.jtwisted.application.service.Service;
import io.jtwisted.application.strports.Strports;
import io.jtwisted.internet.Reactor;
import io.jtwisted.internet.defer.Deferred;
import io.jtwisted.python.logfile.LogFile;
import io.jtwisted.web.http.AccessLogFile;
import io.jtwisted.web.resource.IResource;
import io.jtwisted.web.server.Site;
import io.jtwisted.web.staticfiles.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * {@code twistd web}, as Twisted's {@code twisted.web.tap}: serves a directory ({@code --path}) or
 * a resource class ({@code --class}) on one or more endpoints.
 *
 * <pre>
 * twistd -n web --path /srv/www --listen tcp:8080 --listen tcp:8443:interface=::1
 * </pre>
 *
 * <p>Options that may be repeated ({@code --listen}, {@code --index}, {@code --mime-type}) take
 * several values separated by new lines, which is how {@code twistd} passes a repeated option.
 */
public final class WebPlugin implements IServiceMaker {
    @Override
    public String tapname() {
        return "web";
    }

    @Override
    public String description() {
        return "A general-purpose web server which can serve from a filesystem or a resource class.";
    }

    @Override
    public List<Option> options() {
        return List.of(
                Option.value("path", null, "DIR", null, "the directory to serve"),
                Option.value(
                        "listen",
                        null,
                        "ENDPOINT",
                        null,
                        "where to listen, as an endpoint string (repeatable; default tcp:8080)"),
                Option.value("port", "p", "PORT", null, "alias of --listen; a bare number means tcp:NUMBER"),
                Option.value(
                        "index",
                        "i",
                        "NAME",
                        null,
                        "an index file name for directories (repeatable; tried before index.html)"),
                Option.value(
                        "mime-type",
                        "m",
                        "TYPE",
                        null,
                        "the type of files with unknown extensions, or .EXT=TYPE to override one (repeatable)"),
                Option.value(
                        "class",
                        null,
                        "FQCN",
                        null,
                        "serve an instance of this Resource class (public, no-argument constructor)"),
                Option.value("logfile", "l", "FILE", null, "write an access log in the combined format to FILE"),
                Option.value(
                        "max-request-body",
                        null,
                        "BYTES",
                        null,
                        "the largest request body accepted (default 10485760)"),
                Option.flag(
                        "no-listing",
                        null,
                        "answer 403 for directories without an index file instead of listing them"));
    }

    @Override
    public IService makeService(Options options) throws Exception {
        return makeService(options, Reactor.reactor);
    }

    /** {@link #makeService(Options)} on {@code reactor}. */
    public IService makeService(Options options, Reactor reactor) throws Exception {
        IResource root = root(options);
        Site site = new Site(root, reactor);
        String maxBody = options.get("max-request-body");
        if (maxBody != null) {
            try {
                site.setMaxRequestBody(Long.parseLong(maxBody.strip()));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(
                        "--max-request-body must be a number of bytes, not '" + maxBody + "'");
            }
        }
        MultiService service = new MultiService();
        String logfile = options.get("logfile");
        if (logfile != null) {
            AccessLogFile log = new AccessLogFile(
                    LogFile.fromFullPath(Path.of(logfile).toAbsolutePath().toString()));
            site.setAccessLogObserver(log);
            new Service() {
                @Override
                public Deferred<?> stopService() {
                    super.stopService();
                    try {
                        log.close();
                    } catch (Exception e) {
                        return Deferred.fail(e);
                    }
                    return Deferred.<@Nullable Void>succeed(null);
                }
            }.setServiceParent(service);
        }
        List<String> endpoints = new ArrayList<>(values(options, "listen"));
        for (String port : values(options, "port")) {
            endpoints.add(port.chars().allMatch(Character::isDigit) ? "tcp:" + port : port);
        }
        if (endpoints.isEmpty()) {
            endpoints.add("tcp:8080");
        }
        for (String endpoint : endpoints) {
            StreamServerEndpointService listener = Strports.service(endpoint, site, reactor);
            listener.setServiceParent(service);
        }
        return service;
    }

    private static IResource root(Options options) throws Exception {
        String path = options.get("path");
        String type = options.get("class");
        if ((path == null) == (type == null)) {
            throw new IllegalArgumentException("give exactly one of --path DIR and --class FQCN");
        }
        if (type != null) {
            Class<?> c;
            try {
                c = Class.forName(type, true, Thread.currentThread().getContextClassLoader());
            } catch (ClassNotFoundException e) {
                throw new IllegalArgumentException("--class: no class " + type + " on the class path");
            }
            if (!IResource.class.isAssignableFrom(c)) {
                throw new IllegalArgumentException("--class: " + type + " is not a Resource");
            }
            return (IResource) c.getConstructor().newInstance();
        }
        Path dir = Path.of(path);
        if (!Files.exists(dir)) {
            throw new IllegalArgumentException("--path: " + path + " does not exist");
        }
        File file = new File(dir);
        List<String> indexes = values(options, "index");
        for (int i = indexes.size() - 1; i >= 0; i--) {
            file.indexNames().add(0, indexes.get(i));
        }
        for (String mime : values(options, "mime-type")) {
            int eq = mime.indexOf('=');
            if (eq > 0 && mime.startsWith(".")) {
                file.contentTypes()
                        .put(mime.substring(0, eq).toLowerCase(java.util.Locale.ROOT), mime.substring(eq + 1));
            } else if (eq < 0 && mime.contains("/")) {
                file.setDefaultType(mime);
            } else {
                throw new IllegalArgumentException("--mime-type takes TYPE or .EXT=TYPE, not '" + mime + "'");
            }
        }
        file.setAllowListing(!options.isSet("no-listing"));
        return file;
    }

    /** The values of a repeatable option: the lines of its value. */
    private static List<String> values(Options options, String name) {
        String v = options.get(name);
        if (v == null) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (String line : v.split("\n")) {
            if (!line.isBlank()) {
                out.add(line.strip());
            }
        }
        return out;
    }
}
