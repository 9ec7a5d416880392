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
        // four rounds of keytool runs that do not depend on each other, instead of eight runs in a row
        parallel(password, List.of("-genkeypair", "-alias", "ca", "-keyalg", "EC", "-groupname", "secp256r1",
                        "-dname", "CN=Hookline test CA", "-ext", "bc:c", "-validity", "2", "-keystore", ca.toString()),
                List.of("-genkeypair", "-alias", "broker", "-keyalg", "EC", "-groupname", "secp256r1",
                        "-dname", "CN=127.0.0.1", "-validity", "2", "-keystore", broker.toString()));
        parallel(password, List.of("-exportcert", "-rfc", "-alias", "ca", "-keystore", ca.toString(), "-file",
                        caCert.toString()),
                List.of("-certreq", "-alias", "broker", "-keystore", broker.toString(), "-file", csr.toString()));
        // clients check the broker's address against the certificate (ssl.endpoint.identification.algorithm=https)
        parallel(password, List.of("-gencert", "-rfc", "-alias", "ca", "-keystore", ca.toString(), "-infile",
                        csr.toString(), "-outfile", brokerCert.toString(), "-ext", "SAN=ip:127.0.0.1,dns:localhost",
                        "-validity", "2"),
                List.of("-importcert", "-noprompt", "-alias", "ca", "-file", caCert.toString(), "-keystore",
                        broker.toString()),
                List.of("-importcert", "-noprompt", "-alias", "ca", "-file", caCert.toString(), "-keystore",
                        trust.toString()));
        parallel(password, List.of("-importcert", "-alias", "broker", "-file", brokerCert.toString(), "-keystore",
                broker.toString()));
        return new BrokerCertificates(broker, trust, password);
    }

    /** Runs keytool once per argument list, all at once, and waits for every one. */
    @SafeVarargs
    private static void parallel(String password, List<String>... runs) throws IOException, InterruptedException {
        List<Process> processes = new ArrayList<>();
        for (List<String> args : runs) {
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "keytool")
                    .toString(), "-J-XX:TieredStopAtLevel=1", "-J-XX:+UseSerialGC"));
            command.addAll(args);
            command.addAll(List.of("-storetype", "PKCS12", "-storepass", password));
            processes.add(new ProcessBuilder(command).redirectErrorStream(true).start());
        }
        for (int i = 0; i < runs.length; i++) {
            Process p = processes.get(i);
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (p.waitFor() != 0) {
                throw new IllegalStateException("keytool " + String.join(" ", runs[i]) + " failed: " + output);
            }
        }
    }
}
