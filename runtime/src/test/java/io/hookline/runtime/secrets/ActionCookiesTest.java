package io.hookline.runtime.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hookline.schemas.interaction.ActionIntegration;
import io.hookline.schemas.interaction.PostActionCookie;
import io.hookline.schemas.serde.Json;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/** Action cookies: AES-256-GCM as Mattermost seals them, opened only with the same key and unaltered. */
class ActionCookiesTest {

    private final IntegrationSecrets secrets = IntegrationSecrets.generate();
    private final ActionCookies cookies = new ActionCookies(secrets);
    private final PostActionCookie cookie = new PostActionCookie("button", "e5r1b9w3kqx8mzt2ny7hd4fac6",
            "p7d2k9x4mqa6hwbz1tr8ey3n5c", "c4nq7m2kx8g1bhtwpz5r9yjd3e", "",
            new ActionIntegration("https://bot.example.com/act", Map.of("step", 2)),
            Map.of("from_webhook", "true"), List.of("override_username", "override_icon_url"));

    @Test
    void aSealedCookieOpensToTheSameAction() throws Exception {
        String sealed = cookies.seal(cookie);
        assertThat(cookies.open(sealed)).isEqualTo(cookie);
        // a fresh nonce each time: two seals of one action differ
        assertThat(cookies.seal(cookie)).isNotEqualTo(sealed);
    }

    @Test
    void theLayoutIsNonceCiphertextTagOfTheGoJson() throws Exception {
        byte[] raw = Base64.getDecoder().decode(cookies.seal(cookie));
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(secrets.cookieKey(), "AES"),
                new GCMParameterSpec(128, raw, 0, 12));
        String plain = new String(cipher.doFinal(raw, 12, raw.length - 12), StandardCharsets.UTF_8);
        assertThat(plain).isEqualTo("{\"type\":\"button\",\"post_id\":\"e5r1b9w3kqx8mzt2ny7hd4fac6\","
                + "\"root_post_id\":\"p7d2k9x4mqa6hwbz1tr8ey3n5c\",\"channel_id\":\"c4nq7m2kx8g1bhtwpz5r9yjd3e\","
                + "\"integration\":{\"url\":\"https://bot.example.com/act\",\"context\":{\"step\":2}},"
                + "\"retain_props\":{\"from_webhook\":\"true\"},"
                + "\"remove_props\":[\"override_username\",\"override_icon_url\"]}");
        assertThat(Json.mapper().readValue(plain, PostActionCookie.class)).isEqualTo(cookie);
    }

    @Test
    void anAlteredForeignShortOrGarbledCookieIsRefusedWithTheReason() {
        byte[] raw = Base64.getDecoder().decode(cookies.seal(cookie));
        raw[raw.length - 20] ^= 1;
        String altered = Base64.getEncoder().encodeToString(raw);
        assertThatThrownBy(() -> cookies.open(altered)).isInstanceOf(ActionCookies.CookieException.class)
                .hasMessageContaining("does not authenticate");
        String foreign = new ActionCookies(IntegrationSecrets.generate()).seal(cookie);
        assertThatThrownBy(() -> cookies.open(foreign)).hasMessageContaining("does not authenticate");
        assertThatThrownBy(() -> cookies.open(Base64.getEncoder().encodeToString(new byte[5])))
                .hasMessage("cookie too short");
        assertThatThrownBy(() -> cookies.open("not base64!")).hasMessageContaining("base64");
        assertThatThrownBy(() -> cookies.open(null)).isInstanceOf(ActionCookies.CookieException.class);
    }

    @Test
    void storedFormsRoundTripAndNothingSecretIsPrinted() {
        KeyPair pair = IntegrationSecrets.newSigningKey();
        String json = IntegrationSecrets.signingKeyJson(pair);
        assertThat(json).startsWith("{\"ecdsa_key\":{\"curve\":\"P-256\",\"x\":");
        KeyPair back = IntegrationSecrets.signingKeyFromJson(json);
        assertThat(back.getPublic().getEncoded()).isEqualTo(pair.getPublic().getEncoded());
        assertThat(back.getPrivate().getEncoded()).isEqualTo(pair.getPrivate().getEncoded());
        byte[] key = IntegrationSecrets.newCookieKey();
        assertThat(IntegrationSecrets.cookieKeyFromJson(IntegrationSecrets.cookieKeyJson(key))).isEqualTo(key);

        String d = ((java.security.interfaces.ECPrivateKey) secrets.privateKey()).getS().toString();
        assertThat(secrets.toString()).doesNotContain(d)
                .doesNotContain(Base64.getEncoder().encodeToString(secrets.cookieKey()));
        assertThatThrownBy(() -> IntegrationSecrets.signingKeyFromJson(json.replace("P-256", "P-384")))
                .hasMessageContaining("curve");
        assertThatThrownBy(() -> IntegrationSecrets.cookieKeyFromJson("{\"key\":\"AAAA\"}"))
                .hasMessageContaining("3 bytes");
    }
}
