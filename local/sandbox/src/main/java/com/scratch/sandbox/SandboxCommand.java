package com.scratch.sandbox;

import com.scratch.emulators.serverless.RepositoryRoot;
import com.scratch.emulators.serverless.RepositoryRootNotFoundException;
import com.scratch.emulators.serverless.ServerlessPackageException;
import com.scratch.sandbox.api.LocalCaller;
import com.scratch.sandbox.console.Banner;
import com.scratch.sandbox.console.InvocationLog;
import com.scratch.sandbox.definitions.InvalidServerlessDefinitionException;
import com.scratch.sandbox.definitions.UnresolvedVariableException;
import com.scratch.sandbox.definitions.UnsupportedEnvironmentValueException;
import com.scratch.sandbox.demo.LocalDemo;
import com.scratch.sandbox.startup.SandboxStartException;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.CountDownLatch;
import java.util.function.Supplier;

/**
 * {@code java -jar local/sandbox/target/sandbox.jar [--port 3000] [--demo] [--aws] [--data-dir DIR] [--no-iam]
 * [--xray-daemon HOST:PORT]}: starts the
 * sandbox from the repository it is run in and serves until Ctrl-C; {@code --demo} runs a scripted session
 * against it instead and exits 0 only if every step behaved. When it cannot start, it says why in one line on
 * stderr, without a stack trace, and exits {@value #BAD_COMMAND_LINE} (the command line) or {@value #CANNOT_START}
 * (the rest: a port in use, the data directory, a function jar, a data file).
 */
public final class SandboxCommand {

    private static final String USAGE = "Usage: java -jar local/sandbox/target/sandbox.jar"
            + " [--port N] [--demo] [--aws] [--data-dir DIR] [--no-iam] [--xray-daemon HOST:PORT]\n"
            + "  --port N        API port (default 3000; 0 for any free port)\n"
            + "  --demo          run a scripted purchase, decline and invalid request, then exit (0 = all passed)\n"
            + "  --aws           use real AWS (usual credential chain) and real Stripe test mode: no local endpoints\n"
            + "  --data-dir DIR  where local parameters are kept (default .sandbox in the repository)\n"
            + "  --no-iam        let every local call through, whatever the functions' roles allow and unsigned API calls\n"
            + "                  too (quick experiments only)\n"
            + "  --xray-daemon HOST:PORT  trace every function as Lambda does, sending to the X-Ray daemon there\n"
            + "Exit codes: 0 stopped or demo passed, 1 demo failed, 2 bad command line, 3 cannot start (the line on stderr says why)";

    /** Exit code: the command line is wrong (an unknown option, a bad value), or it was run outside the repository. */
    static final int BAD_COMMAND_LINE = 2;
    /** Exit code: the sandbox cannot start for a reason its one-line message names (see {@link SandboxStartException}). */
    static final int CANNOT_START = 3;
    /** Exit code: {@code --demo} ran and a step did not behave. */
    static final int DEMO_FAILED = 1;

