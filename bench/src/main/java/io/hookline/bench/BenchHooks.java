package io.hookline.bench;

import io.hookline.schemas.Ids;
import io.hookline.schemas.hook.ContentTypes;
import io.hookline.schemas.hook.OutgoingWebhook;
import java.util.List;

/** The hooks of the pipeline scenarios: team-wide, on one trigger word, JSON requests. */
final class BenchHooks {

    /** The trigger word of every pipeline scenario's hooks; a post that starts with it matches. */
    static final String TRIGGER_WORD = "deploy";

    private BenchHooks() {
    }

    /** A hook of {@code team} on {@link #TRIGGER_WORD} in every channel, calling {@code urls}. */
    static OutgoingWebhook teamHook(String id, String team, List<String> urls, String displayName) {
        return new OutgoingWebhook(id, Ids.newId(), 1, 1, 0, Ids.deterministic("bot"), "", team,
                List.of(TRIGGER_WORD), 0, urls, displayName, "", ContentTypes.JSON, "", "", null);
    }
}
