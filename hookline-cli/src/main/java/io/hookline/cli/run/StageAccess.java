package io.hookline.cli.run;

import io.hookline.cli.kafka.KafkaClients;
import io.hookline.runtime.access.AccessCheck;
import io.hookline.runtime.access.AccessMatrix;
import io.hookline.runtime.access.Role;
import io.hookline.runtime.config.HooklineConfig;
import java.util.List;
import org.apache.kafka.clients.admin.Admin;

/** Before the stages start: does this process's principal hold what each stage needs (on a cluster with ACLs)? */
final class StageAccess {

    private StageAccess() {
    }

    /** @throws IllegalStateException naming the principal and each missing permission */
    static void require(HooklineConfig config, List<Stage> stages) {
        String principal = AccessCheck.principalOf(config.kafkaProperties());
        try (Admin admin = new KafkaClients(config).admin()) {
            AccessCheck check = new AccessCheck(admin);
            for (Stage stage : stages) {
                check.require(AccessMatrix.grants(Role.valueOf(stage.name()), config), stage.command(), principal);
            }
        }
    }
}