    private SandboxCommand() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        System.exit(run(args, RepositoryRoot::find, System.out, System.err));
    }

    /**
     * Runs the command: returns at once with an exit code when the sandbox cannot start, after the demo with
     * {@code --demo}, and otherwise serves until the JVM shuts down (Ctrl-C).
     *
     * @param repositoryRoot finds the repository to run (it throws {@link RepositoryRootNotFoundException} outside one)
     */
    static int run(String[] args, Supplier<Path> repositoryRoot, PrintStream out, PrintStream err)
            throws IOException, InterruptedException {
        boolean demo = false;
        SandboxOptions options;
        try {
            options = SandboxOptions.defaults(repositoryRoot.get());
        } catch (RepositoryRootNotFoundException e) {
            err.println(e.getMessage());
            return BAD_COMMAND_LINE;
        }
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            switch (option) {
                case "--help" -> {
                    out.println(USAGE);
                    return 0;
                }
                case "--demo" -> demo = true;
                case "--aws" -> options = options.withRealAws(true);
                case "--no-iam" -> options = options.withIamEnforced(false);
                case "--port", "--data-dir", "--xray-daemon" -> {
                    if (++i >= args.length) {
                        err.println(option + " needs a value\n" + USAGE);
                        return BAD_COMMAND_LINE;
                    }
                    if (option.equals("--data-dir")) {
                        options = options.withDataDirectory(Path.of(args[i]));
                    } else if (option.equals("--xray-daemon")) {
                        try {
                            options = options.withXRayDaemon(args[i]);
                        } catch (IllegalArgumentException e) {
                            err.println(e.getMessage());
                            return BAD_COMMAND_LINE;
                        }
                    } else if (port(args[i]).isPresent()) {
                        options = options.withApiPort(port(args[i]).getAsInt());
                    } else {
                        err.println("--port " + args[i] + " is not a port: give a number from 0 to 65535 (0 picks a free one)");
                        return BAD_COMMAND_LINE;
                    }
                }
                default -> {
                    err.println("Unknown option " + option + "\n" + USAGE);
                    return BAD_COMMAND_LINE;
                }
            }
        }
        if (demo && options.realAws()) {
            err.println("--demo needs the local endpoints: it cannot be combined with --aws");
            return BAD_COMMAND_LINE;
        }
        Sandbox stack;
        try {
            stack = Sandbox.start(options, new InvocationLog(out));
        } catch (SandboxStartException | ServerlessPackageException | InvalidServerlessDefinitionException
                | UnresolvedVariableException | UnsupportedEnvironmentValueException e) {
            // What the developer can fix, said in the message: a stack trace would only bury it.
            err.println(e.getMessage());
            return CANNOT_START;
        } catch (IOException e) {
            err.println("Cannot start the sandbox: " + e);
            return CANNOT_START;
        }
        Banner.print(out, bannerLines(stack));
        if (demo) {
            try (stack) {
                return new LocalDemo(stack.apiEndpoint(), out).run() ? 0 : DEMO_FAILED;
            }
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stack.close();
            stopped.countDown();
        }));
        stopped.await();
        return 0;
    }

    /** A port number from 0 to 65535, or empty. */
    private static OptionalInt port(String text) {
        if (!text.matches("\\d{1,5}")) {
            return OptionalInt.empty();
        }
        int port = Integer.parseInt(text);
        return port <= 65_535 ? OptionalInt.of(port) : OptionalInt.empty();
    }

    static List<String> bannerLines(Sandbox stack) {
        List<String> lines = new ArrayList<>();
        String api = stack.apiEndpoint().toString();
        lines.add("Scratch sandbox, stage " + SandboxOptions.STAGE + ", ready in " + stack.startup().toMillis()
                + " ms" + (stack.options().realAws() ? " (real AWS and Stripe test mode)" : ""));
        lines.add("  API     " + api);
        stack.routes().forEach(route -> lines.add("          " + route));
        stack.endpoints().ifPresent(endpoints -> {
            lines.add("  SSM     " + endpoints.ssm.endpoint() + "  (" + endpoints.stripeKeyParameter
                    + " seeded; SecureStrings encrypted in " + stack.options().dataDirectory().resolve("ssm") + ")");
            lines.add("  SNS     " + endpoints.sns.endpoint() + "  topics " + String.join(", ", stack.topicArns().values()));
            lines.add("  Stripe  " + endpoints.stripe.endpoint() + "  (test mode: tok_visa, pm_card_visa, tok_chargeDeclined, ...)");
            lines.add("  Records " + api + "/_local/sms  " + api + "/_local/events  " + api + "/_local/dead-letters");
        });
        stack.options().xrayDaemonAddress().ifPresent(address -> lines.add("  X-Ray   every function traced, sent to "
                + address + " (an SNS delivery continues its publisher's trace)"));
        if (stack.options().realAws()) {
            lines.add("  Topics  " + String.join(", ", stack.topicArns().values()) + " (real SNS: their subscribers here"
                    + " are not invoked; deployed subscribers are)");
        }
        LocalCaller caller = LocalCaller.DEVELOPER;
        lines.add("  Caller  " + caller.accessKeyId() + " / " + caller.secretAccessKey() + "  (local keys: aws_iam routes"
                + " take only requests SigV4-signed with them, as API Gateway takes only IAM-signed ones)");
        lines.add("Try:");
        lines.add("  curl -s -X POST " + api + "/billing --aws-sigv4 'aws:amz:" + LocalCaller.REGION + ":"
                + LocalCaller.SERVICE + "' --user '" + caller.accessKeyId() + ":" + caller.secretAccessKey()
                + "' -H 'Content-Type: application/json' -d '{\"storage\":21,\"source\":\"tok_visa\"}'");
        return lines;
    }
}
