package com.scratch.bench.runtime;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.crac.Core;
import org.crac.Resource;

/**
 * A handler for the runtime's SnapStart test, registering its hooks as a function does, with {@code org.crac}: answers
 * with the hooks the runtime called, in order. {@code HOOK_FAILS=beforeCheckpoint} or {@code afterRestore} makes that
 * hook throw.
 */
public final class SnapStartHooksHandler implements RequestHandler<Map<String, String>, Map<String, List<String>>> {

    static final String FAILING_HOOK_VARIABLE = "HOOK_FAILS";
    private static final List<String> CALLED = new CopyOnWriteArrayList<>();
    /** Held here because CRaC keeps its resources only weakly. */
    private static final Resource HOOKS = new Resource() {
        @Override
        public void beforeCheckpoint(org.crac.Context<? extends Resource> context) {
            called("beforeCheckpoint");
        }

        @Override
        public void afterRestore(org.crac.Context<? extends Resource> context) {
            called("afterRestore");
        }
    };

    public SnapStartHooksHandler() {
        Core.getGlobalContext().register(HOOKS);
    }

    @Override
    public Map<String, List<String>> handleRequest(Map<String, String> event, Context context) {
        return Map.of("hooksCalled", List.copyOf(CALLED));
    }

    private static void called(String hook) {
        CALLED.add(hook);
        if (hook.equals(System.getenv(FAILING_HOOK_VARIABLE))) {
            throw new IllegalStateException(hook + " failed, as " + FAILING_HOOK_VARIABLE + " asked");
        }
    }
}
