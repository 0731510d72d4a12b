package com.scratch.logging;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ConfiguratorRank;
import ch.qos.logback.core.spi.ContextAwareBase;

/**
 * Logback's configuration of a function's JVM until the function sets up its own ({@link FunctionLogging#configure}):
 * the same lines, from the process environment (in Lambda, the function's), without the service's name, which only
 * the function knows. Logback finds it through its service file when the first logger is asked for, before anything
 * else it would try.
 *
 * <p>Without it, Logback looks for {@code logback-test.xml} and {@code logback.xml} through the class loader (in Lambda
 * the runtime's, over the whole task root) and then sets up a console layout with its date formatters, 100 to 200 ms
 * of a cold start (BENCHMARKS.md, figure 1) for a configuration the function replaces a moment later, and a line
 * logged meanwhile would be plain text among the JSON.
 */
@ConfiguratorRank(ConfiguratorRank.CUSTOM_TOP_PRIORITY)
public final class FunctionLogbackConfigurator extends ContextAwareBase implements Configurator {

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        FunctionLogging.configureUntilTheFunctionDoes(context, System.getenv());
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }
}
