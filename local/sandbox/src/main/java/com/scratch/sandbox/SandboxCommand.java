package com.scratch.sandbox;

import com.scratch.emulators.serverless.RepositoryRoot;
import com.scratch.emulators.serverless.RepositoryRootNotFoundException;
import com.scratch.sandbox.console.Banner;
import com.scratch.sandbox.console.InvocationLog;
import com.scratch.sandbox.demo.LocalDemo;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * {@code java -jar local/sandbox/target/sandbox.jar [--port 3000] [--demo] [--aws] [--data-dir DIR] [--no-iam]}: starts the
 * sandbox from the repository it is run in and serves until Ctrl-C; {@code --demo} runs a scripted session
 * against it instead and exits 0 only if every step behaved.
 */
public final class SandboxCommand {

    private static final String USAGE = "Usage: java -jar local/sandbox/target/sandbox.jar"
            + " [--port N] [--demo] [--aws] [--data-dir DIR] [--no-iam]\n"
            + "  --port N        API port (default 3000; 0 for any free port)\n"
            + "  --demo          run a scripted purchase, decline and invalid request, then exit (0 = all passed)\n"
            + "  --aws           use real AWS (usual credential chain) and real Stripe test mode: no local endpoints\n"
            + "  --data-dir DIR  where local parameters are kept (default .sandbox in the repository)\n"
            + "  --no-iam        let every local call through, whatever the functions' roles allow (quick experiments only)";

    private SandboxCommand() {
    }

    public static void main(String[] args) throws Exception {
        PrintStream out = System.out;
        boolean demo = false;
        Path root = repositoryRoot();
        SandboxOptions options = SandboxOptions.defaults(root);
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--demo": demo = true; break;
                case "--aws": options = options.withRealAws(true); break;
                case "--no-iam": options = options.withIamEnforced(false); break;
                case "--port": options = options.withApiPort(Integer.parseInt(value(args, ++i, "--port"))); break;
                case "--data-dir": options = options.withDataDirectory(Path.of(value(args, ++i, "--data-dir"))); break;
                case "--help": out.println(USAGE); return;
                default:
                    System.err.println("Unknown option " + args[i] + "\n" + USAGE);
                    System.exit(2);
            }
        }
        if (demo && options.realAws()) {
            System.err.println("--demo needs the local endpoints: it cannot be combined with --aws");
            System.exit(2);
        }
        Sandbox stack = Sandbox.start(options, new InvocationLog(out));
        Banner.print(out, bannerLines(stack));
        if (demo) {
            boolean passed;
            try (stack) {
                passed = new LocalDemo(stack.apiEndpoint(), out).run();
            }
            System.exit(passed ? 0 : 1);
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stack.close();
            stopped.countDown();
        }));
        stopped.await();
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
        if (stack.options().realAws()) {
            lines.add("  Topics  " + String.join(", ", stack.topicArns().values()) + " (real SNS: their subscribers here"
                    + " are not invoked; deployed subscribers are)");
        }
        lines.add("Try:");
        lines.add("  curl -s -X POST " + api + "/billing -H 'Content-Type: application/json' -d '{\"storage\":21,\"source\":\"tok_visa\"}'");
        return lines;
    }

    private static String value(String[] args, int index, String option) {
        if (index >= args.length) {
            System.err.println(option + " needs a value\n" + USAGE);
            System.exit(2);
        }
        return args[index];
    }

    /** The repository the command runs in; outside one, a message and exit code 2. */
    private static Path repositoryRoot() {
        try {
            return RepositoryRoot.find();
        } catch (RepositoryRootNotFoundException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            throw e;
        }
    }
}
