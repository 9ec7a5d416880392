package io.hookline.dispatcher.http;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import okhttp3.OkHttpClient;

/**
 * Mattermost's {@code EnableInsecureOutgoingConnections} (Go's {@code InsecureSkipVerify}): any certificate is
 * trusted and any host name accepted. Only the TLS checks go; the SSRF guard still vets every address.
 */
final class InsecureTls {

    private InsecureTls() {
    }

    static void apply(OkHttpClient.Builder builder) {
        X509TrustManager trustAll = new X509TrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        };
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {trustAll}, new SecureRandom());
            builder.sslSocketFactory(context.getSocketFactory(), trustAll).hostnameVerifier((host, session) -> true);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK always offers TLS", e);
        }
    }
}
