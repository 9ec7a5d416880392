package io.hookline.runtime.secrets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hookline.schemas.serde.Json;
import java.math.BigInteger;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPrivateKeySpec;
import java.security.spec.ECPublicKeySpec;
import java.util.Arrays;
import java.util.Base64;

/**
 * The two secrets Mattermost's server keeps for integrations: the ECDSA P-256 key that signs trigger ids (its public
 * half is published as {@code AsymmetricSigningPublicKey}) and the 32-byte AES key of action cookies. Every Hookline
 * process shares the same pair ({@link IntegrationSecretStore}). The private parts never leave this package except in
 * their stored form, and {@link #toString()} shows neither.
 */
public final class IntegrationSecrets {

    static final String CURVE = "P-256";
    static final int COOKIE_KEY_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final KeyPair signingKey;
    private final byte[] cookieKey;

    private IntegrationSecrets(KeyPair signingKey, byte[] cookieKey) {
        if (!(signingKey.getPrivate() instanceof ECPrivateKey) || !(signingKey.getPublic() instanceof ECPublicKey)) {
            throw new IllegalArgumentException("the signing key must be an EC key pair");
        }
        if (cookieKey.length != COOKIE_KEY_BYTES) {
            throw new IllegalArgumentException("the cookie key must be " + COOKIE_KEY_BYTES + " bytes, got "
                    + cookieKey.length);
        }
        this.signingKey = signingKey;
        this.cookieKey = cookieKey.clone();
    }

    /** New random secrets, as Mattermost's server makes them on its first start. */
    public static IntegrationSecrets generate() {
        return new IntegrationSecrets(newSigningKey(), newCookieKey());
    }

    static IntegrationSecrets of(KeyPair signingKey, byte[] cookieKey) {
        return new IntegrationSecrets(signingKey, cookieKey);
    }

    /** What Mattermost publishes as {@code AsymmetricSigningPublicKey}: standard base64 of the PKIX (DER) public key. */
    public String publicKeyBase64() {
        return Base64.getEncoder().encodeToString(signingKey.getPublic().getEncoded());
    }

    public PublicKey publicKey() {
        return signingKey.getPublic();
    }

    PrivateKey privateKey() {
        return signingKey.getPrivate();
    }

    byte[] cookieKey() {
        return cookieKey.clone();
    }

    static KeyPair newSigningKey() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the Java platform must support EC keys on P-256", e);
        }
    }

    static byte[] newCookieKey() {
        byte[] key = new byte[COOKIE_KEY_BYTES];
        RANDOM.nextBytes(key);
        return key;
    }

    /** Mattermost's stored form of the signing key: {@code {"ecdsa_key":{"curve":"P-256","x":…,"y":…,"d":…}}}. */
    static String signingKeyJson(KeyPair pair) {
        ECPublicKey pub = (ECPublicKey) pair.getPublic();
        ECPrivateKey priv = (ECPrivateKey) pair.getPrivate();
        ObjectNode root = Json.mapper().createObjectNode();
        ObjectNode key = root.putObject("ecdsa_key");
        key.put("curve", CURVE);
        key.put("x", pub.getW().getAffineX());
        key.put("y", pub.getW().getAffineY());
        key.put("d", priv.getS());
        return root.toString();
    }

    static KeyPair signingKeyFromJson(String json) {
        try {
            JsonNode key = Json.mapper().readTree(json).path("ecdsa_key");
            if (!CURVE.equals(key.path("curve").asText())) {
                throw new IllegalArgumentException("the signing key is not on curve " + CURVE);
            }
            BigInteger x = bigInteger(key, "x");
            BigInteger y = bigInteger(key, "y");
            BigInteger d = bigInteger(key, "d");
            AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
            parameters.init(new ECGenParameterSpec("secp256r1"));
            ECParameterSpec spec = parameters.getParameterSpec(ECParameterSpec.class);
            KeyFactory factory = KeyFactory.getInstance("EC");
            PublicKey pub = factory.generatePublic(new ECPublicKeySpec(new ECPoint(x, y), spec));
            PrivateKey priv = factory.generatePrivate(new ECPrivateKeySpec(d, spec));
            return new KeyPair(pub, priv);
        } catch (GeneralSecurityException | java.io.IOException e) {
            // the message must not quote the key
            throw new IllegalArgumentException("the stored signing key cannot be read: " + e.getClass().getSimpleName());
        }
    }

    private static BigInteger bigInteger(JsonNode key, String field) {
        JsonNode n = key.get(field);
        if (n == null || !n.isIntegralNumber()) {
            throw new IllegalArgumentException("the stored signing key has no integer '" + field + "'");
        }
        return n.bigIntegerValue();
    }

    /** Mattermost's stored form of the cookie secret: {@code {"key":"<base64>"}}. */
    static String cookieKeyJson(byte[] key) {
        ObjectNode root = Json.mapper().createObjectNode();
        root.put("key", Base64.getEncoder().encodeToString(key));
        return root.toString();
    }

    static byte[] cookieKeyFromJson(String json) {
        try {
            JsonNode key = Json.mapper().readTree(json).get("key");
            if (key == null || !key.isTextual()) {
                throw new IllegalArgumentException("the stored cookie secret has no 'key'");
            }
            byte[] bytes = Base64.getDecoder().decode(key.asText());
            if (bytes.length != COOKIE_KEY_BYTES) {
                throw new IllegalArgumentException("the stored cookie secret is " + bytes.length + " bytes, not "
                        + COOKIE_KEY_BYTES);
            }
            return bytes;
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("the stored cookie secret is not JSON");
        }
    }

    /** Same keys: for tests and for telling whether two processes share their secrets. */
    public boolean sameAs(IntegrationSecrets other) {
        return other != null && Arrays.equals(signingKey.getPublic().getEncoded(), other.signingKey.getPublic().getEncoded())
                && Arrays.equals(cookieKey, other.cookieKey);
    }

    @Override
    public String toString() {
        return "IntegrationSecrets[public key " + publicKeyBase64().substring(0, 16) + "…, private parts hidden]";
    }
}
