package io.hookline.dispatcher.hook;

import io.hookline.schemas.hook.OutgoingWebhook;

/** Whether a delivery may be sent with its hook as the hook table has it at send time. */
public sealed interface SendDecision {

    /** The hook is live and still calls the delivery's URL: send with its token, secrets and content type. */
    record Send(OutgoingWebhook hook) implements SendDecision {
    }

    /** The hook is gone for this delivery: no attempt, a failed outcome naming why, and no failure notice. */
    record Gone(String reason) implements SendDecision {
    }
}
