package io.jtwisted.benchmarks.dns;

import io.jtwisted.application.service.IService;
import io.jtwisted.application.service.IServiceMaker;
import io.jtwisted.internet.Reactor;
import io.jtwisted.names.tap.DNSPlugin;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JTwisted side of {@code benchmarks/dns.sh}: what {@code twistd -n dns --hosts-file FILE
 * --port PORT --interface 127.0.0.1} runs, in a process of its own on the global reactor.
 * Arguments: {@code HOSTS_FILE PORT}.
 */
public final class DnsServerMain {
    private DnsServerMain() {}

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new LinkedHashMap<>();
        options.put("hosts-file", args[0]);
        options.put("port", args[1]);
        options.put("interface", "127.0.0.1");
        IService service = new DNSPlugin().makeService(new IServiceMaker.Options(options, List.of()), Reactor.reactor);
        Reactor.reactor.callWhenRunning(service::startService);
        Reactor.reactor.run(true);
    }
}
