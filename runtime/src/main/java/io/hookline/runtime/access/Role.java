package io.hookline.runtime.access;

/** Who talks to Kafka for Hookline: each has its own principal and gets only the permissions it needs. */
public enum Role {
    MATCHER("matcher"),
    DISPATCHER("dispatcher"),
    INGESTOR("ingestor"),
    INTEGRATION_API("integration-api"),
    /** The chat server's side: it writes posts and clicks, and applies the commands. */
    CHAT_SERVER("chat server");

    private final String title;

    Role(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }
}
