package io.hookline.clustertests;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A certificate authority made for one test run, a broker certificate it signed for 127.0.0.1, and the trust store a
 * client needs: made with the JDK's own {@code keytool} (no certificate library). Unlike the callback servers'
 * {@code SelfSignedTls}, Kafka takes key and trust stores as files, and the client trusts the CA, not the broker.
 *
 * @param keyStore   PKCS12: the broker's key and its chain (broker, CA)
 * @param trustStore PKCS12: the CA certificate alone
 */
record BrokerCertificates(Path keyStore, Path trustStore, String password) {

    static BrokerCertificates make(Path dir, String password) throws IOException, InterruptedException {
        Path ca = dir.resolve("ca.p12");
        Path caCert = dir.resolve("ca.crt");
        Path broker = dir.resolve("broker.p12");
        Path csr = dir.resolve("broker.csr");
        Path brokerCert = dir.resolve("broker.crt");
        Path trust = dir.resolve("truststore.p12");
        keytool(password, "-genkeypair", "-alias", "ca", "-keyalg", "EC", "-groupname", "secp256r1",
                "-dname", "CN=Hookline test CA", "-ext", "bc:c", "-validity", "2", "-keystore", ca.toString());
        keytool(password, "-exportcert", "-rfc", "-alias", "ca", "-keystore", ca.toString(), "-file",
                caCert.toString());
        keytool(password, "-genkeypair", "-alias", "broker", "-keyalg", "EC", "-groupname", "secp256r1",
                "-dname", "CN=127.0.0.1", "-validity", "2", "-keystore", broker.toString());
        keytool(password, "-certreq", "-alias", "broker", "-keystore", broker.toString(), "-file", csr.toString());
        // clients check the broker's address against the certificate (ssl.endpoint.identification.algorithm=https)
        keytool(password, "-gencert", "-rfc", "-alias", "ca", "-keystore", ca.toString(), "-infile", csr.toString(),
                "-outfile", brokerCert.toString(), "-ext", "SAN=ip:127.0.0.1,dns:localhost", "-validity", "2");
        keytool(password, "-importcert", "-noprompt", "-alias", "ca", "-file", caCert.toString(), "-keystore",
                broker.toString());
        keytool(password, "-importcert", "-alias", "broker", "-file", brokerCert.toString(), "-keystore",
                broker.toString());
        keytool(password, "-importcert", "-noprompt", "-alias", "ca", "-file", caCert.toString(), "-keystore",
                trust.toString());
        return new BrokerCertificates(broker, trust, password);
    }

    private static void keytool(String password, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "keytool")
                .toString()));
        command.addAll(List.of(args));
        command.addAll(List.of("-storetype", "PKCS12", "-storepass", password));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IllegalStateException("keytool " + String.join(" ", args) + " failed: " + output);
        }
    }
}
