package com.scratch.emulators.iam;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One statement of an identity-based policy, its intrinsics already resolved to text. A statement has
 * {@code Action} or {@code NotAction}, and {@code Resource} or {@code NotResource}; an empty list means the
 * element is absent.
 *
 * @param sid the statement's {@code Sid}, or empty; for messages only
 * @param position where the statement is in its policy (from 1), to name it when it has no Sid
 */
public record PolicyStatement(String sid, int position, Effect effect, List<String> actions, List<String> notActions,
        List<String> resources, List<String> notResources) {

    public PolicyStatement {
        Objects.requireNonNull(sid, "sid == null");
        Objects.requireNonNull(effect, "effect == null");
        actions = List.copyOf(actions);
        notActions = List.copyOf(notActions);
        resources = List.copyOf(resources);
        notResources = List.copyOf(notResources);
        if (actions.isEmpty() == notActions.isEmpty()) {
            throw new InvalidPolicyException(name(sid, position) + " needs exactly one of Action and NotAction");
        }
        if (resources.isEmpty() == notResources.isEmpty()) {
            throw new InvalidPolicyException(name(sid, position) + " needs exactly one of Resource and NotResource");
        }
    }

    /** An Allow statement of the plain form, {@code Action} and {@code Resource}. */
    public static PolicyStatement allow(List<String> actions, List<String> resources) {
        return new PolicyStatement("", 1, Effect.ALLOW, actions, List.of(), resources, List.of());
    }

    /** A Deny statement of the plain form. */
    public static PolicyStatement deny(List<String> actions, List<String> resources) {
        return new PolicyStatement("", 1, Effect.DENY, actions, List.of(), resources, List.of());
    }

    public boolean matches(String action, String resource) {
        boolean actionMatches = actions.isEmpty()
                ? notActions.stream().noneMatch(pattern -> IamPattern.matchesAction(pattern, action))
                : actions.stream().anyMatch(pattern -> IamPattern.matchesAction(pattern, action));
        boolean resourceMatches = resources.isEmpty()
                ? notResources.stream().noneMatch(pattern -> IamPattern.matchesResource(pattern, resource))
                : resources.stream().anyMatch(pattern -> IamPattern.matchesResource(pattern, resource));
        return actionMatches && resourceMatches;
    }

    public Optional<String> sidIfAny() {
        return sid.isEmpty() ? Optional.empty() : Optional.of(sid);
    }

    /** {@code statement "ReadStripeKey"} or {@code statement 3}. */
    public String name() {
        return name(sid, position);
    }

    private static String name(String sid, int position) {
        return sid.isEmpty() ? "statement " + position : "statement \"" + sid + "\"";
    }
}
