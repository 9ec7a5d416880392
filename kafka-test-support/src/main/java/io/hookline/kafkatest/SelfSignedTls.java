package io.hookline.kafkatest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * A server TLS context with a fresh self-signed certificate, for callback servers that a client must not trust
 * unless told to. Made with the JDK's own {@code keytool}: no certificate library, nothing downloaded.
 */
public final class SelfSignedTls {

    private SelfSignedTls() {
    }

    /** A context whose certificate names {@code callback.invalid}, valid two days, its key store kept in {@code dir}. */
    public static SSLContext serverContext(Path dir) throws IOException, InterruptedException,
            GeneralSecurityException {
        Path store = dir.resolve("callback.p12");
        char[] password = "changeit".toCharArray();
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "callback", "-keyalg", "EC", "-groupname", "secp256r1",
                "-dname", "CN=callback.invalid", "-validity", "2", "-storetype", "PKCS12",
                "-keystore", store.toString(), "-storepass", "changeit", "-keypass", "changeit")
                .redirectErrorStream(true).start();
        String output = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (keytool.waitFor() != 0) {
            throw new IllegalStateException("keytool could not make a self-signed certificate: " + output);
        }
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            keys.load(in, password);
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(keys, password);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(kmf.getKeyManagers(), null, null);
        return context;
    }
}
