package io.hookline.cli.example;

import io.hookline.cli.CliFailure;
import io.hookline.cli.TcpPort;
import io.hookline.cli.loopback.LoopbackServerCommand;
import java.net.URI;
import java.net.URISyntaxException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code hookline example-integration}: an integration with a button, a menu and a dialog, for trying them out. */
@Command(name = "example-integration", mixinStandardHelpOptions = true,
        description = {"Run a small Mattermost integration on 127.0.0.1 that shows interactive messages and dialogs:",
                "POST /hook (an outgoing webhook's callback) answers with a \"Create ticket\" button and a",
                "\"Priority\" menu; a click on the button updates the post and opens a ticket dialog through",
                "POST /api/v4/actions/dialogs/open of --integration-api; POST /dialogs/ticket takes the dialog.",
                "It speaks Mattermost's formats only: it works against a Mattermost server too.",
                "Prints one line per request (trigger ids shortened). Runs until Ctrl-C."},
        footer = {"", "Example:", "  hookline example-integration --port 8067"})
public final class ExampleIntegrationCommand extends LoopbackServerCommand {

    @Option(names = "--port", converter = TcpPort.class, defaultValue = "8067", paramLabel = "PORT",
            description = "Port on 127.0.0.1 (0: any free port); default ${DEFAULT-VALUE}.")
    int port;

    @Option(names = "--integration-api", defaultValue = "http://127.0.0.1:8066", paramLabel = "URL",
            description = "The chat server's API, where dialogs are opened; default ${DEFAULT-VALUE}.")
    String integrationApi;

    @Override
    public Integer call() throws InterruptedException {
        URI api = integrationApiUri();
        return serve(port, "the example integration", print -> ExampleIntegration.start(port, api, print), url -> {
            println("listening on " + url);
            err().println("example-integration: webhook callback " + url + "/hook; dialogs open through " + api
                    + "; Ctrl-C to stop");
            err().flush();
        });
    }

    private URI integrationApiUri() {
        try {
            URI uri = new URI(integrationApi.trim());
            if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
                throw new CliFailure("--integration-api: must be an http(s) URL like http://127.0.0.1:8066, got '"
                        + integrationApi + "'");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new CliFailure("--integration-api: not a URL: '" + integrationApi + "' (" + e.getReason() + ")");
        }
    }
}
