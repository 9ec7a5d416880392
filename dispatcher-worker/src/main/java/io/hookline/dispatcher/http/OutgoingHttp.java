package io.hookline.dispatcher.http;

import java.net.Proxy;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import io.hookline.dispatcher.ssrf.VettingDns;

/**
 * One OkHttp client as the dispatcher sends to integrations: the SSRF guard on every address, no proxy, no redirects,
 * the connect timeout and the whole-request timeout, optionally insecure TLS. Each client owns its threads, its
 * dispatcher queue and its connection pool, so a flood on one client never queues the calls of another.
 */
final class OutgoingHttp implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(OutgoingHttp.class);

    final OkHttpClient http;
    private final ExecutorService executor;

    /**
     * @param threadPrefix names this client's threads ({@code hookline-callback-1}, ...)
     * @param destinations what it calls, for the insecure-TLS warning ({@code callback URLs}, ...)
     */
    OutgoingHttp(CallbackClient.Options options, CallbackTargets targets, String threadPrefix, String destinations) {
        AtomicInteger threads = new AtomicInteger();
        this.executor = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 60, TimeUnit.SECONDS, new SynchronousQueue<>(),
                r -> {
                    Thread t = new Thread(r, threadPrefix + "-" + threads.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        Dispatcher dispatcher = new Dispatcher(executor);
        dispatcher.setMaxRequests(options.maxRequests());
        dispatcher.setMaxRequestsPerHost(options.maxRequests());
        OkHttpClient.Builder builder = new OkHttpClient.Builder()
                .dispatcher(dispatcher)
                .connectionPool(new ConnectionPool(Math.max(5, options.maxRequests()), 5, TimeUnit.MINUTES))
                .dns(new VettingDns(options.resolver(), targets.policy()))
                // a proxy would resolve the host itself, beyond the guard's reach
                .proxy(Proxy.NO_PROXY)
                .followRedirects(false)
                .followSslRedirects(false)
                .connectTimeout(options.connectTimeout())
                .readTimeout(options.requestTimeout())
                .writeTimeout(options.requestTimeout())
                .callTimeout(options.requestTimeout());
        if (options.socketFactory() != null) {
            builder.socketFactory(options.socketFactory());
        }
        if (options.insecureTls()) {
            InsecureTls.apply(builder);
            LOG.warn("TLS certificates and host names of {} are not verified (insecure outgoing connections are "
                    + "enabled)", destinations);
        }
        this.http = builder.build();
    }

    @Override
    public void close() {
        executor.shutdown();
        http.connectionPool().evictAll();
    }
}
