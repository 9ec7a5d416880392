package io.hookline.clustertests;

import io.hookline.localkafka.BrokerOverrides;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The settings of a broker as production runs it: clients on SASL_SSL with SCRAM-SHA-512 users, the KRaft
 * authorizer, no access without an ACL; {@code admin} is the one super user, made when the storage is formatted.
 */
final class SecuredBroker {

    static final String ADMIN = "admin";
    static final String ADMIN_PASSWORD = "admin-secret";
    static final String MECHANISM = "SCRAM-SHA-512";

    private SecuredBroker() {
    }

    static BrokerOverrides overrides(BrokerCertificates tls) {
        Map<String, String> server = new LinkedHashMap<>();
        server.put("sasl.enabled.mechanisms", MECHANISM);
        server.put("sasl.mechanism.inter.broker.protocol", MECHANISM);
        server.put("listener.name.sasl_ssl.scram-sha-512.sasl.jaas.config", jaas(ADMIN, ADMIN_PASSWORD));
        server.put("ssl.keystore.type", "PKCS12");
        server.put("ssl.keystore.location", tls.keyStore().toString());
        server.put("ssl.keystore.password", tls.password());
        server.put("ssl.key.password", tls.password());
        // the broker is a client of its own listener (inter-broker traffic): it trusts the same CA
        server.put("ssl.truststore.type", "PKCS12");
        server.put("ssl.truststore.location", tls.trustStore().toString());
        server.put("ssl.truststore.password", tls.password());
        server.put("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer");
        server.put("allow.everyone.if.no.acl.found", "false");
        // ANONYMOUS is the node itself on its PLAINTEXT controller listener, which is bound to loopback
        server.put("super.users", "User:" + ADMIN + ";User:ANONYMOUS");
        return new BrokerOverrides("SASL_SSL", server,
                List.of("--add-scram", MECHANISM + "=[name=" + ADMIN + ",password=" + ADMIN_PASSWORD + "]"),
                client(tls, ADMIN, ADMIN_PASSWORD));
    }

    /** The client settings of {@code user} (the same keys a user puts in {@code --config}). */
    static Map<String, Object> client(BrokerCertificates tls, String user, String password) {
        return Map.of("security.protocol", "SASL_SSL",
                "sasl.mechanism", MECHANISM,
                "sasl.jaas.config", jaas(user, password),
                "ssl.truststore.type", "PKCS12",
                "ssl.truststore.location", tls.trustStore().toString(),
                "ssl.truststore.password", tls.password());
    }

    static String jaas(String user, String password) {
        return "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + user
                + "\" password=\"" + password + "\";";
    }
}
