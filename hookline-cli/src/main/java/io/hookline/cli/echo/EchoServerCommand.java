package io.hookline.cli.echo;

import io.hookline.cli.TcpPort;
import io.hookline.cli.loopback.LoopbackServerCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code hookline echo-server}: a local callback URL for the quick start. */
@Command(name = "echo-server", mixinStandardHelpOptions = true,
        description = {"Run a tiny callback server on 127.0.0.1 that answers every POST with {\"text\": TEXT}",
                "and prints each request it receives as one JSON line. Runs until Ctrl-C.",
                "Callbacks to 127.0.0.1 need hookline.allowed-untrusted-internal-connections to allow it",
                "(`hookline up` with its local broker allows loopback unless you set that key)."},
        footer = {"", "Example:", "  hookline echo-server --port 8065 --text pong"})
public final class EchoServerCommand extends LoopbackServerCommand {

    @Option(names = "--port", converter = TcpPort.class, defaultValue = "8065", paramLabel = "PORT",
            description = "Port on 127.0.0.1 (0: any free port); default ${DEFAULT-VALUE}.")
    int port;

    @Option(names = "--text", defaultValue = "pong", paramLabel = "TEXT",
            description = "The text of every answer; default ${DEFAULT-VALUE}.")
    String text;

    @Override
    public Integer call() throws InterruptedException {
        return serve(port, "the echo server", print -> EchoServer.start(port, text, print), url -> {
            err().println("echo-server listening on " + url + " answering {\"text\": \"" + text
                    + "\"}; Ctrl-C to stop");
            err().flush();
        });
    }
}
