package com.scratch.emulators.iam;

import com.scratch.emulators.internal.ReceivedRequest;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Who may call a local endpoint, and what: each caller is a {@link LocalPrincipal} found by the access key id of
 * its SigV4 signature, checked against its secret, and then held to its role's policy, as AWS does. An unsigned
 * request, an unknown key or a bad signature is refused before anything else. Thread-safe.
 *
 * <pre>{@code
 * AccessControl access = new AccessControl();
 * access.register(billing);                           // a LocalPrincipal with its packaged policy
 * SsmEmulator ssm = SsmEmulator.start();
 * ssm.enforce(access);                                 // every later request is checked
 * access.onRefusal(refusal -> System.out.println(refusal.message()));
 * }</pre>
 */
public final class AccessControl {

    private final Map<String, LocalPrincipal> byAccessKey = new ConcurrentHashMap<>();
    private final List<Consumer<AccessRefusal>> listeners = new CopyOnWriteArrayList<>();

    public AccessControl register(LocalPrincipal principal) {
        Objects.requireNonNull(principal, "principal == null");
        byAccessKey.put(principal.accessKeyId(), principal);
        return this;
    }

    /** Called with every refusal, on the endpoint's thread, before the caller is answered. */
    public void onRefusal(Consumer<AccessRefusal> listener) {
        listeners.add(Objects.requireNonNull(listener, "listener == null"));
    }

    /**
     * Checks one request that asks for {@code action} on each of {@code resources}: empty when every one is
     * allowed, else the first refusal (listeners have been told).
     *
     * @param action the IAM action, e.g. {@code ssm:GetParameters}
     * @param displayedAction the same as the service writes it in its messages ({@code SNS:Publish})
     */
    public Optional<AccessRefusal> check(ReceivedRequest request, String action, String displayedAction, List<String> resources) {
        Optional<AccessRefusal> refusal = refusal(request, action, displayedAction, resources);
        refusal.ifPresent(found -> listeners.forEach(listener -> listener.accept(found)));
        return refusal;
    }

    private Optional<AccessRefusal> refusal(ReceivedRequest request, String action, String displayedAction, List<String> resources) {
        Optional<SigV4Authorization> signature = SigV4Authorization.of(request);
        if (signature.isEmpty()) {
            return Optional.of(new AccessRefusal.Unsigned());
        }
        LocalPrincipal principal = byAccessKey.get(signature.get().accessKeyId());
        if (principal == null) {
            return Optional.of(new AccessRefusal.UnknownAccessKey(signature.get().accessKeyId()));
        }
        if (!signature.get().verify(request, principal.secretAccessKey())) {
            return Optional.of(new AccessRefusal.BadSignature(principal));
        }
        for (String resource : resources) {
            IamDecision decision = principal.policy().evaluate(action, resource);
            if (!decision.allowed()) {
                Optional<PolicyStatement> deny = decision.outcome() == IamDecision.Outcome.EXPLICITLY_DENIED
                        ? decision.decidingStatement() : Optional.empty();
                return Optional.of(new AccessRefusal.NotAuthorized(principal, action, displayedAction, resource, deny));
            }
        }
        return Optional.empty();
    }
}
