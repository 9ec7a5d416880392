package io.hookline.cli.echo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.hookline.schemas.serde.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class EchoServerTest {

    private final HttpClient client = HttpClient.newHttpClient();

    private HttpResponse<String> post(EchoServer server, String contentType, String body) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(server.url() + "hook"))
                .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void answersEveryPostWithTheTextAndReportsTheRequest() throws Exception {
        List<String> seen = new CopyOnWriteArrayList<>();
        try (EchoServer server = EchoServer.start(0, "pong \"quoted\"", seen::add)) {
            HttpResponse<String> json = post(server, "application/json", "{\"text\":\"ping\",\"token\":\"t\"}");
            assertThat(json.statusCode()).isEqualTo(200);
            assertThat(json.headers().firstValue("Content-Type")).hasValue("application/json");
            assertThat(Json.mapper().readTree(json.body()).get("text").asText()).isEqualTo("pong \"quoted\"");

            HttpResponse<String> form = post(server, "application/x-www-form-urlencoded", "text=ping+now&user_name=al%26ice");
            assertThat(form.statusCode()).isEqualTo(200);

            assertThat(seen).hasSize(2);
            JsonNode first = Json.mapper().readTree(seen.get(0));
            assertThat(first.get("method").asText()).isEqualTo("POST");
            assertThat(first.get("path").asText()).isEqualTo("/hook");
            assertThat(first.get("body").get("text").asText()).isEqualTo("ping");
            assertThat(first.get("body").get("token").asText()).isEqualTo("****");
            assertThat(first.get("signed").asBoolean()).isFalse();
            JsonNode second = Json.mapper().readTree(seen.get(1));
            assertThat(second.get("body").get("text").asText()).isEqualTo("ping now");
            assertThat(second.get("body").get("user_name").asText()).isEqualTo("al&ice");
        }
    }

    @Test
    void refusesOtherMethods() throws Exception {
        try (EchoServer server = EchoServer.start(0, "pong", line -> { })) {
            HttpResponse<String> get = client.send(HttpRequest.newBuilder(URI.create(server.url())).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(get.statusCode()).isEqualTo(405);
            assertThat(get.headers().firstValue("Allow")).hasValue("POST");
        }
    }
}
