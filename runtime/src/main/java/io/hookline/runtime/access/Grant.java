package io.hookline.runtime.access;

import java.util.Objects;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

/** One permission a Hookline role needs: an operation on a topic, group or transactional id (or names with a prefix). */
public record Grant(AclOperation operation, ResourceType resourceType, String name, PatternType patternType) {

    public Grant {
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(resourceType, "resourceType");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(patternType, "patternType");
    }

    static Grant topic(AclOperation operation, String name) {
        return new Grant(operation, ResourceType.TOPIC, name, PatternType.LITERAL);
    }

    static Grant prefixed(AclOperation operation, ResourceType type, String prefix) {
        return new Grant(operation, type, prefix, PatternType.PREFIXED);
    }

    /** The ACL that allows this for {@code principal} (e.g. {@code User:dispatcher}) from any host. */
    public AclBinding toBinding(String principal) {
        return new AclBinding(new ResourcePattern(resourceType, name, patternType),
                new AccessControlEntry(principal, "*", operation, AclPermissionType.ALLOW));
    }

    /** {@code READ on topic posts}, {@code WRITE on transactional ids starting with hookline-matcher}. */
    public String describe() {
        String what = switch (resourceType) {
            case TOPIC -> "topic";
            case GROUP -> "group";
            case TRANSACTIONAL_ID -> "transactional id";
            case CLUSTER -> "cluster";
            default -> resourceType.name().toLowerCase(java.util.Locale.ROOT);
        };
        if (patternType == PatternType.PREFIXED) {
            what = what.endsWith("y") ? what.substring(0, what.length() - 1) + "ies" : what + "s";
            return operation + " on " + what + " starting with " + name;
        }
        return operation + " on " + what + " " + name;
    }
}
