package io.hookline.cli.deliveries;

import io.hookline.cli.CliFailure;
import io.hookline.cli.ExitCodes;
import io.hookline.cli.HooklineSubcommand;
import io.hookline.runtime.config.Durations;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code hookline deliveries redeliver}: sends failed deliveries again, as new triggers built from the failed
 * delivery's post and callback URL, once their cause is fixed; the dispatcher sends them, like any trigger, with the
 * hook's token and signing secrets as they are then.
 */
@Command(name = "redeliver", mixinStandardHelpOptions = true,
        description = {"Deliver failed deliveries again. Reads the failed outcomes on the delivery log",
                "(webhook-responses) and publishes one new trigger per failure to webhook-triggers, with the",
                "failed delivery's post and callback URL; the dispatcher sends it with the hook's token and signing",
                "secrets as they are then. Select",
                "failures by DELIVERY_ID, --hook and --since (together they narrow), or --all-failed. The new",
                "delivery id follows from the failure (the same failure always gives the same id, so running this",
                "twice posts a response at most once); a failure whose redelivery already succeeded is left alone,",
                "one whose redelivery failed is redelivered from that newer failure. A failure whose hook is no",
                "longer live, or no longer has its callback URL, is skipped with the reason.",
                "Prints FAILED_ID REDELIVERY_ID TOPIC:PARTITION:OFFSET per redelivery on stdout; notes and",
                "progress on stderr. Exit code 1 when a selected failure was skipped."},
        footer = {"", "Examples:", "  hookline deliveries redeliver --hook 8ki1sq3t6jdt3r9ejzqwbp7n5e --since 24h",
                "  hookline deliveries redeliver --all-failed --since 2026-11-28T09:00:00Z",
                "  hookline deliveries redeliver 3q8fzkk1x7dmxb5ht4z8aktkpa"})
public final class RedeliverCommand extends HooklineSubcommand {

    @Parameters(paramLabel = "DELIVERY_ID", arity = "0..*",
            description = "Failed deliveries to redeliver (the delivery_id of their outcome).")
    List<String> deliveryIds = new ArrayList<>();

    @Option(names = "--hook", paramLabel = "ID", description = "Only failed deliveries of this hook.")
    String hookId;

    @Option(names = "--since", paramLabel = "WHEN", description = "Only deliveries that failed at or after WHEN: "
            + "an ISO-8601 instant (2026-11-28T09:00:00Z) or a time ago (30m, 24h, 7d).")
    String since;

    @Option(names = "--all-failed", description = "Every failed delivery (no other selection needed).")
    boolean allFailed;

    @Override
    public Integer call() {
        Clock clock = Clock.systemUTC();
        Selection selection = selection(clock);
        Redeliveries.Report report = new Redeliveries(clientConfig()).redeliver(selection, clock.millis(), err(),
                r -> out().println(r.failedId() + " " + r.redeliveryId() + " " + r.topic() + ":" + r.partition()
                        + ":" + r.offset()));
        report.notes().forEach(err()::println);
        err().println("redelivered " + report.redelivered().size() + " of " + report.planned()
                + " selected failed deliveries" + (report.skipped().isEmpty() ? "" : "; " + report.skipped().size()
                + " skipped"));
        return report.skipped().isEmpty() ? ExitCodes.OK : ExitCodes.FAILURE;
    }

    /** The selection the options make; asking for nothing is an error, so a bare command never redelivers all. */
    Selection selection(Clock clock) {
        if (allFailed && !deliveryIds.isEmpty()) {
            throw new CliFailure("--all-failed selects every failure: give it without DELIVERY_IDs");
        }
        if (!allFailed && deliveryIds.isEmpty() && hookId == null && since == null) {
            throw new CliFailure("say which failed deliveries to redeliver: DELIVERY_ID..., --hook ID, --since WHEN, "
                    + "or --all-failed");
        }
        return new Selection(deliveryIds, hookId, since == null ? null : sinceMillis(since, clock));
    }

    /** {@code --since}: an ISO-8601 instant, or a duration before now in Hookline's one duration grammar. */
    static long sinceMillis(String value, Clock clock) {
        try {
            return clock.millis() - Durations.parse(value).toMillis();
        } catch (IllegalArgumentException notADuration) {
            try {
                return Instant.parse(value.trim()).toEpochMilli();
            } catch (DateTimeParseException e) {
                throw new CliFailure("--since must be an ISO-8601 instant like 2026-11-28T09:00:00Z or "
                        + Durations.FORM + " (that long ago); got '" + value + "'");
            }
        }
    }
}
